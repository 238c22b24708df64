// People read Asia/Shanghai (UTC+8, no daylight saving); the database stores UTC instants.
const OFFSET_MS = 8 * 3600_000;

/** The Asia/Shanghai calendar date of an instant, as 'YYYY-MM-DD'. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD HH:MM' in Asia/Shanghai. */
export function shanghaiDateTime(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** ISO 8601 with the +08:00 offset, for machine-readable output that people also read. */
export function shanghaiIso(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
}

/** 00:00 Asia/Shanghai of a 'YYYY-MM-DD' date, as an instant (periods, filters and typed dates all start here). */
export function shanghaiMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

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
export const shanghaiIso = (at: Date): string => shanghaiIsoOf(at.getTime());

/** shanghaiIso of an instant in ms since the epoch (rows read raw need no Date). */
export function shanghaiIsoOf(instant: number): string {
  const ms = instant + OFFSET_MS;
  const day = Math.floor(ms / DAY_MS);
  const s = Math.floor((ms - day * DAY_MS) / 1000);
  return `${isoDay(day)}T${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}+08:00`;
}
// Open311 and the feeds print thousands of instants a page, most on a few days: each day's date is formatted once.
const DAY_MS = 86_400_000;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));
const days = new Map<number, string>();
function isoDay(day: number): string {
  let d = days.get(day);
  if (d === undefined) {
    if (days.size >= 4096) days.clear(); // bounded
    days.set(day, (d = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  }
  return d;
}

/** 00:00 Asia/Shanghai of a 'YYYY-MM-DD' date, as an instant (periods, filters and typed dates all start here). */
export function shanghaiMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

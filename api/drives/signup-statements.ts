/**
 * The signup's reads and insert as statements prepared once. Built with Drizzle on every request they were most of a
 * signup's time (query building and SQLite's prepare: ~4 ms of ~5); the SQL here is what Drizzle generated.
 */
import type { Db } from '../../db/client.ts';

type Occurrence = { status: 'scheduled' | 'cancelled' | 'closed'; startsAt: Date; endsAt: Date; capacity: number; active: boolean };
type Prior = { id: number; occurrenceId: number; code: string; name: string; status: 'confirmed' | 'waitlisted' | 'cancelled'; waitSeq: number | null; sequence: number };
export type NewSignup = {
  occurrenceId: number; code: string; name: string; phone: string; team: string; org: string; ageGroup: string;
  guardianName: string | null; guardianPhone: string | null; status: 'confirmed' | 'waitlisted'; waitSeq: number | null; createdAt: number;
};

export function signupStatements(db: Db) {
  const sqlite = db.$client;
  const occurrence = sqlite.prepare(`select o.status, o.starts_at startsAt, o.ends_at endsAt, o.capacity, s.active
    from drive_occurrences o join drive_series s on s.id = o.series_id where o.id = ?`);
  const prior = sqlite.prepare(`select id, occurrence_id occurrenceId, code, name, status, wait_seq waitSeq, sequence
    from drive_signups where occurrence_id = ? and phone = ?`);
  const confirmed = sqlite.prepare(`select count(*) from drive_signups where occurrence_id = ? and status = 'confirmed'`).pluck();
  const lastWaitSeq = sqlite.prepare('select max(wait_seq) from drive_signups where occurrence_id = ?').pluck();
  const ahead = sqlite.prepare(`select count(*) from drive_signups where occurrence_id = ? and status = 'waitlisted' and wait_seq < ?`).pluck();
  const insert = sqlite.prepare(`insert into drive_signups (occurrence_id, code, name, phone, team, org, age_group, guardian_name,
    guardian_phone, status, wait_seq, created_at) values (@occurrenceId, @code, @name, @phone, @team, @org, @ageGroup, @guardianName,
    @guardianPhone, @status, @waitSeq, @createdAt)`);
  return {
    occurrence(id: number): Occurrence | undefined {
      const r = occurrence.get(id) as { status: Occurrence['status']; startsAt: number; endsAt: number; capacity: number; active: number } | undefined;
      return r && { ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt), active: r.active === 1 };
    },
    prior: (occurrenceId: number, phone: string) => prior.get(occurrenceId, phone) as Prior | undefined,
    confirmed: (occurrenceId: number) => confirmed.get(occurrenceId) as number,
    nextWaitSeq: (occurrenceId: number) => ((lastWaitSeq.get(occurrenceId) as number | null) ?? 0) + 1,
    /** 1-based position on the waitlist (null when not waitlisted): store.ts waitPosition, prepared. */
    position: (s: { occurrenceId: number; status: string; waitSeq: number | null }) =>
      s.status !== 'waitlisted' || s.waitSeq === null ? null : (ahead.get(s.occurrenceId, s.waitSeq) as number) + 1,
    insert: (row: NewSignup) => Number(insert.run(row).lastInsertRowid),
  };
}

/** The volunteer's own use cases: sign up, view, cancel, check in. Each write is one immediate transaction. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { driveSignups } from '../../db/schema.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import { confirmationCode, manageToken, sameCode, tokenId } from './codes.ts';
import { cancelRefusal, seatFor, selfCheckInOpen, signupRefusal } from './roster.ts';
import { signupInput } from './schema.ts';
import { occurrenceWithSeries, promote, seatCounts, waitPosition, type SignupRow, type Tx } from './store.ts';
import { signupStatements } from './signup-statements.ts';

export type SignupDeps = { db: Db; clock: () => Date; secret: string; publicUrl: string };
export type SignupResult = { id: number; status: 'confirmed' | 'waitlisted'; position: number | null; code: string; token: string; existing: boolean };

export function createSignups({ db, clock, secret, publicUrl }: SignupDeps) {
  const base = publicUrl.replace(/\/$/, '');
  const tokenOf = (s: Pick<SignupRow, 'id' | 'code'>) => manageToken(secret, s.id, s.code);
  const manageUrl = (token: string, lang: 'zh' | 'en' = 'zh') => `${base}${lang === 'en' ? '/en' : ''}/drives/signup/${token}`;

  const q = signupStatements(db);
  // better-sqlite3's own BEGIN IMMEDIATE … COMMIT: Drizzle's wrapper built two objects per signup for nothing.
  const inTransaction = db.$client.transaction((fn: () => SignupResult) => fn());
  const immediate = (fn: () => SignupResult) => inTransaction.immediate(fn);

  /** Seat check and insert in one write transaction: exact capacity across processes. */
  function signUp(occurrenceId: number, fields: unknown): SignupResult {
    const v = parseInput(signupInput, fields ?? {});
    return immediate(() => {
      const now = clock();
      const occ = q.occurrence(occurrenceId);
      if (!occ || !occ.active) throw new AppError(404, 'drive_not_found');
      const refusal = signupRefusal(occ, now);
      if (refusal) throw new AppError(409, refusal);
      const prior = q.prior(occurrenceId, v.phone);
      const answer = (s: Pick<SignupRow, 'id' | 'occurrenceId' | 'code' | 'status' | 'waitSeq'>, existing: boolean): SignupResult => ({
        id: s.id, status: s.status as SignupResult['status'], position: q.position(s), code: s.code, token: tokenOf(s), existing,
      });
      if (prior && prior.status !== 'cancelled') {
        // The same person again (a double tap, a retry): their signup, never a second seat. Someone else's
        // phone number learns nothing but that it is taken.
        if (prior.name !== v.name) throw new AppError(409, 'already_signed_up', { phone: 'already_signed_up' });
        return answer(prior, true);
      }
      const status = seatFor(q.confirmed(occurrenceId), occ.capacity);
      const row = {
        occurrenceId, name: v.name, phone: v.phone, team: v.team, org: v.team === 'individual' ? '' : v.org, ageGroup: v.ageGroup as 'adult' | 'minor',
        guardianName: v.ageGroup === 'minor' ? v.guardianName : null, guardianPhone: v.ageGroup === 'minor' ? v.guardianPhone : null,
        status, waitSeq: status === 'waitlisted' ? q.nextWaitSeq(occurrenceId) : null,
      };
      if (prior) {
        // Signing up again after cancelling: the same row and code, a new iCalendar sequence (rare: Drizzle is fine here).
        const saved = db.update(driveSignups).set({ ...row, createdAt: now, code: prior.code, cancelledAt: null, promotedAt: null, checkedInAt: null, checkinBy: null, sequence: prior.sequence + 1 })
          .where(eq(driveSignups.id, prior.id)).returning().get();
        return answer(saved, false);
      }
      const code = confirmationCode();
      return answer({ id: q.insert({ ...row, code, createdAt: now.getTime() }), occurrenceId, code, status, waitSeq: row.waitSeq }, false);
    });
  }

  function byToken(tx: Tx, token: string): SignupRow {
    const id = tokenId(token);
    const s = id === null ? undefined : tx.select().from(driveSignups).where(eq(driveSignups.id, id)).get();
    if (!s || tokenOf(s) !== token) throw new AppError(404, 'signup_not_found');
    return s;
  }

  /** What the secret link shows: the signup (with its position) and its occurrence. */
  function view(token: string) {
    const s = byToken(db, token);
    const found = occurrenceWithSeries(db, s.occurrenceId)!;
    return { signup: s, position: waitPosition(db, s), occ: found.occ, series: found.series, counts: seatCounts(db, s.occurrenceId), now: clock() };
  }

  /** Cancels, and in the same transaction gives the seat to the first on the waitlist. */
  function cancel(token: string) {
    return db.transaction((tx) => {
      const now = clock();
      const s = byToken(tx, token);
      if (s.status === 'cancelled') return { status: 'cancelled' as const, promoted: 0 };
      const { occ } = occurrenceWithSeries(tx, s.occurrenceId)!;
      const refusal = cancelRefusal(occ, now);
      if (refusal) throw new AppError(409, refusal);
      tx.update(driveSignups).set({ status: 'cancelled', waitSeq: null, cancelledAt: now, sequence: s.sequence + 1 })
        .where(eq(driveSignups.id, s.id)).run();
      const moved = s.status === 'confirmed' ? promote(tx, occ.id, occ.capacity, now) : [];
      return { status: 'cancelled' as const, promoted: moved.length };
    }, { behavior: 'immediate' });
  }

  /** Self check-in with the code shown at the meeting point, only during the drive window. Credits nothing yet. */
  function checkIn(token: string, code: string) {
    return db.transaction((tx) => {
      const now = clock();
      const s = byToken(tx, token);
      const { occ } = occurrenceWithSeries(tx, s.occurrenceId)!;
      if (s.status !== 'confirmed') throw new AppError(409, 'checkin_not_confirmed');
      if (!selfCheckInOpen(occ, now)) throw new AppError(409, 'checkin_closed');
      if (!sameCode(code, occ.checkinCode)) throw new AppError(400, 'invalid_input', { code: 'checkin_code_wrong' });
      if (!s.checkedInAt) tx.update(driveSignups).set({ checkedInAt: now, checkinBy: 'self' }).where(eq(driveSignups.id, s.id)).run();
      return { checkedIn: true };
    }, { behavior: 'immediate' });
  }

  return { signUp, view, cancel, checkIn, manageUrl, tokenOf };
}

export type Signups = ReturnType<typeof createSignups>;

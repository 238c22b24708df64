/**
 * The four indicators of China's digital urban-management evaluation, as pure functions over one case each
 * (or counts), so a caller can add what it knows (the handlers' 回访 adds callback ratings to 满意率):
 *
 * - 按期处置率: of the cases due, those whose unit finished the work (处置完毕, `resolvedAt`) by the due time.
 *   The unit's clock: the command centre's verification (核查) afterwards is never charged to the unit.
 * - 按期结案率: of the cases due, those closed (verified) by the due time.
 * - 返工率: failed verifications ÷ all verifications' inputs, i.e. rework ÷ (rework + resolutions standing now).
 * - 满意率: (满意 + 基本满意) ÷ ratings given.
 */

type Timed = { state: string; dueAt: Date | null; resolvedAt: Date | null; closedAt: Date | null };

/** The unit's work was done by the due time (exactly at it counts); a later verification does not matter. */
export const isHandledOnTime = (r: Timed): boolean =>
  r.dueAt !== null && r.resolvedAt !== null && (r.state === 'resolved' || r.state === 'closed')
  && r.resolvedAt.getTime() <= r.dueAt.getTime();

/** Closed (verified) by the due time. */
export const isClosedOnTime = (r: Timed): boolean =>
  r.state === 'closed' && r.closedAt !== null && r.dueAt !== null && r.closedAt.getTime() <= r.dueAt.getTime();

export const rate = (n: number, of: number): number | null => (of > 0 ? n / of : null);

/**
 * 返工率. Every rework sent back one resolution; the resolutions standing now are the resolved and closed cases.
 * So the verifications so far = reworks + standing resolutions, and the rate is reworks over that.
 */
export const reworkRate = (reworks: number, standingResolutions: number): number | null => rate(reworks, reworks + standingResolutions);

export type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
export type RatingCounts = Record<Rating, number>;

export const countRatings = (ratings: (Rating | null)[]): RatingCounts => {
  const c: RatingCounts = { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 };
  for (const r of ratings) if (r) c[r]++;
  return c;
};

/** 满意率 = (满意 + 基本满意) ÷ all ratings; null when nobody rated. */
export const satisfactionRate = (c: RatingCounts): number | null =>
  rate(c.satisfied + c.basically_satisfied, c.satisfied + c.basically_satisfied + c.unsatisfied);

export type DeadlineStatus =
  | { kind: 'handled_on_time' } // the unit finished by the due time (whatever the verification took)
  | { kind: 'handled_late'; hours: number } // …after it, by this much
  | { kind: 'overdue'; hours: number } // still not done, past the due time by this much
  | { kind: 'running' }; // not done, not yet due

/** Where a case stands against its deadline, on the unit's clock; null without a deadline (or when left out: on hold…). */
export function deadlineStatus(c: Timed, now: Date): DeadlineStatus | null {
  if (!c.dueAt || !['accepted', 'dispatched', 'in_progress', 'resolved', 'closed'].includes(c.state)) return null;
  const due = c.dueAt.getTime();
  const done = (c.state === 'resolved' || c.state === 'closed') ? (c.resolvedAt ?? c.closedAt) : null;
  if (done) return done.getTime() <= due ? { kind: 'handled_on_time' } : { kind: 'handled_late', hours: (done.getTime() - due) / 3_600_000 };
  return now.getTime() > due ? { kind: 'overdue', hours: (now.getTime() - due) / 3_600_000 } : { kind: 'running' };
}

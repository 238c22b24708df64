/** The roster's rules as plain functions: seats, waitlist, cancelling and checking in. */
export type OccurrenceState = { status: 'scheduled' | 'cancelled' | 'closed'; startsAt: Date; endsAt: Date };

export const SELF_CHECKIN_BEFORE_MS = 30 * 60_000; // the code works from half an hour before the start

/** Why an occurrence takes no signups now, or null when it does. */
export function signupRefusal(o: OccurrenceState, now: Date): 'drive_cancelled' | 'drive_closed' | 'drive_started' | null {
  if (o.status === 'cancelled') return 'drive_cancelled';
  if (o.status === 'closed') return 'drive_closed';
  if (now.getTime() >= o.startsAt.getTime()) return 'drive_started';
  return null;
}

/** A new signup takes a seat while seats are left, otherwise the end of the waitlist. */
export function seatFor(confirmed: number, capacity: number): 'confirmed' | 'waitlisted' {
  return confirmed < capacity ? 'confirmed' : 'waitlisted';
}

/** How many waitlisted people move up when `confirmed` of `capacity` seats are taken. */
export function promotable(confirmed: number, capacity: number, waiting: number): number {
  return Math.max(0, Math.min(waiting, capacity - confirmed));
}

export function cancelRefusal(o: OccurrenceState, now: Date): 'cancel_too_late' | null {
  return o.status === 'scheduled' && now.getTime() < o.startsAt.getTime() ? null : 'cancel_too_late';
}

export function selfCheckInOpen(o: OccurrenceState, now: Date): boolean {
  const t = now.getTime();
  return o.status === 'scheduled' && t >= o.startsAt.getTime() - SELF_CHECKIN_BEFORE_MS && t <= o.endsAt.getTime();
}

/** Hours credited on closing: only to those the organiser confirms as present. */
export function creditFor(attended: boolean, hours: number): { attendance: 'attended' | 'no_show'; hours: number | null } {
  return attended ? { attendance: 'attended', hours } : { attendance: 'no_show', hours: null };
}

/**
 * Series-level changes: edit (applied to the occurrences not yet started) and stop (no more occurrences; the coming
 * ones cancelled, so those signed up see it on their signup page and in their calendar). One immediate transaction each.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { driveOccurrences, driveSeries } from '../../db/schema.ts';
import type { Lang } from '../i18n/index.ts';
import type { Audit } from '../staff/audit.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import { trackingNos, type Hotspots } from './hotspots.ts';
import { mayOrganise, maySee, type Actor } from './organise.ts';
import { shanghaiInstant } from './schedule.ts';
import { seriesEdit } from './schema.ts';
import { promote, seatCounts, type OccurrenceRow, type Tx } from './store.ts';

/**
 * How an edit reaches one coming occurrence. Nobody signed up: it takes the new times and places. People signed up
 * (or waiting): it keeps the time they signed up for (the organiser moves or cancels it on its own), and its places
 * never drop below those already confirmed; more places promote from the waitlist at once.
 */
export function occurrenceChange(occ: Pick<OccurrenceRow, 'date' | 'startsAt' | 'endsAt'>, taken: { confirmed: number; waitlisted: number }, edit: { startTime: string; endTime: string; capacity: number }) {
  const startsAt = shanghaiInstant(occ.date, edit.startTime);
  const endsAt = shanghaiInstant(occ.date, edit.endTime);
  const moved = startsAt.getTime() !== occ.startsAt.getTime() || endsAt.getTime() !== occ.endsAt.getTime();
  const hasPeople = taken.confirmed + taken.waitlisted > 0;
  return {
    times: moved && !hasPeople ? { startsAt, endsAt } : null,
    keptTime: moved && hasPeople,
    capacity: Math.max(edit.capacity, taken.confirmed),
  };
}

export function createSeriesAdmin({ db, clock, audit, hotspots }: { db: Db; clock: () => Date; audit: Audit; hotspots: Hotspots }) {
  function load(tx: Tx, actor: Actor, seriesId: number) {
    const s = tx.select().from(driveSeries).where(eq(driveSeries.id, seriesId)).get();
    if (!s || !maySee(actor, s.unitId)) throw new AppError(404, 'series_not_found');
    if (!mayOrganise(actor, s.unitId)) throw new AppError(403, 'action_forbidden');
    if (!s.active) throw new AppError(409, 'drive_not_editable');
    return s;
  }

  const coming = (tx: Tx, seriesId: number, now: Date) => tx.select().from(driveOccurrences)
    .where(and(eq(driveOccurrences.seriesId, seriesId), eq(driveOccurrences.status, 'scheduled'), gt(driveOccurrences.startsAt, now))).all();

  function edit(actor: Actor, seriesId: number, fields: unknown, lang: Lang = 'zh') {
    return db.transaction((tx) => {
      const now = clock();
      const before = load(tx, actor, seriesId); // who may, before what they sent: a stranger learns nothing from field errors
      const v = parseInput(seriesEdit, fields ?? {});
      const { cases: typed, ...rest } = v;
      const s = tx.update(driveSeries).set({ ...rest, titleEn: v.titleEn || v.titleZh }).where(eq(driveSeries.id, seriesId)).returning().get();
      const unlinked = hotspots.unlink(tx, s.id, trackingNos(typed));
      const linked = hotspots.link(tx, actor, s, typed, lang);
      let updated = 0, keptTime = 0, promoted = 0;
      for (const occ of coming(tx, s.id, now)) {
        const change = occurrenceChange(occ, seatCounts(tx, occ.id), v);
        tx.update(driveOccurrences).set({ ...change.times, capacity: change.capacity, sequence: occ.sequence + 1, updatedAt: now })
          .where(eq(driveOccurrences.id, occ.id)).run();
        promoted += promote(tx, occ.id, change.capacity, now).length;
        updated++;
        if (change.keptTime) keptTime++;
      }
      audit.record({ staffId: actor.id, username: actor.username, action: 'drive.edit_series', target: String(s.id), ip: actor.ip ?? null,
        detail: { title: before.titleZh === s.titleZh ? undefined : s.titleZh, updated, keptTime, promoted, linked, unlinked } }, tx);
      return { updated, keptTime, promoted, linked, unlinked };
    }, { behavior: 'immediate' });
  }

  /** Stops a series: no more occurrences are generated and the coming ones are cancelled with the public note. */
  function deactivate(actor: Actor, seriesId: number, note: string) {
    return db.transaction((tx) => {
      const now = clock();
      const s = load(tx, actor, seriesId);
      tx.update(driveSeries).set({ active: false }).where(eq(driveSeries.id, s.id)).run();
      const cancelled = coming(tx, s.id, now);
      for (const occ of cancelled) {
        tx.update(driveOccurrences).set({ status: 'cancelled', note: note.trim().slice(0, 200) || null, sequence: occ.sequence + 1, updatedAt: now })
          .where(eq(driveOccurrences.id, occ.id)).run();
      }
      audit.record({ staffId: actor.id, username: actor.username, action: 'drive.deactivate_series', target: String(s.id), ip: actor.ip ?? null, detail: { cancelled: cancelled.length, note } }, tx);
      return { cancelled: cancelled.length };
    }, { behavior: 'immediate' });
  }

  return { edit, deactivate };
}

export type SeriesAdmin = ReturnType<typeof createSeriesAdmin>;

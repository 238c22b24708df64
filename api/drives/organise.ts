/** The organiser's use cases: series, occurrences, roster, check-in, closing. One immediate transaction each. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { driveOccurrences, driveSeries, driveSignups, units } from '../../db/schema.ts';
import type { Audit } from '../staff/audit.ts';
import type { StaffUser } from '../staff/sessions.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import { maskPhone } from '../shared/masking.ts';
import { shanghaiDate } from '../shared/time.ts';
import type { WorkCalendar } from '../cases/deadlines.ts';
import type { Lang } from '../i18n/index.ts';
import { processPhotos, removePhotos, type PhotoLimits, type StoredPhoto } from '../reports/photos.ts';
import type { Hotspots } from './hotspots.ts';
import { checkinCode } from './codes.ts';
import { creditFor } from './roster.ts';
import { dayFlag, slotsAhead } from './schedule.ts';
import { occurrenceEdit, seriesInput } from './schema.ts';
import { occurrenceWithSeries, promote, type SeriesRow, type Tx } from './store.ts';

export const WEEKS_AHEAD = 8;
export type Actor = StaffUser & { ip?: string | null };
export type OrganiseDeps = { db: Db; clock: () => Date; audit: Audit; calendar: { get(): WorkCalendar }; hotspots: Hotspots; uploadsDir: string; photoLimits: PhotoLimits };
/** What the organiser marks when closing: who attended, which linked cases were cleaned (and their after-photos). */
export type Closing = { attended: number[]; cleaned?: number[]; photos?: Map<number, Buffer>; lang?: Lang };

/** Admins and dispatchers run every drive; a unit's handlers run their unit's drives; viewers only look. */
export const mayOrganise = (a: StaffUser, unitId: string) => a.role === 'admin' || a.role === 'dispatcher' || (a.role === 'handler' && a.unitId === unitId);
export const maySee = (a: StaffUser, unitId: string) => a.role === 'viewer' || mayOrganise(a, unitId);

export function createOrganise({ db, clock, audit, calendar, hotspots, uploadsDir, photoLimits }: OrganiseDeps) {
  const log = (tx: Tx, a: Actor, action: string, target: string, detail?: Record<string, unknown>) =>
    audit.record({ staffId: a.id, username: a.username, action, target, detail, ip: a.ip ?? null }, tx);

  /** Inserts the occurrences of the next WEEKS_AHEAD weeks that do not exist yet (safe to repeat, from any process). */
  function fillAhead(tx: Tx, s: SeriesRow, now: Date): number {
    let added = 0;
    for (const slot of slotsAhead(s, shanghaiDate(now), WEEKS_AHEAD)) {
      added += tx.insert(driveOccurrences).values({
        seriesId: s.id, ...slot, capacity: s.capacity, checkinCode: checkinCode(), updatedAt: now,
      }).onConflictDoNothing().run().changes;
    }
    return added;
  }

  function topUp(): number {
    return db.transaction((tx) => {
      const now = clock();
      return tx.select().from(driveSeries).where(eq(driveSeries.active, true)).all().reduce((n, s) => n + fillAhead(tx, s, now), 0);
    }, { behavior: 'immediate' });
  }

  function createSeries(actor: Actor, fields: unknown, lang: Lang = 'zh') {
    const v = parseInput(seriesInput, fields ?? {});
    if (!mayOrganise(actor, v.unitId)) throw new AppError(403, 'action_forbidden');
    return db.transaction((tx) => {
      const now = clock();
      if (!tx.select({ id: units.id }).from(units).where(eq(units.id, v.unitId)).get()) throw new AppError(400, 'invalid_input', { unitId: 'organiser_required' });
      const { cases: _linked, ...rest } = v;
      const s = tx.insert(driveSeries).values({ ...rest, titleEn: v.titleEn || v.titleZh, createdBy: actor.id, createdAt: now }).returning().get();
      const added = fillAhead(tx, s, now);
      const linked = hotspots.link(tx, actor, s, v.cases, lang);
      log(tx, actor, 'drive.create_series', String(s.id), { title: s.titleZh, occurrences: added, linked });
      return s;
    }, { behavior: 'immediate' });
  }

  function organised(tx: Tx, actor: Actor, occurrenceId: number) {
    const found = occurrenceWithSeries(tx, occurrenceId);
    if (!found || !maySee(actor, found.series.unitId)) throw new AppError(404, 'drive_not_found');
    if (!mayOrganise(actor, found.series.unitId)) throw new AppError(403, 'action_forbidden');
    return found;
  }

  /** Capacity or public note of one occurrence; a larger capacity promotes from the waitlist at once. */
  function editOccurrence(actor: Actor, occurrenceId: number, fields: unknown) {
    const edit = parseInput(occurrenceEdit, fields ?? {});
    return db.transaction((tx) => {
      const now = clock();
      const { occ } = organised(tx, actor, occurrenceId);
      if (occ.status !== 'scheduled') throw new AppError(409, 'drive_not_editable');
      tx.update(driveOccurrences).set({ capacity: edit.capacity, note: edit.note || null, sequence: occ.sequence + 1, updatedAt: now })
        .where(eq(driveOccurrences.id, occ.id)).run();
      const moved = promote(tx, occ.id, edit.capacity, now);
      log(tx, actor, 'drive.edit_occurrence', String(occ.id), { capacity: edit.capacity, promoted: moved.length });
      return { promoted: moved.length };
    }, { behavior: 'immediate' });
  }

  function cancelOccurrence(actor: Actor, occurrenceId: number, note: string) {
    return db.transaction((tx) => {
      const now = clock();
      const { occ } = organised(tx, actor, occurrenceId);
      if (occ.status !== 'scheduled') throw new AppError(409, 'drive_not_editable');
      tx.update(driveOccurrences).set({ status: 'cancelled', note: note.trim().slice(0, 200) || null, sequence: occ.sequence + 1, updatedAt: now })
        .where(eq(driveOccurrences.id, occ.id)).run();
      log(tx, actor, 'drive.cancel_occurrence', String(occ.id), { note });
    }, { behavior: 'immediate' });
  }

  /** The roster for staff: phones masked, waitlist in order. */
  function roster(actor: Actor, occurrenceId: number) {
    const found = occurrenceWithSeries(db, occurrenceId);
    if (!found || !maySee(actor, found.series.unitId)) throw new AppError(404, 'drive_not_found');
    const rows = db.select().from(driveSignups).where(eq(driveSignups.occurrenceId, occurrenceId))
      .orderBy(asc(driveSignups.status), asc(driveSignups.waitSeq), asc(driveSignups.id)).all();
    const people = rows.map((r) => ({
      id: r.id, name: r.name, phone: maskPhone(r.phone), team: r.team, org: r.org, ageGroup: r.ageGroup, status: r.status,
      checkedInAt: r.checkedInAt, checkinBy: r.checkinBy, attendance: r.attendance, hours: r.hours, createdAt: r.createdAt,
      guardianName: r.guardianName, guardianPhone: r.guardianPhone ? maskPhone(r.guardianPhone) : null,
    }));
    const flag = dayFlag(found.occ.date, calendar.get());
    return { ...found, flag, people, mayOrganise: mayOrganise(actor, found.series.unitId), linked: hotspots.linked(db, found.series.id, actor) };
  }

  /** The organiser reveals one phone to call that person; every reveal is audited. */
  function revealPhone(actor: Actor, signupId: number) {
    return db.transaction((tx) => {
      const s = tx.select().from(driveSignups).where(eq(driveSignups.id, signupId)).get();
      if (!s) throw new AppError(404, 'signup_not_found');
      organised(tx, actor, s.occurrenceId);
      log(tx, actor, 'drive.reveal_phone', String(s.id), { occurrenceId: s.occurrenceId });
      return { phone: s.phone, guardianPhone: s.guardianPhone };
    }, { behavior: 'immediate' });
  }

  function checkIn(actor: Actor, signupId: number, undo = false) {
    return db.transaction((tx) => {
      const now = clock();
      const s = tx.select().from(driveSignups).where(eq(driveSignups.id, signupId)).get();
      if (!s) throw new AppError(404, 'signup_not_found');
      const { occ } = organised(tx, actor, s.occurrenceId);
      if (occ.status !== 'scheduled') throw new AppError(409, 'drive_not_editable');
      if (s.status !== 'confirmed') throw new AppError(409, 'checkin_not_confirmed');
      tx.update(driveSignups).set(undo ? { checkedInAt: null, checkinBy: null } : { checkedInAt: s.checkedInAt ?? now, checkinBy: s.checkinBy ?? 'staff' })
        .where(eq(driveSignups.id, s.id)).run();
      log(tx, actor, undo ? 'drive.undo_checkin' : 'drive.checkin', String(s.id));
    }, { behavior: 'immediate' });
  }

  /**
   * Closing confirms who was there: those credit the series' hours, every other confirmed signup is a no-show.
   * The linked cases marked cleaned are resolved in the same transaction; after-photos are stored first, removed on failure.
   */
  async function close(actor: Actor, occurrenceId: number, closing: Closing) {
    const uploads = [...(closing.photos ?? new Map<number, Buffer>())].filter(([id]) => closing.cleaned?.includes(id));
    const stored = new Map<number, StoredPhoto[]>();
    if (uploads.length) organised(db, actor, occurrenceId); // refuse a stranger before spending time on photos
    try {
      for (const [caseId, bytes] of uploads) stored.set(caseId, await processPhotos([bytes], uploadsDir, photoLimits));
      return closeNow(actor, occurrenceId, closing, stored);
    } catch (e) {
      await removePhotos(uploadsDir, [...stored.values()].flat());
      throw e;
    }
  }

  function closeNow(actor: Actor, occurrenceId: number, closing: Closing, photos: Map<number, StoredPhoto[]>) {
    const attendedIds = closing.attended;
    return db.transaction((tx) => {
      const now = clock();
      const { occ, series } = organised(tx, actor, occurrenceId);
      if (occ.status !== 'scheduled') throw new AppError(409, 'drive_not_editable');
      if (now.getTime() < occ.startsAt.getTime()) throw new AppError(409, 'close_too_early');
      const confirmed = tx.select().from(driveSignups)
        .where(and(eq(driveSignups.occurrenceId, occ.id), eq(driveSignups.status, 'confirmed'))).all();
      const present = new Set(attendedIds);
      let attended = 0;
      for (const s of confirmed) {
        const credit = creditFor(present.has(s.id), series.hours);
        if (credit.attendance === 'attended') attended++;
        tx.update(driveSignups).set(credit).where(eq(driveSignups.id, s.id)).run();
      }
      tx.update(driveOccurrences).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(driveOccurrences.id, occ.id)).run();
      const cleaned = hotspots.resolveCleaned(tx, actor, series, occ, closing.cleaned ?? [], photos, closing.lang ?? 'zh');
      log(tx, actor, 'drive.close', String(occ.id), { attended, noShows: confirmed.length - attended, cleaned });
      return { attended, noShows: confirmed.length - attended, cleaned };
    }, { behavior: 'immediate' });
  }

  /** Occurrences a staff member may see, newest first within a window, with holiday flags for the organiser. */
  function occurrencesFor(actor: Actor) {
    const cal = calendar.get();
    const rows = db.select({ occ: driveOccurrences, series: driveSeries }).from(driveOccurrences)
      .innerJoin(driveSeries, eq(driveSeries.id, driveOccurrences.seriesId)).orderBy(asc(driveOccurrences.startsAt)).all();
    return rows.filter((r) => maySee(actor, r.series.unitId)).map((r) => ({ ...r, flag: dayFlag(r.occ.date, cal) }));
  }

  const signupIds = (occurrenceId: number) => db.select({ id: driveSignups.id }).from(driveSignups)
    .where(inArray(driveSignups.occurrenceId, [occurrenceId])).all().map((r) => r.id);

  return { topUp, createSeries, editOccurrence, cancelOccurrence, roster, revealPhone, checkIn, close, occurrencesFor, signupIds };
}

export type Organise = ReturnType<typeof createOrganise>;

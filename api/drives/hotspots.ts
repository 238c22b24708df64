/**
 * Linked hotspots go through the case workflow, never around it: linking an accepted case dispatches it to the
 * drive's organising unit, and closing an occurrence resolves the cases its volunteers cleaned (then 核查 as usual).
 * Each step is the workflow's own action (api/cases/service.ts), run inside the drive's transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cases, driveCases } from '../../db/schema.ts';
import { apiMessages, fmt, type Lang } from '../i18n/index.ts';
import { canSee } from '../cases/access.ts';
import type { CaseActions, CaseTx } from '../cases/service.ts';
import { allowedActions, type CaseState } from '../cases/workflow.ts';
import type { StoredPhoto } from '../reports/photos.ts';
import { AppError, isAppError } from '../shared/errors.ts';
import type { StaffUser } from '../staff/sessions.ts';
import type { OccurrenceRow, SeriesRow } from './store.ts';
import { driveDate } from './when.ts';

export const MAX_LINKED = 20;
type Actor = StaffUser & { ip?: string | null };

/** What linking does to a case: accepted → dispatched to the organiser; already with a unit → linked as it is; else refused. */
export function linkStep(state: CaseState): 'dispatch' | 'link' | 'refuse' {
  if (state === 'accepted') return 'dispatch';
  return state === 'dispatched' || state === 'in_progress' ? 'link' : 'refuse';
}

/** 'yj-20261125-0042, YJ-…、…' → unique upper-case tracking numbers, in the order typed. */
export function trackingNos(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((s) => s.trim().toUpperCase()).filter(Boolean))];
}

/** The public note of a case a drive cleaned: 「清理完成 — <drive>, <date>」 in the organiser's language. */
export function cleanedNote(lang: Lang, title: string, date: string): string {
  return fmt(apiMessages[lang].drives.cleanedNote, { title, date: driveDate(lang, date) });
}

const refuse = (field: string, code: string, no: string) => new AppError(400, 'invalid_input', { [field]: code }, { no });

export function createHotspots({ caseActions }: { caseActions: Pick<CaseActions, 'apply'> }) {
  /** Links the typed cases to a series (new ones only); accepted ones are dispatched to the organising unit. */
  function link(tx: CaseTx, actor: Actor, series: SeriesRow, text: string, lang: Lang): number {
    const nos = trackingNos(text);
    if (nos.length > MAX_LINKED) throw new AppError(400, 'invalid_input', { cases: 'drive_cases_too_many' }, { n: MAX_LINKED });
    let added = 0;
    for (const no of nos) {
      const row = tx.select().from(cases).where(eq(cases.trackingNo, no)).get();
      if (!row || row.hidden || row.state === 'submitted' || !canSee(actor, row)) throw refuse('cases', 'drive_case_not_found', no);
      const step = linkStep(row.state);
      if (step === 'refuse') throw refuse('cases', 'drive_case_not_open', no);
      if (!tx.insert(driveCases).values({ seriesId: series.id, caseId: row.id }).onConflictDoNothing().run().changes) continue;
      added++;
      if (step === 'dispatch') {
        const title = lang === 'zh' ? series.titleZh : series.titleEn;
        const publicNote = fmt(apiMessages[lang].drives.linkedNote, { title });
        try {
          caseActions.apply(actor, no, 'dispatch', { version: row.version, unitId: series.unitId, publicNote }, [], actor.ip ?? undefined, tx);
        } catch (e) {
          if (isAppError(e) && e.status === 403) throw refuse('cases', 'drive_case_not_yours', no);
          throw e;
        }
      }
    }
    return added;
  }

  /** Removes links the organiser dropped (a case keeps its state and unit: unlinking changes no case). */
  function unlink(tx: CaseTx, seriesId: number, keep: string[]): number {
    let removed = 0;
    for (const l of linked(tx, seriesId)) {
      if (l.cleanedOccurrenceId === null && !keep.includes(l.trackingNo)) {
        removed += tx.delete(driveCases).where(and(eq(driveCases.seriesId, seriesId), eq(driveCases.caseId, l.caseId))).run().changes;
      }
    }
    return removed;
  }

  /** The cases a series is linked to, with what the actor may do at closing (resolve the ones not yet cleaned). */
  function linked(tx: Pick<Db, 'select'>, seriesId: number, actor?: StaffUser) {
    return tx.select({ caseId: cases.id, trackingNo: cases.trackingNo, state: cases.state, unitId: cases.unitId, version: cases.version, categoryId: cases.categoryId, address: cases.address, cleanedOccurrenceId: driveCases.cleanedOccurrenceId })
      .from(driveCases).innerJoin(cases, eq(cases.id, driveCases.caseId)).where(eq(driveCases.seriesId, seriesId)).all()
      .map((c) => ({ ...c, resolvable: !!actor && c.cleanedOccurrenceId === null && allowedActions(c.state, actor.role, actor.unitId, c.unitId).includes('resolve') }));
  }

  /** Resolves the cases marked cleaned at closing, each with the drive's public note and its after-photo; the rest stay open. */
  function resolveCleaned(tx: CaseTx, actor: Actor, series: SeriesRow, occ: OccurrenceRow, cleaned: number[], photos: Map<number, StoredPhoto[]>, lang: Lang): string[] {
    const mine = linked(tx, series.id, actor);
    const note = cleanedNote(lang, lang === 'zh' ? series.titleZh : series.titleEn, occ.date);
    const done: string[] = [];
    for (const caseId of new Set(cleaned)) {
      const c = mine.find((l) => l.caseId === caseId);
      if (!c) throw refuse('cleaned', 'drive_case_not_linked', String(caseId));
      if (!c.resolvable) throw refuse('cleaned', 'drive_case_not_resolvable', c.trackingNo);
      caseActions.apply(actor, c.trackingNo, 'resolve', { version: c.version, publicNote: note }, photos.get(caseId) ?? [], actor.ip ?? undefined, tx);
      tx.update(driveCases).set({ cleanedOccurrenceId: occ.id }).where(and(eq(driveCases.seriesId, series.id), eq(driveCases.caseId, caseId))).run();
      done.push(c.trackingNo);
    }
    return done;
  }

  return { link, unlink, linked, resolveCleaned };
}

export type Hotspots = ReturnType<typeof createHotspots>;

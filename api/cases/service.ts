/**
 * The staff actions of the case workflow, one use case each. Every action is ONE immediate
 * transaction: visibility, the expected version, the state machine (workflow.ts), the case update
 * with version + 1, one case_log row and one audit row — all or nothing.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseLog, casePhotos, cases, units } from '../../db/schema.ts';
import type { Audit } from '../staff/audit.ts';
import type { StaffUser } from '../staff/sessions.ts';
import type { Catalog, Category } from '../reports/categories.ts';
import { processPhotos, removePhotos, type PhotoLimits, type StoredPhoto } from '../reports/photos.ts';
import { AppError, isAppError, parseInput } from '../shared/errors.ts';
import { shanghaiDate, shanghaiMidnight } from '../shared/time.ts';
import { conflict, loadVisible, type CaseRow } from './access.ts';
import type { CaseCalendar } from './calendar.ts';
import { addWorkingTime, type WorkCalendar } from './deadlines.ts';
import { bulkBody, type ActionBody, type BulkBody, type StaffAction } from './schema.ts';
import { allowedActions, checkTransition, isOpen, type CaseState, type TransitionFields } from './workflow.ts';

export type CaseDeps = {
  db: Db; clock: () => Date; catalog: Catalog; calendar: CaseCalendar; audit: Audit;
  uploadsDir: string; photoLimits: PhotoLimits;
};
export type ActionResult = { trackingNo: string; state: CaseState; version: number };
export type CaseTx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Tx = CaseTx;

type Plan = {
  fields?: TransitionFields;
  set?: Partial<CaseRow>;
  detail?: Record<string, unknown>;
  publicNote?: string | null; // overrides the typed note (defaults and additions)
  after?: (caseId: number) => void; // more writes in the same transaction
};
type PlanContext = { tx: Tx; row: CaseRow; body: ActionBody; now: Date; cal: WorkCalendar; category: Category; photos: StoredPhoto[] };

// Missing-field codes of workflow.ts → the form field and message code people see.
const MISSING: Record<string, [field: string, code: string]> = {
  publicNote: ['publicNote', 'public_note_required'], reasonCode: ['reasonCode', 'reason_required'],
  transferTo: ['transferTo', 'transfer_to_required'], targetCaseId: ['target', 'target_required'],
  unitId: ['unitId', 'unit_required'], dueAt: ['dueAt', 'due_required'], plannedDate: ['plannedDate', 'planned_date_required'],
  afterPhotoOrPublicNote: ['publicNote', 'photo_or_note_required'], internalNoteOrPublicNote: ['publicNote', 'note_required'],
};

function insertPhotos(tx: Tx, caseId: number, kind: 'before' | 'after', photos: StoredPhoto[], now: Date) {
  if (!photos.length) return;
  tx.insert(casePhotos).values(photos.map((p) => ({
    caseId, kind, file: p.file, thumb: p.thumb, width: p.width, height: p.height, bytes: p.bytes, createdAt: now,
  }))).run();
}

const handleDue = (from: Date, cat: Category, cal: WorkCalendar) => addWorkingTime(from, cat.handleAmount, cat.handleUnit, cal);

function unitOf(tx: Tx, unitId: string) {
  if (!tx.select({ id: units.id }).from(units).where(eq(units.id, unitId)).get()) {
    throw new AppError(400, 'invalid_input', { unitId: 'unit_invalid' });
  }
  return unitId;
}

function futureDue(due: Date | undefined, now: Date) {
  if (due && due.getTime() <= now.getTime()) throw new AppError(400, 'invalid_input', { dueAt: 'due_in_past' });
  return due;
}

const PLANS: Record<StaffAction, (c: PlanContext) => Plan> = {
  accept: ({ now, cal, category }) => {
    const dueAt = handleDue(now, category, cal);
    return { set: { acceptedAt: now, dueAt }, detail: { dueAt } };
  },
  reject: ({ body }) => {
    const { publicNote, transferTo, reasonCode } = body;
    // "Not our jurisdiction" must tell the reporter where the case went.
    const note = reasonCode === 'not_jurisdiction' && publicNote && transferTo && !publicNote.includes(transferTo)
      ? `${publicNote}（已转交：${transferTo}）` : publicNote;
    return {
      fields: { publicNote, reasonCode, transferTo }, publicNote: note,
      detail: { reasonCode, transferTo: reasonCode === 'not_jurisdiction' ? transferTo : undefined },
    };
  },
  merge: ({ tx, row, body }) => {
    if (!body.target) return { fields: { targetCaseId: null } };
    const target = tx.select().from(cases).where(eq(cases.trackingNo, body.target)).get();
    if (!target || target.id === row.id || !isOpen(target.state)) {
      throw new AppError(400, 'invalid_input', { target: 'target_invalid' });
    }
    return {
      fields: { targetCaseId: target.id },
      set: { duplicateOf: target.id },
      publicNote: body.publicNote ?? `经核实，该问题与案件${target.trackingNo}反映的为同一问题，已合并办理，请关注该案件进展。`,
      detail: { target: target.trackingNo, supportersMoved: row.supporters + 1 },
      // The source's followers and its reporter now follow the target.
      after: () => tx.update(cases).set({ supporters: sql`${cases.supporters} + ${row.supporters + 1}` })
        .where(eq(cases.id, target.id)).run(),
    };
  },
  dispatch: ({ tx, row, body, now, cal, category }) => {
    const unitId = body.unitId ? unitOf(tx, body.unitId) : row.unitId;
    const fromNew = row.state === 'submitted';
    const dueAt = futureDue(body.dueAt, now) ?? (fromNew || !row.dueAt ? handleDue(now, category, cal) : row.dueAt);
    return {
      fields: { unitId, dueAt },
      set: { unitId, dueAt, ...(fromNew ? { acceptedAt: now } : {}) },
      detail: { unitId, dueAt },
    };
  },
  // 到达现场: the handler may photograph the scene on arrival (kept with the reporter's as "before" photos).
  start: ({ tx, now, photos }) => ({
    detail: { photos: photos.length || undefined },
    after: (caseId) => insertPhotos(tx, caseId, 'before', photos, now),
  }),
  hold: ({ body, now }) => {
    if (body.plannedDate && body.plannedDate < shanghaiDate(now)) {
      throw new AppError(400, 'invalid_input', { plannedDate: 'planned_in_past' });
    }
    return {
      fields: { publicNote: body.publicNote, plannedDate: body.plannedDate },
      set: body.plannedDate ? { holdUntil: shanghaiMidnight(body.plannedDate) } : {},
      detail: { plannedDate: body.plannedDate },
    };
  },
  resume: ({ tx, row, body, now, cal, category }) => {
    const unitId = body.unitId ? unitOf(tx, body.unitId) : row.unitId;
    const dueAt = futureDue(body.dueAt, now) ?? handleDue(now, category, cal); // a new allowance after the hold
    return { set: { unitId, dueAt, holdUntil: null }, detail: { unitId, dueAt } };
  },
  resolve: ({ tx, body, now, photos }) => ({
    fields: { afterPhoto: photos.length > 0, publicNote: body.publicNote },
    set: { resolvedAt: now },
    detail: { afterPhotos: photos.length },
    after: (caseId) => insertPhotos(tx, caseId, 'after', photos, now),
  }),
  close: ({ now }) => ({ set: { closedAt: now } }),
  // 回退: out of the unit, no due time until the dispatcher re-dispatches (改派 starts a fresh allowance).
  send_back: ({ body }) => ({
    fields: { publicNote: body.publicNote, internalNote: body.internalNote },
    set: { unitId: null, dueAt: null },
    publicNote: body.publicNote ?? '处置单位反馈不属于本单位职责，已退回重新派遣。',
  }),
  rework: ({ row, body, now, cal, category }) => {
    const dueAt = handleDue(now, category, cal); // the unit gets a fresh allowance
    return {
      fields: { publicNote: body.publicNote, internalNote: body.internalNote },
      set: { resolvedAt: null, dueAt, reworkCount: row.reworkCount + 1 },
      detail: { dueAt, rework: row.reworkCount + 1 },
    };
  },
};

export function transitionError(code: 'illegal_transition' | 'forbidden' | 'missing_field', field?: string): AppError {
  if (code === 'illegal_transition') return new AppError(409, 'illegal_transition');
  if (code === 'forbidden') return new AppError(403, 'action_forbidden');
  const [name, msg] = MISSING[field ?? ''] ?? [field ?? 'form', 'required'];
  return new AppError(400, 'invalid_input', { [name]: msg });
}

export function createCaseActions(deps: CaseDeps) {
  const { db, clock, catalog, calendar, audit } = deps;
  const categoryOf = (id: string) => catalog.allCategories().find((c) => c.id === id)!;

  /** The synchronous part: one transaction, or a step of the caller's (`within`: a cleanup drive's linked cases). `photos` are already on disk. */
  function apply(actor: StaffUser, trackingNo: string, action: StaffAction, body: ActionBody, photos: StoredPhoto[] = [], ip?: string, within?: CaseTx): ActionResult {
    const now = clock();
    const cal = calendar.get();
    const run = (f: (tx: CaseTx) => ActionResult) => (within ? f(within) : db.transaction(f, { behavior: 'immediate' }));
    return run((tx) => {
      const row = loadVisible(tx, actor, trackingNo);
      if (actor.role === 'viewer') throw new AppError(403, 'action_forbidden');
      if (row.version !== body.version) throw conflict();
      const state = row.state;
      // State and role first, so a stale form says "not possible now" rather than complaining about a field.
      if (!allowedActions(state, actor.role, actor.unitId, row.unitId).includes(action)) {
        const r = checkTransition({ state, action, role: actor.role, actorUnitId: actor.unitId, caseUnitId: row.unitId, fields: {} });
        throw transitionError(r.ok || r.code === 'missing_field' ? 'forbidden' : r.code);
      }
      const plan = PLANS[action]({ tx, row, body, now, cal, category: categoryOf(row.categoryId), photos });
      const check = checkTransition({
        state, action, role: actor.role, actorUnitId: actor.unitId, caseUnitId: row.unitId, caseId: row.id, now,
        fields: { ...plan.fields, publicNote: plan.fields?.publicNote ?? body.publicNote, internalNote: body.internalNote },
      });
      if (!check.ok) throw transitionError(check.code, check.field);

      const version = row.version + 1;
      const changed = tx.update(cases).set({ ...plan.set, state: check.to, version, updatedAt: now })
        .where(sql`${cases.id} = ${row.id} and ${cases.version} = ${row.version}`).run().changes;
      if (changed !== 1) throw conflict();
      plan.after?.(row.id);
      const detail = Object.fromEntries(Object.entries(plan.detail ?? {}).filter(([, v]) => v !== undefined && v !== null));
      tx.insert(caseLog).values({
        caseId: row.id, at: now, actorKind: 'staff', actorId: actor.id, action, fromState: state, toState: check.to,
        publicNote: (plan.publicNote !== undefined ? plan.publicNote : body.publicNote) ?? null,
        internalNote: body.internalNote ?? null, detail: Object.keys(detail).length ? detail : null,
      }).run();
      audit.record({
        staffId: actor.id, username: actor.username, action: `case.${action}`, target: row.trackingNo, ip,
        detail: { from: state, to: check.to, version, ...detail },
      }, tx);
      return { trackingNo: row.trackingNo, state: check.to, version };
    });
  }

  /** One staff action on one case. After-photos (resolve only) are processed before the transaction. */
  async function perform(actor: StaffUser, trackingNo: string, action: StaffAction, body: ActionBody, uploads: Buffer[] = [], ip?: string) {
    if (uploads.length && action !== 'resolve' && action !== 'start') throw new AppError(400, 'invalid_input', { photos: 'photos_not_allowed' });
    const photos = uploads.length ? await processPhotos(uploads, deps.uploadsDir, deps.photoLimits) : [];
    try {
      return apply(actor, trackingNo, action, body, photos, ip);
    } catch (e) {
      await removePhotos(deps.uploadsDir, photos);
      throw e;
    }
  }

  /** Bulk accept, dispatch or reject: each case is its own transaction and its own check; one failure stops none. */
  function bulk(actor: StaffUser, fields: unknown, ip?: string) {
    const input: BulkBody = parseInput(bulkBody, fields);
    return input.items.map(({ trackingNo, version }) => {
      try {
        const { unitId, dueAt, publicNote, reasonCode, transferTo } = input;
        const body: ActionBody = { version, unitId, dueAt, publicNote, reasonCode, transferTo };
        return { ok: true as const, ...apply(actor, trackingNo, input.action, body, [], ip) };
      } catch (e) {
        if (!isAppError(e)) throw e;
        return { ok: false as const, trackingNo, code: e.code, status: e.status, fields: e.fields };
      }
    });
  }

  return { perform, apply, bulk };
}

export type CaseActions = ReturnType<typeof createCaseActions>;

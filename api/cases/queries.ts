/**
 * What the console reads: the dispatcher's queue, the filtered case list, one case with its full
 * log. Every read goes through access.ts, so a handler sees only their unit's cases.
 */
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseLog, casePhotos, cases, categories, staff } from '../../db/schema.ts';
import { shanghaiMidnight } from '../shared/time.ts';
import type { StaffUser } from '../staff/sessions.ts';
import { AppError } from '../shared/errors.ts';
import { photoUrl } from '../reports/view.ts';
import { maskedReporter } from './contact.ts';
import { acceptDue, canModerate, clockStartSql, lightOf, loadVisible, visibleTo } from './access.ts';
import { CLOCK_STATES, OPEN_STATES } from './workflow.ts';
import type { CaseCalendar } from './calendar.ts';
import type { Duplicates, Subject } from './duplicates.ts';
import { MODERATION_ACTIONS, PAGE_SIZE, type ListQuery } from './schema.ts';
import { allowedActions, mayNote, type CaseState } from './workflow.ts';

const HANDLER_STEPS = ['request_extension', 'request_hold', 'approve_request', 'refuse_request', 'callback'] as const;

const QUEUE_LIMIT = 100;
const DAY_MS = 86_400_000;

export const summaryColumns = {
  id: cases.id, trackingNo: cases.trackingNo, state: cases.state, categoryId: cases.categoryId, unitId: cases.unitId,
  address: cases.address, description: cases.description, lat: cases.lat, lng: cases.lng, createdAt: cases.createdAt,
  acceptedAt: cases.acceptedAt, dueAt: cases.dueAt, supporters: cases.supporters, version: cases.version, hidden: cases.hidden,
  reworkCount: cases.reworkCount, clockStart: clockStartSql, acceptHours: categories.acceptHours,
};
export type SummaryRow = {
  id: number; trackingNo: string; state: CaseState; categoryId: string; unitId: string | null; address: string; description: string;
  lat: number | null; lng: number | null; createdAt: Date; acceptedAt: Date | null; dueAt: Date | null; supporters: number;
  version: number; hidden: boolean; reworkCount: number; clockStart: number | null; acceptHours: number;
};

/** Each ≥ 3-character word through the trigram index (works for Chinese); shorter ones with LIKE. */
export function textFilter(q: string): SQL | undefined {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 5);
  return and(...words.map((w) => {
    if ([...w].length >= 3) {
      const phrase = `"${w.replaceAll('"', '""')}"`;
      return sql`${cases.id} in (select rowid from cases_fts where cases_fts match ${phrase})`;
    }
    const pattern = `%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    return sql`(${cases.trackingNo} like ${pattern} escape '\\' or ${cases.address} like ${pattern} escape '\\' or ${cases.description} like ${pattern} escape '\\')`;
  }));
}

export function createCaseQueries(deps: { db: Db; clock: () => Date; calendar: CaseCalendar; secret: string; duplicates: Duplicates }) {
  const { db, clock, calendar, secret, duplicates } = deps;

  const withLight = (r: SummaryRow, now = clock()) => {
    const clockStart = r.clockStart === null ? null : new Date(r.clockStart);
    const { clockStart: _c, acceptHours: _a, ...rest } = r;
    return { ...rest, clockStart, light: lightOf({ ...r, clockStart }, now, calendar.get()) };
  };
  const summaries = () => db.select(summaryColumns).from(cases).innerJoin(categories, eq(categories.id, cases.categoryId));

  const signed = (p: typeof casePhotos.$inferSelect) => ({
    id: p.id, kind: p.kind, hidden: p.hidden, width: p.width, height: p.height,
    url: photoUrl(p.file, secret, true), thumbUrl: photoUrl(p.thumb, secret, true),
  });
  const photosOf = (ids: number[]) => {
    const rows = ids.length ? db.select().from(casePhotos).where(inArray(casePhotos.caseId, ids)).orderBy(asc(casePhotos.id)).all() : [];
    return (id: number) => rows.filter((p) => p.caseId === id).map(signed);
  };

  // Duplicate candidates (pin and typed address), among unaccepted reports too: duplicates.ts.
  const openOf = duplicates.pinnedOpen;
  const nearby = (c: Subject, open?: ReturnType<typeof openOf>) => duplicates.of(c, open);

  // The latest state change of a case was the reporter reopening it.
  const reopenedLast = sql`(select l.action from case_log l where l.case_id = ${cases.id} and l.to_state is not null
    order by l.at desc, l.id desc limit 1) = 'reopen'`;

  /** New reports and reopened cases, oldest first, with photos and merge candidates. Dispatchers, admins, viewers. */
  function queue(actor: StaffUser) {
    if (actor.role === 'handler') throw new AppError(403, 'action_forbidden');
    const now = clock();
    const where = or(eq(cases.state, 'submitted'), and(eq(cases.state, 'accepted'), reopenedLast));
    const total = db.select({ n: sql<number>`count(*)` }).from(cases).where(where).get()!.n;
    const rows = summaries().where(where).orderBy(asc(cases.createdAt), asc(cases.id)).limit(QUEUE_LIMIT).all() as SummaryRow[];
    const photos = photosOf(rows.map((r) => r.id));
    const open = openOf(rows.map((r) => r.categoryId));
    const cal = calendar.get();
    return {
      total,
      items: rows.map((r) => ({
        ...withLight(r, now),
        reopened: r.state === 'accepted',
        acceptDue: r.state === 'submitted' ? acceptDue(r.createdAt, r.acceptHours, cal) : null,
        photos: photos(r.id), nearby: nearby(r, open),
      })),
    };
  }

  /** The case list with filters; a handler's list is their unit's cases whatever the filters say. */
  function list(actor: StaffUser, q: ListQuery) {
    const now = clock();
    const state = q.state === 'open' ? inArray(cases.state, OPEN_STATES) : q.state ? eq(cases.state, q.state) : undefined;
    const where = and(
      visibleTo(actor), state,
      q.category ? eq(cases.categoryId, q.category) : undefined,
      q.unit && actor.role !== 'handler' ? eq(cases.unitId, q.unit) : undefined,
      q.from ? gte(cases.createdAt, shanghaiMidnight(q.from)) : undefined,
      q.to ? lt(cases.createdAt, new Date(shanghaiMidnight(q.to).getTime() + DAY_MS)) : undefined,
      q.q ? textFilter(q.q) : undefined,
      q.light ? inArray(cases.state, CLOCK_STATES) : undefined,
    );
    const order = q.sort === 'old' ? [asc(cases.createdAt), asc(cases.id)]
      : q.sort === 'due' ? [sql`${cases.dueAt} is null`, asc(cases.dueAt), asc(cases.id)]
      : [desc(cases.createdAt), desc(cases.id)];
    const offset = (q.page - 1) * PAGE_SIZE;

    if (!q.light) {
      const total = db.select({ n: sql<number>`count(*)` }).from(cases).where(where).get()!.n;
      const rows = summaries().where(where).orderBy(...order).limit(PAGE_SIZE).offset(offset).all() as SummaryRow[];
      return { total, page: q.page, pageSize: PAGE_SIZE, items: rows.map((r) => withLight(r, now)) };
    }
    // A light depends on working time, which SQL cannot compute: narrow in SQL (red = past due), decide
    // here on a few columns, then read the page's rows.
    const handling = inArray(cases.state, ['accepted', 'dispatched', 'in_progress']);
    const byDue = q.light === 'red' ? lt(cases.dueAt, now) : gte(cases.dueAt, now);
    const candidates = db.select({
      id: cases.id, state: cases.state, createdAt: cases.createdAt, dueAt: cases.dueAt, acceptHours: categories.acceptHours,
      clockStart: q.light === 'red' ? sql<number | null>`null` : clockStartSql,
    }).from(cases).innerJoin(categories, eq(categories.id, cases.categoryId))
      .where(and(where, or(eq(cases.state, 'submitted'), and(handling, byDue)))).orderBy(...order).all();
    const cal = calendar.get();
    const ids = candidates.filter((c) => lightOf({ ...c, clockStart: c.clockStart === null ? null : new Date(c.clockStart) }, now, cal) === q.light)
      .map((c) => c.id);
    const pageIds = ids.slice(offset, offset + PAGE_SIZE);
    const rows = pageIds.length ? summaries().where(inArray(cases.id, pageIds)).all() as SummaryRow[] : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { total: ids.length, page: q.page, pageSize: PAGE_SIZE, items: pageIds.map((id) => withLight(byId.get(id)!, now)) };
  }

  /** One case for staff: everything, the full log with internal notes and who did what, and what I may do. */
  function detail(actor: StaffUser, trackingNo: string) {
    const row = loadVisible(db, actor, trackingNo);
    const summary = summaries().where(eq(cases.id, row.id)).get() as SummaryRow;
    const log = db.select({
      id: caseLog.id, at: caseLog.at, actorKind: caseLog.actorKind, actorName: staff.displayName, action: caseLog.action,
      fromState: caseLog.fromState, toState: caseLog.toState, publicNote: caseLog.publicNote, internalNote: caseLog.internalNote,
      detail: caseLog.detail,
    }).from(caseLog).leftJoin(staff, and(eq(staff.id, caseLog.actorId), eq(caseLog.actorKind, 'staff')))
      .where(eq(caseLog.caseId, row.id)).orderBy(asc(caseLog.at), asc(caseLog.id)).all();
    const byId = (id: number | null) => (id ? db.select({ trackingNo: cases.trackingNo, state: cases.state }).from(cases).where(eq(cases.id, id)).get() ?? null : null);
    // A merge always adds supporters to its target, so a case without any skips the (unindexed) duplicate_of scan.
    const merged = row.supporters === 0 ? [] : db.select({ trackingNo: cases.trackingNo, createdAt: cases.createdAt }).from(cases)
      .where(eq(cases.duplicateOf, row.id)).orderBy(asc(cases.createdAt)).all();
    const actions = actor.role === 'viewer' ? [] : allowedActions(row.state, actor.role, actor.unitId, row.unitId);
    const steps = actor.role === 'viewer' ? [] : HANDLER_STEPS.filter((a) => mayNote(a, row.state, actor.role, actor.unitId, row.unitId));
    return {
      ...withLight(summary),
      publicDescription: row.publicDescription, publish: row.publish, hiddenReason: row.hiddenReason, source: row.source,
      channel: row.channel, sourceName: row.sourceName, attributes: row.attributes ?? {}, mediaUrl: row.mediaUrl, publishPhotos: row.publishPhotos,
      reporter: maskedReporter(row), // the full phone only through the audited reveal (contact.ts)
      resolvedAt: row.resolvedAt, closedAt: row.closedAt, holdUntil: row.holdUntil, rating: row.rating, ratedAt: row.ratedAt,
      updatedAt: row.updatedAt, duplicateOf: byId(row.duplicateOf), merged,
      photos: photosOf([row.id])(row.id),
      log,
      actions,
      steps, // issue 11: requests, their decision, 回访
      moderation: canModerate(actor) ? [...MODERATION_ACTIONS] : [],
      nearby: actions.includes('merge') ? nearby(row) : [],
    };
  }

  return { queue, list, detail, nearby };
}

export type CaseQueries = ReturnType<typeof createCaseQueries>;
export type CaseDetail = ReturnType<CaseQueries['detail']>;
export type CaseSummary = ReturnType<CaseQueries['list']>['items'][number];

import { and, asc, desc, eq, gt, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, staff } from '../../db/schema.ts';
import { shanghaiIso, shanghaiMidnight } from '../shared/time.ts';
import { csvStream } from '../shared/csv.ts';
import type { AuditQuery } from './schema.ts';

/** Who makes an admin change: a signed-in staff member, or the CLI (id null). */
export type Actor = { id: number | null; username: string; ip?: string | null };
export const byActor = (a: Actor) => ({ staffId: a.id, username: a.username, ip: a.ip ?? null });

/** The fields that changed, as {field: {from, to}}: what the audit log keeps for an edit. */
export function changesOf<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v).map(([k, v]) => [k, { from: before[k], to: v }]));
}

export const AUDIT_PAGE_SIZE = 50;
const CSV_BATCH = 500;
const DAY_MS = 86_400_000;


function where(q: AuditQuery): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.staff ? or(eq(auditLog.username, q.staff), sql`${auditLog.staffId} in (select ${staff.id} from ${staff} where ${staff.username} = ${q.staff})`) : undefined,
    q.from ? gte(auditLog.at, shanghaiMidnight(q.from)) : undefined,
    q.to ? lt(auditLog.at, new Date(shanghaiMidnight(q.to).getTime() + DAY_MS)) : undefined,
  ];
  return and(...parts.filter(Boolean));
}

// Spreadsheets run a cell that starts with = + - @ as a formula; failed sign-ins store whatever was typed.

export type AuditRow = { id: number; at: Date; staffId: number | null; username: string | null; action: string; target: string | null; detail: Record<string, unknown> | null; ip: string | null };

/** Reading the audit log: a page of it for the admin page and API, or all of it as CSV. */
export function createAuditLog(db: Db) {
  const columns = {
    id: auditLog.id, at: auditLog.at, staffId: auditLog.staffId, action: auditLog.action, target: auditLog.target,
    detail: auditLog.detail, ip: auditLog.ip, username: sql<string | null>`coalesce(${auditLog.username}, ${staff.username})`,
  };
  const select = () => db.select(columns).from(auditLog).leftJoin(staff, eq(staff.id, auditLog.staffId));

  return {
    /** Newest first, AUDIT_PAGE_SIZE a page. */
    list(q: AuditQuery): { items: AuditRow[]; page: number; pages: number; total: number } {
      const w = where(q);
      const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(w).get()!.n;
      const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
      const page = Math.min(q.page, pages);
      const items = select().where(w).orderBy(desc(auditLog.id)).limit(AUDIT_PAGE_SIZE).offset((page - 1) * AUDIT_PAGE_SIZE).all();
      return { items, page, pages, total };
    },

    /** The actions present, for the filter's choices. */
    actions: () => db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).all().map((r) => r.action),

    /**
     * The whole (filtered) log as CSV with a UTF-8 BOM (Excel and WPS then read Chinese right), oldest first.
     * Streamed in batches: one long-running SQLite iterator would block every other query on the connection.
     */
    csv(q: AuditQuery, header: Record<'at' | 'username' | 'action' | 'label' | 'target' | 'detail' | 'ip', string>, label: (action: string) => string) {
      const w = where(q);
      async function* rows() {
        for (let after = 0; ;) {
          const batch = select().where(and(w, gt(auditLog.id, after))).orderBy(asc(auditLog.id)).limit(CSV_BATCH).all();
          if (!batch.length) return;
          for (const r of batch) {
            yield {
              at: shanghaiIso(r.at), username: r.username, action: r.action, label: label(r.action), target: r.target ?? '',
              detail: r.detail ? JSON.stringify(r.detail) : '', ip: r.ip ?? '',
            };
          }
          after = batch[batch.length - 1].id;
          await new Promise((resolve) => setImmediate(resolve)); // let other requests in between batches
        }
      }
      return csvStream(rows(), header);
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

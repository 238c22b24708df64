import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

export type AuditEntry = { staffId?: number | null; username?: string | null; action: string; target?: string | null; detail?: Record<string, unknown>; ip?: string | null };

/** The audit log of staff actions. Call `record` inside the same transaction as the action when there is one. */
export function createAudit(db: Db, clock: () => Date) {
  return {
    record(entry: AuditEntry, tx: Pick<Db, 'insert'> = db) {
      tx.insert(auditLog).values({
        at: clock(), staffId: entry.staffId ?? null, username: entry.username ?? null, action: entry.action,
        target: entry.target ?? null, detail: entry.detail ?? null, ip: entry.ip ?? null,
      }).run();
    },
  };
}

export type Audit = ReturnType<typeof createAudit>;

import { and, eq, gt, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { staff, staffSessions } from '../../db/schema.ts';
import { sha256 } from '../shared/ids.ts';
import type { StaffRole } from '../../db/vocabulary.ts';

export const SESSION_COOKIE = 'cl_staff';
export const SESSION_HOURS = 12;

export type StaffUser = { id: number; username: string; displayName: string; role: StaffRole; unitId: string | null };
export type StaffSession = { staff: StaffUser; csrfToken: string; twoFactorPending: boolean; sessionId: string };

/** Staff sessions: the cookie holds a random token; the database keeps only its hash. */
export function createSessions(db: Db, clock: () => Date) {
  const lookup = db.select({
    sessionId: staffSessions.id, csrfToken: staffSessions.csrfToken, twoFactorPending: staffSessions.twoFactorPending,
    id: staff.id, username: staff.username, displayName: staff.displayName, role: staff.role, unitId: staff.unitId, active: staff.active,
  }).from(staffSessions).innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(and(eq(staffSessions.id, sql.placeholder('id')), gt(staffSessions.expiresAt, sql.placeholder('now')))).prepare();

  return {
    /** Starts a session; returns the cookie token (shown once) and the CSRF token. */
    create(staffId: number, opts: { ip?: string; twoFactorPending?: boolean } = {}) {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = clock();
      db.insert(staffSessions).values({
        id: sha256(token), staffId, csrfToken, twoFactorPending: opts.twoFactorPending ?? false, createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000), ip: opts.ip ?? null,
      }).run();
      return { token, csrfToken };
    },
    find(token: string | undefined): StaffSession | null {
      if (!token) return null;
      const row = lookup.get({ id: sha256(token), now: clock().getTime() });
      if (!row || !row.active) return null;
      const { sessionId, csrfToken, twoFactorPending, active: _a, ...user } = row;
      return { staff: user, csrfToken, twoFactorPending, sessionId };
    },
    /** Marks the second factor as passed. */
    confirmTwoFactor: (sessionId: string) => db.update(staffSessions).set({ twoFactorPending: false }).where(eq(staffSessions.id, sessionId)).run(),
    destroy: (token: string) => db.delete(staffSessions).where(eq(staffSessions.id, sha256(token))).run(),
    destroyAllOf: (staffId: number) => db.delete(staffSessions).where(eq(staffSessions.staffId, staffId)).run(),
  };
}

export type Sessions = ReturnType<typeof createSessions>;

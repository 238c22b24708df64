import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staff, staffSessions } from '../../db/schema.ts';
import { AppError } from '../shared/errors.ts';
import type { Accounts, StaffRow } from './accounts.ts';
import type { Audit } from './audit.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import type { LoginInput } from './schema.ts';
import type { Sessions, StaffSession, StaffUser } from './sessions.ts';
import { createFailureWindow, createGhostLocks } from './throttle.ts';
import { totpStep } from './totp.ts';

export const LOCK_AFTER = 6; // the 6th wrong password in a row locks the account…
export const LOCK_MS = 15 * 60_000; // …for 15 minutes
export const IP_LIMIT = 20; // failed sign-ins per address…
export const IP_WINDOW_MS = 15 * 60_000; // …per 15 minutes

/** What the browser or API client does next: nothing, type a code, or set two-factor up first (REQUIRE_2FA). */
export type NextStep = 'two_factor' | 'enrol_two_factor' | null;
export type SignIn = { token: string; csrfToken: string; staff: StaffUser; next: NextStep };

type Deps = { db: Db; clock: () => Date; sessions: Sessions; audit: Audit; accounts: Accounts; requireTwoFactorForAdmins: boolean };

const user = (row: StaffRow): StaffUser => ({ id: row.id, username: row.username, displayName: row.displayName, role: row.role, unitId: row.unitId });
const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
// One message for a wrong password and an unknown name; a lock says only how long to wait.
const invalid = () => new AppError(401, 'login_invalid');
const locked = (ms: number) => new AppError(429, 'login_locked', undefined, { minutes: minutes(ms) });

/** Signing in and out. Throttling is always on, whatever RATE_LIMITS says: benchmarks do not sign in. */
export function createAuth({ db, clock, sessions, audit, accounts, requireTwoFactorForAdmins }: Deps) {
  const ipFailures = createFailureWindow(clock, IP_LIMIT, IP_WINDOW_MS);
  const ghosts = createGhostLocks(clock, LOCK_AFTER, LOCK_MS);
  const lastStep = new Map<number, number>(); // a TOTP code works once
  void dummyHash(); // computed now, so the first unknown name does not take longer than the rest

  const checkIp = (ip: string) => {
    const ms = ipFailures.blockedFor(ip);
    if (ms) throw new AppError(429, 'login_rate_limited', undefined, { minutes: minutes(ms) });
  };
  const ipFailed = (ip: string, username: string) => {
    if (ipFailures.hit(ip)) audit.record({ username, action: 'login_throttled', ip, detail: { limit: IP_LIMIT } });
  };

  /** Counts a wrong password or code for a real account; true when this one locks it. */
  function failed(row: StaffRow, ip: string | null, reason: string): boolean {
    const n = db.update(staff).set({ failedLogins: sql`${staff.failedLogins} + 1` }).where(eq(staff.id, row.id))
      .returning({ n: staff.failedLogins }).get()!.n;
    audit.record({ staffId: row.id, username: row.username, action: 'login_failed', ip, detail: { reason, consecutive: n } });
    if (n < LOCK_AFTER) return false;
    db.update(staff).set({ failedLogins: 0, lockedUntil: new Date(clock().getTime() + LOCK_MS) }).where(eq(staff.id, row.id)).run();
    audit.record({ staffId: row.id, username: row.username, action: 'login_locked', ip, detail: { minutes: LOCK_MS / 60_000 } });
    return true;
  }
  const signedIn = (row: StaffRow) => db.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(eq(staff.id, row.id)).run();

  async function unknownUser(username: string, ip: string): Promise<never> {
    ipFailed(ip, username);
    const lockedMs = ghosts.lockedFor(username);
    audit.record({ username: username.slice(0, 64), action: 'login_failed', ip, detail: { reason: lockedMs ? 'locked' : 'unknown_user' } });
    if (lockedMs) throw locked(lockedMs);
    if (ghosts.fail(username)) {
      audit.record({ username: username.slice(0, 64), action: 'login_locked', ip, detail: { minutes: LOCK_MS / 60_000 } });
      throw locked(LOCK_MS);
    }
    throw invalid();
  }

  return {
    async login(input: LoginInput, ip: string): Promise<SignIn> {
      checkIp(ip);
      const row = accounts.rowByUsername(input.username);
      // Always one argon2 verification, so an unknown name takes as long as a known one.
      const ok = await verifyPassword(row?.passwordHash ?? (await dummyHash()), input.password);
      if (!row) return unknownUser(input.username, ip);
      const now = clock();
      if (row.lockedUntil && row.lockedUntil > now) {
        ipFailed(ip, row.username);
        audit.record({ staffId: row.id, username: row.username, action: 'login_failed', ip, detail: { reason: 'locked' } });
        throw locked(row.lockedUntil.getTime() - now.getTime());
      }
      if (!ok || !row.active) {
        ipFailed(ip, row.username);
        throw failed(row, ip, ok ? 'inactive' : 'password') ? locked(LOCK_MS) : invalid();
      }
      const next: NextStep = row.totpEnabled ? 'two_factor' : requireTwoFactorForAdmins && row.role === 'admin' ? 'enrol_two_factor' : null;
      // With a second factor to come, wrong codes keep counting towards the same lock.
      if (next !== 'two_factor') signedIn(row);
      const { token, csrfToken } = sessions.create(row.id, { ip, twoFactorPending: next !== null });
      audit.record({ staffId: row.id, username: row.username, action: 'login', ip, detail: next ? { next } : undefined });
      return { token, csrfToken, staff: user(row), next };
    },

    /** The second step of signing in: a code from the authenticator app. */
    verifyTwoFactor(session: StaffSession, code: string, ip: string) {
      checkIp(ip);
      const row = accounts.row(session.staff.id);
      if (!session.twoFactorPending || !row?.totpEnabled || !row.totpSecret) throw new AppError(409, 'two_factor_not_pending');
      const now = clock();
      if (row.lockedUntil && row.lockedUntil > now) throw locked(row.lockedUntil.getTime() - now.getTime());
      const step = totpStep(row.totpSecret, code, now);
      if (step === null || step <= (lastStep.get(row.id) ?? -1)) {
        ipFailed(ip, row.username);
        if (failed(row, ip, 'totp')) {
          db.delete(staffSessions).where(eq(staffSessions.id, session.sessionId)).run();
          throw locked(LOCK_MS);
        }
        throw new AppError(400, 'invalid_input', { code: 'totp_invalid' });
      }
      lastStep.set(row.id, step);
      signedIn(row);
      sessions.confirmTwoFactor(session.sessionId);
      audit.record({ staffId: row.id, username: row.username, action: 'login_two_factor', ip });
    },

    /** Enables two-factor with a first code; a session waiting for it (REQUIRE_2FA) becomes a full one. */
    enableTwoFactor(session: StaffSession, code: string, ip: string) {
      accounts.confirmTotp(session.staff.id, code, ip);
      if (session.twoFactorPending) sessions.confirmTwoFactor(session.sessionId);
    },

    /** The account page's password change; wrong current passwords count towards the lock. */
    changePassword: (session: StaffSession, input: Parameters<Accounts['changePassword']>[1], ip: string) =>
      accounts.changePassword(session, input, ip, (row) => {
        if (failed(row, ip, 'password_change')) sessions.destroyAllOf(row.id);
      }),

    logout(session: StaffSession, token: string, ip: string) {
      sessions.destroy(token);
      audit.record({ staffId: session.staff.id, username: session.staff.username, action: 'logout', ip });
    },

    /** Where a session stands: signed in, waiting for a code, or waiting for two-factor to be set up. */
    nextStep(session: StaffSession): NextStep {
      if (!session.twoFactorPending) return null;
      return accounts.row(session.staff.id)?.totpEnabled ? 'two_factor' : 'enrol_two_factor';
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;

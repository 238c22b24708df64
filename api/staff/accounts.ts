import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staff, staffSessions, units } from '../../db/schema.ts';
import { AppError } from '../shared/errors.ts';
import type { Audit } from './audit.ts';
import { byActor, changesOf, type Actor } from './audit-log.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { generatePassword, passwordProblem } from './policy.ts';
import { parseInput, staffCreateInput, staffUpdateInput, type PasswordChangeInput, type StaffCreateInput, type StaffUpdateInput } from './schema.ts';
import type { Sessions, StaffSession } from './sessions.ts';
import { newTotpSecret, totpStep, totpUri } from './totp.ts';

export type StaffRow = typeof staff.$inferSelect;
export type StaffAccount = ReturnType<ReturnType<typeof createAccounts>['view']>;

type Deps = { db: Db; clock: () => Date; sessions: Sessions; audit: Audit };

/** Staff accounts: what admins (pages, API, CLI) and the account page do to them. Every change is audited. */
export function createAccounts({ db, clock, sessions, audit }: Deps) {
  const byId = db.select().from(staff).where(eq(staff.id, sql.placeholder('id'))).prepare();
  const byName = db.select().from(staff).where(eq(staff.username, sql.placeholder('username'))).prepare();

  const mustGet = (id: number): StaffRow => {
    const row = byId.get({ id });
    if (!row) throw new AppError(404, 'not_found');
    return row;
  };
  const checkUnit = (tx: Pick<Db, 'select'>, unitId: string | null) => {
    if (unitId && !tx.select({ id: units.id }).from(units).where(eq(units.id, unitId)).get()) {
      throw new AppError(400, 'invalid_input', { unitId: 'unit_not_found' });
    }
  };
  // Never leave the bureau without an active admin, nor let admins lock themselves out by mistake.
  const guardAdmins = (tx: Pick<Db, 'select'>, row: StaffRow, actor: Actor, losing: boolean) => {
    if (!losing) return;
    if (row.id === actor.id) throw new AppError(409, 'own_account');
    const admins = tx.select({ n: sql<number>`count(*)` }).from(staff).where(and(eq(staff.role, 'admin'), eq(staff.active, true))).get()!.n;
    if (row.role === 'admin' && row.active && admins <= 1) throw new AppError(409, 'last_admin');
  };

  const accounts = {
    view: (row: StaffRow) => ({
      id: row.id, username: row.username, displayName: row.displayName, role: row.role, unitId: row.unitId, active: row.active,
      totpEnabled: row.totpEnabled, locked: !!row.lockedUntil && row.lockedUntil > clock(), createdAt: row.createdAt,
      passwordChangedAt: row.passwordChangedAt,
    }),
    list: () => db.select().from(staff).orderBy(asc(staff.username)).all().map(accounts.view),
    get: (id: number) => { const row = byId.get({ id }); return row ? accounts.view(row) : null; },
    row: (id: number) => byId.get({ id }),
    rowByUsername: (username: string) => byName.get({ username: username.toLowerCase() }),

    /** Creates an account; returns the generated password when none was given (shown once, never stored). */
    /** Fields as sent by the admin page, the API or the CLI; parsed here, so each caller passes them on as they are. */
    async create(fields: unknown, actor: Actor) {
      const input: StaffCreateInput = parseInput(staffCreateInput, fields);
      const password = input.password || generatePassword();
      const passwordHash = await hashPassword(password);
      const now = clock();
      const row = db.transaction((tx) => {
        checkUnit(tx, input.unitId);
        if (tx.select({ id: staff.id }).from(staff).where(eq(staff.username, input.username)).get()) {
          throw new AppError(409, 'username_taken', { username: 'username_taken' });
        }
        const created = tx.insert(staff).values({
          username: input.username, displayName: input.displayName, role: input.role, unitId: input.unitId, passwordHash,
          createdAt: now, passwordChangedAt: now,
        }).returning().get();
        audit.record({ ...byActor(actor), action: 'staff.create', target: created.username, detail: { role: input.role, unitId: input.unitId } }, tx);
        return created;
      }, { behavior: 'immediate' });
      return { account: accounts.view(row), password: input.password ? null : password };
    },

    update(id: number, fields: unknown, actor: Actor) {
      const input: StaffUpdateInput = parseInput(staffUpdateInput, fields);
      return db.transaction((tx) => {
        const row = mustGet(id);
        checkUnit(tx, input.unitId);
        guardAdmins(tx, row, actor, row.role === 'admin' && input.role !== 'admin');
        tx.update(staff).set(input).where(eq(staff.id, id)).run();
        audit.record({ ...byActor(actor), action: 'staff.update', target: row.username, detail: changesOf(row, input) }, tx);
        return accounts.view({ ...row, ...input });
      }, { behavior: 'immediate' });
    },

    /** A new generated password (shown once); unlocks the account and signs it out everywhere. */
    async resetPassword(id: number, actor: Actor) {
      const row = mustGet(id);
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      db.transaction((tx) => {
        tx.update(staff).set({ passwordHash, passwordChangedAt: clock(), failedLogins: 0, lockedUntil: null }).where(eq(staff.id, id)).run();
        tx.delete(staffSessions).where(eq(staffSessions.staffId, id)).run();
        audit.record({ ...byActor(actor), action: 'staff.reset_password', target: row.username }, tx);
      });
      return password;
    },

    setActive(id: number, active: boolean, actor: Actor) {
      db.transaction((tx) => {
        const row = mustGet(id);
        guardAdmins(tx, row, actor, !active);
        tx.update(staff).set({ active }).where(eq(staff.id, id)).run();
        if (!active) tx.delete(staffSessions).where(eq(staffSessions.staffId, id)).run();
        audit.record({ ...byActor(actor), action: active ? 'staff.activate' : 'staff.deactivate', target: row.username }, tx);
      }, { behavior: 'immediate' });
    },

    resetTwoFactor(id: number, actor: Actor) {
      const row = mustGet(id);
      db.transaction((tx) => {
        tx.update(staff).set({ totpSecret: null, totpEnabled: false }).where(eq(staff.id, id)).run();
        audit.record({ ...byActor(actor), action: 'staff.reset_two_factor', target: row.username }, tx);
      });
    },

    /** The signed-in member changes their own password; their other sessions end. */
    async changePassword(session: StaffSession, input: PasswordChangeInput, ip: string | null, onWrong: (row: StaffRow) => void) {
      const row = mustGet(session.staff.id);
      if (!(await verifyPassword(row.passwordHash, input.current))) {
        onWrong(row); // counts like a wrong sign-in: a stolen session cannot guess the password for ever
        throw new AppError(400, 'invalid_input', { current: 'password_wrong' });
      }
      const problem = input.password === input.current ? 'password_same' : passwordProblem(input.password, row.username);
      if (problem) throw new AppError(400, 'invalid_input', { password: problem });
      const passwordHash = await hashPassword(input.password);
      db.transaction((tx) => {
        tx.update(staff).set({ passwordHash, passwordChangedAt: clock(), failedLogins: 0 }).where(eq(staff.id, row.id)).run();
        tx.delete(staffSessions).where(and(eq(staffSessions.staffId, row.id), ne(staffSessions.id, session.sessionId))).run();
        audit.record({ staffId: row.id, username: row.username, action: 'password.change', ip }, tx);
      });
    },

    /** The secret being set up (created on first ask, inactive until a code confirms it), or null once enabled. */
    totpSetup(staffId: number): { secret: string; uri: string } | null {
      const row = mustGet(staffId);
      if (row.totpEnabled) return null;
      let secret = row.totpSecret;
      if (!secret) {
        secret = newTotpSecret();
        db.update(staff).set({ totpSecret: secret }).where(and(eq(staff.id, staffId), eq(staff.totpEnabled, false))).run();
      }
      return { secret, uri: totpUri(secret, row.username) };
    },

    /** Turns two-factor on once a code from the app matches the pending secret. */
    confirmTotp(staffId: number, code: string, ip: string | null) {
      const row = mustGet(staffId);
      if (row.totpEnabled) throw new AppError(409, 'totp_already_enabled');
      if (!row.totpSecret || totpStep(row.totpSecret, code, clock()) === null) {
        throw new AppError(400, 'invalid_input', { code: 'totp_invalid' });
      }
      db.transaction((tx) => {
        tx.update(staff).set({ totpEnabled: true }).where(eq(staff.id, staffId)).run();
        audit.record({ staffId, username: row.username, action: 'two_factor.enable', ip }, tx);
      });
    },
  };
  return accounts;
}

export type Accounts = ReturnType<typeof createAccounts>;

// Shared by the case workflow tests: staff actors, reports in a given state, row counts.
import { eq, sql } from 'drizzle-orm';
import type { Services } from '../../api/services.ts';
import type { StaffUser } from '../../api/staff/sessions.ts';
import type { ActionBody, StaffAction } from '../../api/cases/schema.ts';
import { auditLog, caseLog, cases } from '../../db/schema.ts';
import { FIXED_NOW, signedIn, testServices } from './services.ts';

/** Services whose clock the test moves: `at('2026-10-09T16:00')` sets Shanghai wall time. */
export function clockedServices(env: Record<string, string> = {}) {
  let now = FIXED_NOW;
  const services = testServices(env, () => now);
  return { services, at: (local: string) => { now = new Date(`${local}:00+08:00`); return now; }, now: () => now };
}

/** A staff member in the database (for names in the log) and the StaffUser the services take. */
export async function actor(services: Services, role: StaffUser['role'], unitId: string | null = null, username?: string) {
  const { staffId, headers } = await signedIn(services, role, unitId, username);
  const user: StaffUser = { id: staffId, username: username ?? `${role}-${unitId ?? 'all'}`, displayName: username ?? `${role}-${unitId ?? 'all'}`, role, unitId };
  return { user, headers };
}

let pin = 0;
/** A new report near 人民广场; each call a few metres apart unless a position is given. */
export async function report(services: Services, fields: Record<string, string> = {}) {
  pin++;
  const { trackingNo, code } = await services.reports.submit({
    category: 'exposed_garbage', lat: String(21.8585 + pin * 0.00001), lng: '111.9822', description: '人民广场东侧垃圾落地', publish: 'on', ...fields,
  }, []);
  return { trackingNo, code };
}

export const caseRow = (services: Services, trackingNo: string) =>
  services.db.select().from(cases).where(eq(cases.trackingNo, trackingNo)).get()!;

/** The fields each action needs to succeed. */
export const GOOD_FIELDS: Record<StaffAction, Omit<ActionBody, 'version'>> = {
  accept: {},
  reject: { reasonCode: 'not_a_problem', publicNote: '经现场核查，未发现所反映的问题。' },
  merge: {}, // the target is added by the test
  dispatch: { unitId: 'sanitation' },
  start: {},
  hold: { publicNote: '纳入维修计划', plannedDate: '2026-12-31' },
  resume: {},
  resolve: { publicNote: '已清理完毕' },
  close: {},
  rework: { internalNote: '角落仍有残留' },
  send_back: { internalNote: '井盖属电信公司管养，不属于本单位' },
};

/** The actions that bring a new report into each state. */
export const PATHS: Record<string, StaffAction[]> = {
  submitted: [],
  accepted: ['accept'],
  dispatched: ['accept', 'dispatch'],
  in_progress: ['accept', 'dispatch', 'start'],
  on_hold: ['accept', 'hold'],
  resolved: ['accept', 'dispatch', 'resolve'],
  closed: ['accept', 'dispatch', 'resolve', 'close'],
  rejected: ['reject'],
};

/** Acts as `who` with the case's current version and the usual fields. */
export async function act(services: Services, who: StaffUser, trackingNo: string, action: StaffAction, extra: Partial<ActionBody> = {}) {
  const { version } = caseRow(services, trackingNo);
  return services.cases.actions.perform(who, trackingNo, action, { version, ...GOOD_FIELDS[action], ...extra });
}

export async function caseIn(services: Services, who: StaffUser, state: keyof typeof PATHS, fields: Record<string, string> = {}) {
  const { trackingNo, code } = await report(services, fields);
  for (const action of PATHS[state]!) await act(services, who, trackingNo, action);
  return { trackingNo, code };
}

export const counts = (services: Services, trackingNo: string) => {
  const { id } = caseRow(services, trackingNo);
  return {
    log: services.db.select({ n: sql<number>`count(*)` }).from(caseLog).where(eq(caseLog.caseId, id)).get()!.n,
    audit: services.db.select({ n: sql<number>`count(*)` }).from(auditLog).where(eq(auditLog.target, trackingNo)).get()!.n,
  };
};

/** 'YYYY-MM-DDTHH:MM' in Shanghai. */
export const shLocal = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16) : null);

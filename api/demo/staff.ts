/**
 * Demo staff accounts, seeded with the demo city when there is no staff yet: admin, dispatcher, viewer,
 * and one handler per unit (username = the unit's code). All share DEMO_PASSWORD, else one random
 * password printed once: real deployments create accounts with `npm run staff -- create`.
 */
import { staff } from '../../db/schema.ts';
import type { Services } from '../services.ts';
import { hashPassword } from '../staff/passwords.ts';
import { generatePassword } from '../staff/policy.ts';
import { staffZh } from '../i18n/staff.zh.ts';
import type { StaffRole } from '../../db/vocabulary.ts';

type DemoAccount = { username: string; displayName: string; role: StaffRole; unitId: string | null };

export function demoAccounts(services: Services): DemoAccount[] {
  return [
    { username: 'admin', displayName: '系统管理员', role: 'admin', unitId: null },
    { username: 'dispatcher', displayName: '指挥中心受理派遣员', role: 'dispatcher', unitId: null },
    { username: 'viewer', displayName: '局领导（查看）', role: 'viewer', unitId: null },
    ...services.catalog.units().map((u) => ({ username: u.id, displayName: `${u.nameZh}处置员`, role: 'handler' as const, unitId: u.id })),
  ];
}

/** Seeds the demo accounts if the staff table is empty; prints them either way. Returns the accounts created. */
export async function seedDemoStaff(services: Services, opts: { log?: (msg: string) => void } = {}): Promise<DemoAccount[]> {
  const log = opts.log ?? (() => {});
  const { db, clock, config } = services;
  if (db.select({ id: staff.id }).from(staff).limit(1).get()) {
    const names = db.select({ username: staff.username }).from(staff).all().map((r) => r.username);
    log(`staff accounts: ${names.join(', ')} (demo password: DEMO_PASSWORD or the one printed at the first start)`);
    return [];
  }
  const password = config.DEMO_PASSWORD ?? generatePassword();
  const accounts = demoAccounts(services);
  const now = clock();
  const rows = await Promise.all(accounts.map(async (a) => ({ ...a, passwordHash: await hashPassword(password), createdAt: now, passwordChangedAt: now })));
  db.insert(staff).values(rows).onConflictDoNothing().run();
  log([
    `seeded ${accounts.length} demo staff accounts — sign in at ${config.PUBLIC_URL.replace(/\/$/, '')}/staff/login`,
    ...accounts.map((a) => `  ${a.username.padEnd(12)} ${a.role.padEnd(10)} ${staffZh.auth.roles[a.role]} · ${a.displayName}`),
    config.DEMO_PASSWORD ? '  password: DEMO_PASSWORD' : `  password (shown once): ${password}`,
  ].join('\n'));
  return accounts;
}

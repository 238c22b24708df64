// Shared by tests/api/staff-*.test.ts: an app on a movable clock, accounts with known passwords, signing in.
import { FIXED_NOW, testApp } from '../helpers/services.ts';
import type { StaffCreateInput } from '../../api/staff/schema.ts';

export const PASSWORD = 'correct horse battery';
export const MINUTE = 60_000;

/** An app whose clock the test moves with `advance(ms)`. */
export function clockedApp(env: Record<string, string> = {}) {
  let now = FIXED_NOW.getTime();
  const { app, services } = testApp(env, () => new Date(now));
  return { app, services, advance: (ms: number) => { now += ms; } };
}

type App = ReturnType<typeof clockedApp>['app'];
type Services = ReturnType<typeof clockedApp>['services'];

export async function account(services: Services, username: string, role: StaffCreateInput['role'] = 'dispatcher', unitId: string | null = null) {
  const { account } = await services.staff.accounts.create(
    { username, displayName: username, role, unitId, password: PASSWORD }, { id: null, username: '(test)' });
  return account;
}

export const json = (body: unknown, headers: Record<string, string> = {}) =>
  ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

export const login = (app: App, username: string, password = PASSWORD, headers: Record<string, string> = {}) =>
  app.request('/api/staff/login?lang=en', json({ username, password }, headers));

/** Signs in and returns the headers a signed-in API client sends: the cookie and the CSRF token. */
export async function session(app: App, username: string, password = PASSWORD) {
  const res = await login(app, username, password);
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = await res.json();
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return { headers: { cookie, 'x-csrf-token': body.csrfToken as string, origin: 'http://localhost' }, body };
}

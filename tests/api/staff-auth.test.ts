import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { auditLog, staff } from '../../db/schema.ts';
import { totpCode } from '../../api/staff/totp.ts';
import { FIXED_NOW } from '../helpers/services.ts';
import { MINUTE, PASSWORD, account, clockedApp, json, login, session } from './staff-fixtures.ts';

const actions = (s: ReturnType<typeof clockedApp>['services']) => s.db.select().from(auditLog).all().map((r) => r.action);

test('signing in sets an HttpOnly, SameSite=Lax, 12-hour session cookie, and /me tells who is signed in', async () => {
  const { app, services } = clockedApp();
  await account(services, 'li.ming');
  const res = await login(app, ' Li.Ming ');
  assert.equal(res.status, 200);
  const cookie = res.headers.get('set-cookie')!;
  assert.match(cookie, /^cl_staff=[\w-]{40,};/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.match(cookie, /Path=\//);
  assert.match(cookie, /Max-Age=43200/);
  assert.doesNotMatch(cookie, /Secure/, 'plain http in development and tests');
  const body = await res.json();
  assert.equal(body.next, null);
  const me = await app.request('/api/staff/me', { headers: { cookie: cookie.split(';')[0] } });
  assert.deepEqual(Object.keys(await me.json()).sort(), ['csrfToken', 'displayName', 'id', 'next', 'role', 'unitId', 'username']);
  assert.ok(actions(services).includes('login'));
});

test('the cookie is Secure when the public address is https', async () => {
  const { app, services } = clockedApp({ PUBLIC_URL: 'https://cityloop.example.cn' });
  await account(services, 'li.ming');
  assert.match((await login(app, 'li.ming')).headers.get('set-cookie')!, /; Secure/);
});

test('five wrong passwords, then the 6th locks the account for 15 minutes, even for the right password', async () => {
  const { app, services, advance } = clockedApp();
  await account(services, 'li.ming');
  for (let i = 1; i <= 5; i++) {
    const res = await login(app, 'li.ming', `wrong password ${i}`);
    assert.equal(res.status, 401, `attempt ${i}`);
    assert.equal((await res.json()).error.code, 'login_invalid');
  }
  const sixth = await login(app, 'li.ming', 'wrong password 6');
  assert.equal(sixth.status, 429);
  const body = await sixth.json();
  assert.equal(body.error.code, 'login_locked');
  assert.match(body.error.message, /try again in 15 minutes/);
  const right = await login(app, 'li.ming');
  assert.equal(right.status, 429, 'locked even with the right password');
  advance(14 * MINUTE);
  assert.match((await (await login(app, 'li.ming')).json()).error.message, /in 1 minute,/);
  advance(MINUTE + 1);
  assert.equal((await login(app, 'li.ming')).status, 200, 'unlocked after 15 minutes');
  assert.equal(services.db.select().from(staff).where(eq(staff.username, 'li.ming')).get()!.failedLogins, 0, 'a success resets the count');
  assert.ok(actions(services).includes('login_locked'));
  assert.equal(actions(services).filter((a) => a === 'login_failed').length, 8);
});

test('a success in between resets the count: only consecutive failures lock', async () => {
  const { app, services } = clockedApp();
  await account(services, 'li.ming');
  for (let i = 0; i < 5; i++) await login(app, 'li.ming', 'wrong password');
  assert.equal((await login(app, 'li.ming')).status, 200);
  for (let i = 0; i < 5; i++) assert.equal((await login(app, 'li.ming', 'wrong password')).status, 401);
});

test('an unknown username answers exactly like a known one, lock included', async () => {
  const { app } = clockedApp();
  const codes = [];
  for (let i = 0; i < 6; i++) {
    const res = await login(app, 'nobody', 'wrong password');
    codes.push(`${res.status} ${(await res.json()).error.code}`);
  }
  assert.deepEqual(codes, [...Array(5).fill('401 login_invalid'), '429 login_locked']);
});

test('one address gets at most 20 failed sign-ins per 15 minutes, whatever RATE_LIMITS says', async () => {
  const { app, services, advance } = clockedApp({ RATE_LIMITS: 'off' });
  await account(services, 'li.ming');
  for (let i = 0; i < 20; i++) {
    const res = await login(app, `name${i % 4}`, 'wrong password'); // 5 per name: no account lock
    assert.equal(res.status, 401, `attempt ${i + 1}`);
  }
  const blocked = await login(app, 'li.ming');
  assert.equal(blocked.status, 429);
  assert.equal((await blocked.json()).error.code, 'login_rate_limited');
  assert.ok(actions(services).includes('login_throttled'));
  advance(15 * MINUTE);
  assert.equal((await login(app, 'li.ming')).status, 200);
});

test('a state-changing staff request without the CSRF header is refused with 403', async () => {
  const { app, services } = clockedApp();
  await account(services, 'li.ming');
  const { headers } = await session(app, 'li.ming');
  const body = { current: PASSWORD, password: 'a brand new passphrase', confirm: 'a brand new passphrase' };
  const without = await app.request('/api/staff/account/password', json(body, { cookie: headers.cookie, origin: headers.origin }));
  assert.equal(without.status, 403);
  assert.equal((await without.json()).error.code, 'csrf');
  const wrong = await app.request('/api/staff/account/password', json(body, { ...headers, 'x-csrf-token': 'not-the-token' }));
  assert.equal(wrong.status, 403);
  const logout = await app.request('/api/staff/logout', { method: 'POST', headers: { cookie: headers.cookie, origin: headers.origin } });
  assert.equal(logout.status, 403, 'signing out is a write too');
  assert.equal((await app.request('/api/staff/account/password', json(body, headers))).status, 204);
});

test('the password policy: length, common passwords, the username, the confirmation; localized', async () => {
  const { app, services } = clockedApp();
  await account(services, 'wangfang01');
  const { headers } = await session(app, 'wangfang01');
  const change = async (password: string, confirm = password, lang = 'zh') => {
    const res = await app.request(`/api/staff/account/password?lang=${lang}`, json({ current: PASSWORD, password, confirm }, headers));
    return res.status === 204 ? {} : res.json();
  };
  assert.equal((await change('short')).error.fields.password, '密码至少需要 10 个字符。');
  assert.equal((await change('woaini1314', 'woaini1314', 'en')).error.fields.password, 'This password is too common and easy to guess. Choose another.');
  for (const common of ['1234567890', 'a123456789', 'QWERTYUIOP', 'password123']) {
    assert.equal((await change(common)).error.fields.password, '该密码过于常见，容易被猜到，请换一个。', common);
  }
  assert.equal((await change('WangFang01')).error.fields.password, '密码不能与用户名相同。');
  assert.equal((await change('a long enough passphrase', 'something else')).error.fields.confirm, '两次输入的新密码不一致。');
  const wrongCurrent = await app.request('/api/staff/account/password', json({ current: 'not it at all', password: 'a long enough passphrase', confirm: 'a long enough passphrase' }, headers));
  assert.equal((await wrongCurrent.json()).error.fields.current, '当前密码不正确。');
  assert.equal((await change('晚上八点在乔士桥见面吧')).error, undefined, 'ten Chinese characters are fine');
  assert.equal((await login(app, 'wangfang01', '晚上八点在乔士桥见面吧')).status, 200);
  assert.equal((await login(app, 'wangfang01')).status, 401, 'the old password is gone');
});

test('TOTP: set it up with a code, then signing in needs a code; the console refuses the half-signed-in session', async () => {
  const { app, services, advance } = clockedApp();
  await account(services, 'admin', 'admin');
  const { headers } = await session(app, 'admin');
  const setup = await (await app.request('/api/staff/account/two-factor', { headers })).json();
  assert.equal(setup.enabled, false);
  assert.match(setup.secret, /^[A-Z2-7]{32}$/);
  assert.match(setup.uri, /^otpauth:\/\/totp\/CityLoop:admin\?.*secret=[A-Z2-7]{32}.*&algorithm=SHA1&digits=6&period=30/);
  const bad = await app.request('/api/staff/account/two-factor', json({ code: '000000' }, headers));
  assert.equal((await bad.json()).error.fields.code, '验证码不正确或已过期，请输入应用中当前显示的验证码。');
  const ok = await app.request('/api/staff/account/two-factor', json({ code: totpCode(setup.secret, FIXED_NOW) }, headers));
  assert.deepEqual(await ok.json(), { enabled: true });

  advance(5 * MINUTE);
  const now = new Date(FIXED_NOW.getTime() + 5 * MINUTE);
  const pending = await session(app, 'admin');
  assert.equal(pending.body.next, 'two_factor');
  assert.equal((await app.request('/api/staff/admin/units', { headers: pending.headers })).status, 401, 'no console before the code');
  const wrong = await app.request('/api/staff/login/two-factor', json({ code: '123456' }, pending.headers));
  assert.equal(wrong.status, 400);
  const code = totpCode(setup.secret, now);
  assert.equal((await app.request('/api/staff/login/two-factor', json({ code }, pending.headers))).status, 200);
  assert.equal((await app.request('/api/staff/admin/units', { headers: pending.headers })).status, 200);

  const again = await session(app, 'admin');
  const replay = await app.request('/api/staff/login/two-factor', json({ code }, again.headers));
  assert.equal(replay.status, 400, 'a code works once');
  assert.ok(actions(services).includes('two_factor.enable'));
  assert.ok(actions(services).includes('login_two_factor'));
});

test('wrong codes count towards the same lock as wrong passwords', async () => {
  const { app, services } = clockedApp();
  await account(services, 'admin', 'admin');
  const secret = services.staff.accounts.totpSetup(1)!.secret;
  services.staff.accounts.confirmTotp(1, totpCode(secret, FIXED_NOW), null);
  const pending = await session(app, 'admin');
  for (let i = 0; i < 5; i++) assert.equal((await app.request('/api/staff/login/two-factor', json({ code: '000000' }, pending.headers))).status, 400);
  const sixth = await app.request('/api/staff/login/two-factor', json({ code: '000000' }, pending.headers));
  assert.equal((await sixth.json()).error.code, 'login_locked');
  assert.equal((await app.request('/api/staff/me', { headers: pending.headers })).status, 401, 'the half-signed-in session is gone');
});

test('REQUIRE_2FA=1: an admin without TOTP signs in, can only set it up, then uses the console', async () => {
  const { app, services } = clockedApp({ REQUIRE_2FA: '1' });
  await account(services, 'admin', 'admin');
  await account(services, 'dispatcher', 'dispatcher');
  assert.equal((await session(app, 'dispatcher')).body.next, null, 'other roles are not forced');
  const { headers, body } = await session(app, 'admin');
  assert.equal(body.next, 'enrol_two_factor');
  assert.equal((await app.request('/api/staff/admin/staff', { headers })).status, 401);
  const pw = { current: PASSWORD, password: 'a long enough passphrase', confirm: 'a long enough passphrase' };
  assert.equal((await app.request('/api/staff/account/password', json(pw, headers))).status, 401, 'nothing else either');
  const { secret } = await (await app.request('/api/staff/account/two-factor', { headers })).json();
  await app.request('/api/staff/account/two-factor', json({ code: totpCode(secret, FIXED_NOW) }, headers));
  assert.equal((await app.request('/api/staff/admin/staff', { headers })).status, 200);
});

test('signing out ends the session and clears the cookie', async () => {
  const { app, services } = clockedApp();
  await account(services, 'li.ming');
  const { headers } = await session(app, 'li.ming');
  const res = await app.request('/api/staff/logout', { method: 'POST', headers });
  assert.equal(res.status, 204);
  assert.match(res.headers.get('set-cookie')!, /cl_staff=;.*Max-Age=0/);
  assert.equal((await app.request('/api/staff/me', { headers })).status, 401);
  assert.ok(actions(services).includes('logout'));
});

test('a deactivated account cannot sign in and its sessions end', async () => {
  const { app, services } = clockedApp();
  const admin = await account(services, 'admin', 'admin');
  const li = await account(services, 'li.ming');
  const { headers } = await session(app, 'li.ming');
  services.staff.accounts.setActive(li.id, false, { id: admin.id, username: 'admin' });
  assert.equal((await app.request('/api/staff/me', { headers })).status, 401);
  const res = await login(app, 'li.ming');
  assert.equal(res.status, 401);
  assert.equal((await res.json()).error.code, 'login_invalid', 'the same answer as a wrong password');
});

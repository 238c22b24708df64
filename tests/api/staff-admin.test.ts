import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiKeys, auditLog } from '../../db/schema.ts';
import { runStaffCommand } from '../../api/staff/cli-commands.ts';
import { MINUTE, account, clockedApp, json, login, session } from './staff-fixtures.ts';

async function adminApp(env: Record<string, string> = {}) {
  const ctx = clockedApp(env);
  await account(ctx.services, 'admin', 'admin');
  const admin = await session(ctx.app, 'admin');
  const put = (path: string, body: unknown) => ctx.app.request(path, { ...json(body, admin.headers), method: 'PUT' });
  const post = (path: string, body: unknown = {}) => ctx.app.request(path, json(body, admin.headers));
  const get = (path: string) => ctx.app.request(path, { headers: admin.headers });
  return { ...ctx, admin, put, post, get };
}

const ADMIN_ROUTES: [string, string][] = [
  ['GET', '/api/staff/admin/units'], ['POST', '/api/staff/admin/units'], ['PUT', '/api/staff/admin/units/sanitation'],
  ['GET', '/api/staff/admin/categories'], ['PUT', '/api/staff/admin/categories/other'],
  ['GET', '/api/staff/admin/staff'], ['POST', '/api/staff/admin/staff'], ['POST', '/api/staff/admin/staff/1/reset-password'],
  ['POST', '/api/staff/admin/staff/1/deactivate'], ['POST', '/api/staff/admin/staff/1/reset-two-factor'],
  ['GET', '/api/staff/admin/audit'], ['GET', '/api/staff/admin/audit.csv'],
  ['GET', '/api/staff/admin/api-keys'], ['POST', '/api/staff/admin/api-keys'], ['POST', '/api/staff/admin/api-keys/1/revoke'],
];

test('admin routes answer 404 to every other role, as if they did not exist, and 401 to nobody', async () => {
  const { app, services } = await adminApp();
  for (const [role, unit] of [['dispatcher', null], ['handler', 'sanitation'], ['viewer', null]] as const) {
    await account(services, role, role, unit);
    const { headers } = await session(app, role);
    for (const [method, path] of ADMIN_ROUTES) {
      const res = await app.request(path, { method, headers: { ...headers, 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      assert.equal(res.status, 404, `${role} ${method} ${path}`);
      assert.equal((await res.json()).error.code, 'not_found');
    }
  }
  assert.equal((await app.request('/api/staff/admin/units')).status, 401);
});

test('units: create and rename; a taken code is refused; both are audited', async () => {
  const { services, post, put, get } = await adminApp();
  const created = await post('/api/staff/admin/units', { id: 'Water', nameZh: '水务中心', nameEn: 'Water Centre', sort: 60 });
  assert.equal(created.status, 201);
  assert.equal((await created.json()).unit.id, 'water');
  assert.equal((await post('/api/staff/admin/units', { id: 'water', nameZh: '水务', nameEn: 'Water' })).status, 409);
  const bad = await post('/api/staff/admin/units?lang=en', { id: '9', nameZh: '', nameEn: 'x' });
  assert.deepEqual(Object.keys((await bad.json()).error.fields).sort(), ['id', 'nameZh']);
  assert.equal((await put('/api/staff/admin/units/water', { nameZh: '水务管理中心', nameEn: 'Water Centre', sort: 60 })).status, 200);
  assert.equal((await put('/api/staff/admin/units/nope', { nameZh: 'x', nameEn: 'x' })).status, 404);
  const units = (await (await get('/api/staff/admin/units')).json()).units;
  assert.equal(units.find((u: { id: string }) => u.id === 'water').nameZh, '水务管理中心');
  const rows = services.db.select().from(auditLog).all().filter((r) => r.action.startsWith('unit.'));
  assert.deepEqual(rows.map((r) => [r.action, r.target, r.username]), [['unit.create', 'water', 'admin'], ['unit.update', 'water', 'admin']]);
  assert.deepEqual(rows[1].detail, { nameZh: { from: '水务中心', to: '水务管理中心' } });
});

test('categories: every field an admin edits reaches the report form, and the change is audited', async () => {
  const { services, put } = await adminApp();
  const body = {
    nameZh: '暴露垃圾（含建筑垃圾）', nameEn: 'Garbage on the ground', nationalCode: '06010', unitId: 'enforcement',
    acceptHours: 4, handleAmount: 2, handleUnit: 'days', active: false, sort: 5,
  };
  const res = await put('/api/staff/admin/categories/exposed_garbage', body);
  assert.equal(res.status, 200);
  assert.ok(!services.catalog.activeCategories().some((c) => c.id === 'exposed_garbage'), 'inactive: gone from the form');
  const row = services.catalog.allCategories().find((c) => c.id === 'exposed_garbage')!;
  assert.deepEqual({ ...row, id: undefined, groupId: undefined }, { ...body, id: undefined, groupId: undefined });
  const invalid = await put('/api/staff/admin/categories/exposed_garbage?lang=en', { ...body, nationalCode: '6010', unitId: 'nowhere', acceptHours: 0 });
  const { fields } = (await invalid.json()).error;
  assert.deepEqual(Object.keys(fields).sort(), ['acceptHours', 'nationalCode']);
  const unknownUnit = await put('/api/staff/admin/categories/exposed_garbage', { ...body, unitId: 'nowhere' });
  assert.equal((await unknownUnit.json()).error.fields.unitId, '所选单位不存在。');
  const audit = services.db.select().from(auditLog).all().find((r) => r.action === 'category.update')!;
  assert.equal(audit.target, 'exposed_garbage');
  assert.deepEqual(audit.detail!.active, { from: true, to: false });
});

test('staff: create with a generated password, reset it, deactivate, reset two-factor; handlers need a unit', async () => {
  const { app, services, post, put, get } = await adminApp();
  const noUnit = await post('/api/staff/admin/staff', { username: 'zhou', displayName: '周', role: 'handler' });
  assert.equal((await noUnit.json()).error.fields.unitId, '处置单位人员须选择所属单位。');
  const res = await post('/api/staff/admin/staff', { username: 'Zhou.Hai', displayName: '周海', role: 'handler', unitId: 'lighting' });
  assert.equal(res.status, 201);
  const { staff: zhou, password } = await res.json();
  assert.match(password, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  assert.deepEqual([zhou.username, zhou.role, zhou.unitId], ['zhou.hai', 'handler', 'lighting']);
  assert.equal((await post('/api/staff/admin/staff', { username: 'zhou.hai', displayName: 'x', role: 'viewer' })).status, 409);
  assert.equal((await login(app, 'zhou.hai', password)).status, 200);

  const { headers } = await session(app, 'zhou.hai', password);
  const reset = await (await post(`/api/staff/admin/staff/${zhou.id}/reset-password`)).json();
  assert.notEqual(reset.password, password);
  assert.equal((await app.request('/api/staff/me', { headers })).status, 401, 'signed out everywhere');
  assert.equal((await login(app, 'zhou.hai', password)).status, 401);
  assert.equal((await login(app, 'zhou.hai', reset.password)).status, 200);

  const moved = await put(`/api/staff/admin/staff/${zhou.id}`, { displayName: '周海', role: 'dispatcher', unitId: 'lighting' });
  assert.equal((await moved.json()).staff.unitId, null, 'only handlers keep a unit');
  assert.equal((await post(`/api/staff/admin/staff/${zhou.id}/reset-two-factor`)).status, 204);
  assert.equal((await post(`/api/staff/admin/staff/${zhou.id}/deactivate`)).status, 204);
  assert.equal((await login(app, 'zhou.hai', reset.password)).status, 401);
  const list = (await (await get('/api/staff/admin/staff')).json()).staff;
  assert.equal(list.find((s: { id: number }) => s.id === zhou.id).active, false);
  assert.ok(list.every((s: Record<string, unknown>) => !('passwordHash' in s) && !('totpSecret' in s)), 'no secrets in the list');
  const acts = services.db.select().from(auditLog).all().map((r) => r.action);
  for (const a of ['staff.create', 'staff.reset_password', 'staff.update', 'staff.reset_two_factor', 'staff.deactivate']) assert.ok(acts.includes(a), a);
});

test('an admin cannot deactivate or demote themselves, nor remove the last admin', async () => {
  const { services, post, put } = await adminApp();
  const me = services.staff.accounts.rowByUsername('admin')!;
  assert.equal((await (await post(`/api/staff/admin/staff/${me.id}/deactivate`)).json()).error.code, 'own_account');
  assert.equal((await (await put(`/api/staff/admin/staff/${me.id}`, { displayName: 'x', role: 'viewer' })).json()).error.code, 'own_account');
  const other = await account(services, 'admin2', 'admin');
  assert.equal((await post(`/api/staff/admin/staff/${other.id}/deactivate`)).status, 204);
  assert.throws(() => services.staff.accounts.setActive(me.id, false, { id: other.id, username: 'admin2' }), /last_admin/);
});

test('the audit log: logins, failures, locks and admin changes, paged, filtered, and exported as CSV with a BOM', async () => {
  const { app, services, advance } = await adminApp();
  await account(services, 'li.ming');
  for (let i = 0; i < 6; i++) await login(app, 'li.ming', 'wrong password');
  await login(app, '=cmd|calc', 'wrong password'); // typed by an attacker, exported to a spreadsheet
  advance(24 * 60 * MINUTE); // the next day: the first session has expired
  const { headers } = await session(app, 'admin');
  const get = (path: string) => app.request(path, { headers });

  const page = await (await get('/api/staff/admin/audit?action=login_failed')).json();
  assert.equal(page.total, 7);
  assert.ok(page.items.every((r: { action: string }) => r.action === 'login_failed'));
  const byStaff = await (await get('/api/staff/admin/audit?staff=li.ming')).json();
  assert.deepEqual([...new Set(byStaff.items.map((r: { action: string }) => r.action))].sort(), ['login_failed', 'login_locked'], 'what li.ming did (not what was done to the account)');
  const firstDay = await (await get('/api/staff/admin/audit?from=2026-11-25&to=2026-11-25')).json();
  const nextDay = await (await get('/api/staff/admin/audit?from=2026-11-26')).json();
  assert.equal(firstDay.total + nextDay.total, (await (await get('/api/staff/admin/audit')).json()).total);
  assert.deepEqual(nextDay.items.map((r: { action: string }) => r.action), ['login']);

  const res = await get('/api/staff/admin/audit.csv');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
  assert.match(res.headers.get('content-disposition')!, /attachment/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
  assert.equal(lines[0], '时间,账号,操作代码,操作,对象,详情,IP 地址');
  assert.equal(lines.length - 1, services.db.select().from(auditLog).all().length);
  const locked = lines.find((l) => l.includes(',login_locked,'))!.split(',');
  assert.match(locked[0], /^2026-11-25T10:00:00\+08:00$/);
  assert.deepEqual(locked.slice(1, 4), ['li.ming', 'login_locked', '账号临时锁定']);
  assert.ok(lines.some((l) => l.includes(",'=cmd|calc,")), 'a formula-looking cell is defused');
  const en = new TextDecoder().decode(await (await get('/api/staff/admin/audit.csv?lang=en&action=logout')).arrayBuffer());
  assert.equal(en.split('\r\n')[0], 'time,account,action code,action,object,detail,IP address');
});

test('the CLI creates, lists, resets and deactivates accounts', async () => {
  const { app, services } = clockedApp();
  const out: string[] = [];
  const run = (...args: string[]) => runStaffCommand(services, args, (l) => out.push(l));
  assert.equal(await run('create', '--username', 'Chen.Jing', '--role', 'handler', '--unit', 'sanitation', '--name', '陈静'), 0);
  const password = out.join('\n').match(/password: (\S+)/)![1];
  assert.equal((await login(app, 'chen.jing', password)).status, 200);
  assert.equal(await run('create', '--username', 'ops', '--role', 'admin', '--password', 'a long admin passphrase'), 0);
  assert.equal((await login(app, 'ops', 'a long admin passphrase')).status, 200);
  assert.equal(await run('create', '--username', 'weak', '--role', 'viewer', '--password', 'woaini1314'), 1);
  assert.match(out.at(-1)!, /--password: This password is too common/);
  assert.equal(await run('create', '--username', 'nounit', '--role', 'handler'), 1);
  out.length = 0;
  assert.equal(await run('list'), 0);
  assert.match(out.join('\n'), /chen\.jing\s+handler\s+sanitation\s+active\s+陈静/);
  assert.equal(await run('reset-password', '--username', 'chen.jing'), 0);
  assert.equal((await login(app, 'chen.jing', password)).status, 401);
  assert.equal(await run('deactivate', '--username', 'chen.jing'), 0);
  assert.equal(await run('deactivate', '--username', 'nobody'), 1);
  assert.equal(await run('frobnicate'), 2);
  const audit = services.db.select().from(auditLog).all().filter((r) => r.action.startsWith('staff.'));
  assert.ok(audit.length >= 4 && audit.every((r) => r.username === '(cli)'));
});

test('API keys: created with a channel, the key shown once and stored hashed, listed with last use, revoked; all audited', async () => {
  const { app, services, post, get } = await adminApp();
  const bad = await post('/api/staff/admin/api-keys', { name: '', channel: 'fax' });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys((await bad.json()).error.fields).sort(), ['channel', 'name']);
  const created = await post('/api/staff/admin/api-keys', { name: '12345 热线平台', channel: 'hotline' });
  assert.equal(created.status, 201);
  const { apiKey, key } = await created.json();
  assert.match(key, /^cl_[\w-]{32}$/);
  assert.equal(apiKey.channel, 'hotline');
  const stored = JSON.stringify(services.db.select().from(apiKeys).all());
  assert.ok(!stored.includes(key), 'only a hash is kept');
  const filed = await app.request('/open311/v2/requests.json', { method: 'POST', body: new URLSearchParams({
    api_key: key, service_code: 'exposed_garbage', address_string: '人民广场', description: '热线转来的垃圾问题',
  }) });
  assert.equal(filed.status, 201);
  const listed = (await (await get('/api/staff/admin/api-keys')).json()).apiKeys;
  assert.equal(listed.length, 1);
  assert.ok(listed[0].lastUsedAt);
  assert.equal(listed[0].keyHash, undefined, 'the list never carries the hash');
  assert.equal(JSON.stringify(listed).includes(key), false);
  assert.equal((await post(`/api/staff/admin/api-keys/${apiKey.id}/revoke`)).status, 204);
  assert.equal((await post('/api/staff/admin/api-keys/999/revoke')).status, 404);
  const actions = services.db.select().from(auditLog).all().map((a) => a.action);
  assert.ok(actions.includes('api_key.create') && actions.includes('api_key.revoke'));
  const refused = await app.request('/open311/v2/requests.json', { method: 'POST', body: new URLSearchParams({ api_key: key, service_code: 'exposed_garbage', address_string: '人民广场', description: '又一件' }) });
  assert.equal(refused.status, 403, 'a revoked key is refused');
});

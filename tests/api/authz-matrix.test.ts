/**
 * The authorization matrix: every staff route (Hono's table under /api/staff) and every console page (site/pages/staff)
 * × anonymous, viewer, each unit's handler, dispatcher, admin × path variants (`//`, `/en//`, trailing slash, case).
 * Routes are found, not listed: one added later without an entry in POLICY must at least refuse strangers.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { siteServer } from '../helpers/site.ts';
import { signedIn } from '../helpers/services.ts';
import { report } from '../helpers/cases.ts';
import { advance } from '../helpers/opendata.ts';
import { astroPages, fill, honoRoutes } from '../helpers/routes.ts';
import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema.ts';

type Who = 'anonymous' | 'viewer' | `handler:${string}` | 'dispatcher' | 'admin';
type Outcome = 'allowed' | 'denied' | 'login';
const UNITS = ['sanitation', 'lighting', 'municipal', 'greenery', 'enforcement'];
const STAFF: Who[] = ['viewer', ...UNITS.map((u) => `handler:${u}` as const), 'dispatcher', 'admin'];
const OTHER_HANDLERS = STAFF.filter((w) => w.startsWith('handler:') && w !== 'handler:sanitation');

/** Who may use what (the case under test is dispatched to sanitation; so is the drive organised by sanitation).
 * Everyone else: denied (API) / login (anonymous page). */
const DRIVE_SEERS: Who[] = ['viewer', 'handler:sanitation', 'dispatcher', 'admin'];
const DRIVE_ORGANISERS: Who[] = ['handler:sanitation', 'dispatcher', 'admin'];
const POLICY: [RegExp, Who[]][] = [
  [/^GET \/api\/staff\/drives\/occurrences\/:id\/roster(\.csv)?$/, DRIVE_SEERS],
  [/^POST \/api\/staff\/drives\/(occurrences|signups)\/:id\/\w+$/, DRIVE_ORGANISERS],
  [/^(PUT|POST) \/api\/staff\/drives\/series\/:id(\/deactivate)?$/, DRIVE_ORGANISERS],
  [/^(GET|POST) \/staff\/drives\/series\/:id$/, DRIVE_ORGANISERS], // viewers only look at rosters
  [/^(GET|POST) \/staff\/drives\/new$/, STAFF.filter((w) => w !== 'viewer')], // a handler creates drives for their own unit
  [/^(GET|POST) \/staff\/drives\/:id$/, DRIVE_SEERS], // a post without an action re-shows the roster
  [/^(GET|POST) \/staff\/quarterly$/, ['dispatcher', 'admin']], // prepare and publish the quarterly report
  [/^(GET|POST) \/api\/staff\/admin\//, ['admin']],
  // Issue 11: the requests inbox (dispatchers; viewers read), staff entry of hotline/patrol cases, the audited reveal.
  [/^GET \/api\/staff\/cases\/requests$/, ['viewer', 'dispatcher', 'admin']],
  [/^POST \/api\/staff\/cases$/, ['dispatcher', 'admin']],
  [/^POST \/api\/staff\/cases\/:no\/reveal$/, ['handler:sanitation', 'dispatcher', 'admin']],
  [/^(GET|POST) \/staff\/cases\/new$/, ['dispatcher', 'admin']],
  [/^(GET|POST) \/staff\/requests$/, ['viewer', 'dispatcher', 'admin']],
  [/^GET \/api\/staff\/cases\/queue$/, ['viewer', 'dispatcher', 'admin']],
  [/^POST \/api\/staff\/cases\/bulk$/, ['dispatcher', 'admin']],
  [/^GET \/api\/staff\/desk\/queue(\/count)?$/, ['viewer', 'dispatcher', 'admin']], // the dispatcher's queue, as /queue
  [/^POST \/api\/staff\/desk\/cases\/:no\/supervise$/, ['dispatcher', 'admin']], // 督办 (a handler's own case: 403)
  [/^PUT \/api\/staff\/admin\//, ['admin']],
  [/^GET \/api\/staff\/cases\/:no$/, STAFF.filter((w) => !OTHER_HANDLERS.includes(w))],
  [/^POST \/api\/staff\/cases\/:no\/actions\/:action$/, ['handler:sanitation', 'dispatcher', 'admin']],
  [/^(GET|POST) \/api\/staff\//, STAFF],
  [/^(GET|POST) \/staff\/admin(\/|$)/, ['admin']],
  [/^(GET|POST) \/staff\/cases\/:no$/, STAFF.filter((w) => !OTHER_HANDLERS.includes(w))],
  [/^(GET|POST) \/staff(\/|$)/, STAFF],
];
// Not role-gated (signing in and out); covered by tests/api/staff-auth.test.ts.
const OPEN = /\/staff\/(login|logout|two-factor)(\/|$)|\/api\/staff\/(login|logout)(\/|$)/;

const site = await siteServer();
after(() => site.close());
const { services } = site;
const { trackingNo } = await report(services, { phone: '13712340000' }); // a contact to reveal
await advance(services, trackingNo, ['accept', 'dispatch']);
const victim = await signedIn(services, 'viewer', null, 'victim');
const sessions = new Map<Who, { cookie: string; csrf: string }>();
for (const who of STAFF) {
  const [role, unit] = who.split(':') as ['viewer' | 'handler' | 'dispatcher' | 'admin', string | undefined];
  const s = await signedIn(services, role, unit ?? null, `m-${who.replace(':', '-')}`);
  sessions.set(who, { cookie: s.headers.cookie, csrf: s.headers['x-csrf-token'] });
}
const apiKey = services.staff.apiKeys.create({ name: '12345 平台', channel: 'hotline' }, { id: null, username: 'cli' });
const firstDrive = services.drives.organise.createSeries({ id: 1, username: 'matrix', displayName: 'matrix', role: 'admin', unitId: null }, {
  titleZh: '权限测试清洁活动', community: '沿江南社区', address: '沿江南路', weekday: '5', startTime: '15:00', endTime: '17:00',
  firstDate: '2026-11-27', capacity: '5', hours: '2', unitId: 'sanitation',
});
const occurrence = services.drives.queries.ofSeries(firstDrive.id)[0]!;
const signup = services.drives.signups.signUp(occurrence.id, { name: '权限测试', phone: '13800138000', team: 'individual', ageGroup: 'adult', consent: true });
const place = services.gazetteer.create({ name: '权限测试地名', kind: 'landmark', lat: '21.86', lng: '111.98' }, { id: null, username: 'matrix' });
const admin = { id: 1, username: 'matrix', displayName: 'matrix', role: 'admin' as const, unitId: null };
// Each phrase route gets a phrase of its own (one of them deletes it).
const freshPhrase = () => String(services.desk.phrases.create(admin, { action: 'reject', textZh: '权限测试', textEn: 'matrix' }).id);
const idFor = (path: string) => (path.includes('/phrases/') ? freshPhrase() : path.includes('/units/') ? 'sanitation' : path.includes('/places/') ? String(place.id) : path.includes('/categories/') ? 'exposed_garbage'
  : path.includes('/api-keys/') ? String(apiKey.apiKey.id) : path.includes('/drives/signups/') ? String(signup.id)
  : path.includes('/drives/series/') ? String(firstDrive.id)
  : path.includes('/drives/') ? String(occurrence.id) : String(victim.staffId));
const values = (path: string) => ({ no: trackingNo, action: 'start', id: idFor(path) });
const version = () => services.db.select().from(cases).where(eq(cases.trackingNo, trackingNo)).get()!.version;
/** Bodies that pass validation, so the answer is about who asks, not what they sent. */
const validBody = (path: string): unknown => (path.endsWith('/bulk') ? { action: 'accept', items: [{ trackingNo, version: version() }] }
  : path.includes('/actions/') ? { version: version() } : path.endsWith('/supervise') ? { version: version(), note: '权限测试督办' }
  : path.includes('/phrases') ? { action: 'accept', textZh: '权限测试', textEn: 'matrix' } : {});

const routes = [
  ...honoRoutes(site.app).filter((r) => r.path.startsWith('/api/staff/')),
  ...astroPages().filter((p) => p.startsWith('/staff')).flatMap((p) => ['GET', 'POST'].map((method) => ({ method, path: p, kind: 'page' as const }))),
].filter((r) => !OPEN.test(r.path));

async function outcome(method: string, path: string, who: Who, kind: 'api' | 'page'): Promise<{ o: Outcome; status: number }> {
  const s = sessions.get(who);
  const headers: Record<string, string> = s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {};
  const body = method === 'GET' ? undefined : kind === 'api' ? JSON.stringify(validBody(path)) : `_csrf=${s?.csrf ?? ''}`;
  if (body) headers['content-type'] = kind === 'api' ? 'application/json' : 'application/x-www-form-urlencoded';
  const res = await site.raw(method, path, { headers, body });
  const location = String(res.headers.location ?? '');
  if (res.status === 303 && /\/staff\/login/.test(location)) return { o: 'login', status: res.status };
  if ([401, 403, 404].includes(res.status)) return { o: 'denied', status: res.status };
  return { o: 'allowed', status: res.status };
}

const expected = (method: string, path: string, who: Who, kind: 'api' | 'page'): Outcome | 'stranger' => {
  const rule = POLICY.find(([re]) => re.test(`${method} ${path}`));
  if (who === 'anonymous') return kind === 'page' ? 'login' : 'denied';
  if (!rule) return 'stranger';
  return rule[1].includes(who) ? 'allowed' : 'denied';
};

test(`authorization matrix: ${routes.length} staff routes and pages × ${STAFF.length + 1} roles`, async () => {
  const wrong: string[] = [];
  for (const r of routes) {
    const path = fill(r.path, values(r.path));
    for (const who of ['anonymous', ...STAFF] as Who[]) {
      const want = expected(r.method, r.path, who, r.kind);
      const got = await outcome(r.method, path, who, r.kind);
      // A route nobody described yet: strangers (anonymous) are checked above; signed-in staff get whatever it says.
      if (want !== 'stranger' && got.o !== want) wrong.push(`${r.method} ${path} as ${who}: ${got.o} (${got.status}), expected ${want}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('path variants of staff routes never reach a handler without the right session', async () => {
  const wrong: string[] = [];
  for (const r of routes) {
    const path = fill(r.path, values(r.path));
    const variants = [path.replace('/', '//'), `${path}/`, path.replace('/staff', '//staff'), path.replace('staff', 'STAFF'), path.replace('staff', 'Staff'),
      ...(r.kind === 'page' ? [`/en/${path.slice(1)}`, `/en//${path.slice(1)}`, `/en${path.replace('/staff', '//staff')}`, `/EN${path}`] : [])];
    for (const v of variants) {
      const anon = await outcome(r.method, v, 'anonymous', r.kind);
      if (anon.o === 'allowed' && !(anon.status === 308 && r.method === 'GET')) wrong.push(`${r.method} ${v} as anonymous: ${anon.status}`);
      // A viewer posting to an admin page through a variant, with the token missing: refused, never performed.
      if (r.method !== 'GET') {
        const res = await site.raw(r.method, v, { headers: { cookie: sessions.get('viewer')!.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'intent=create' });
        if (res.status < 400 && !(res.status === 303 && /login/.test(String(res.headers.location)))) wrong.push(`${r.method} ${v} as viewer without token: ${res.status}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

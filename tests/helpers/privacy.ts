/**
 * The privacy crawl: plant personal data the way people really type it, make it public the way staff
 * do, then fetch every public answer in every format and look for it. A later feature (volunteer
 * sign-ups…) writes its own Planter — plant secrets, add the URLs that show its data — and runs
 * `privacyCrawl(ctx, [...DEFAULT_PLANTERS, itsPlanter])` from its own test file.
 */
import { eq, isNotNull } from 'drizzle-orm';
import { tokenOf } from '../../api/opendata/open311/submit.ts';
import type { Services } from '../../api/services.ts';
import { cases, driveSignups } from '../../db/schema.ts';
import { addDays, isoWeekday } from '../../api/drives/schedule.ts';
import { shanghaiDate } from '../../api/shared/time.ts';
import { advance } from './opendata.ts';
import { act } from './cases.ts';
import type { testApp } from './services.ts';
import { open311Planter } from './privacy-open311.ts';

export type App = ReturnType<typeof testApp>['app'];
export type Secret = { label: string; value: string };
/** `answers`: bodies a planter got from requests the crawl cannot repeat (POSTs), checked like the URLs. */
export type CrawlContext = { app: App; services: Services; secrets: Secret[]; urls: Set<string>; cases: string[]; answers: { url: string; body: string }[] };
/** Plants secrets (ctx.secrets), makes them public the normal way, and adds the URLs that show them (ctx.urls). */
export type Planter = (ctx: CrawlContext) => Promise<void>;

export const newCrawl = (app: App, services: Services): CrawlContext => ({ app, services, secrets: [], urls: new Set(), cases: [], answers: [] });

const FORMATS = ['json', 'xml'] as const;
const AREA = '111.90,21.80,112.10,21.95';

/** Every public answer that lists or describes cases, site-wide, in every format and language. */
export const SITE_URLS = [
  '/api/categories', '/api/cases', '/api/cases?per_page=1000', `/api/cases/map?bbox=${AREA}&zoom=14`, `/api/cases/map?bbox=${AREA}&zoom=18`,
  '/api/openapi.json', '/api/openapi.json?lang=en',
  ...FORMATS.flatMap((f) => ['discovery', 'services', 'requests', 'requests?status=open', 'servicerequestupdates'].map((p) => `/open311/v2/${p.replace(/(\?|$)/, `.${f}$1`)}`)),
  '/feeds/updates.atom', '/feeds/updates.atom?lang=en', `/feeds/updates.atom?bbox=${AREA}`,
  '/data/cases.geojson', '/data/cases.geojson?lang=en', '/data/cases.csv', '/data/cases.csv?lang=en',
];

/** The public answers about one case. */
export const caseUrls = (no: string, lat: string, lng: string, category: string) => [
  ...FORMATS.map((f) => `/open311/v2/requests/${no}.${f}`), `/open311/v2/requests.json?service_request_id=${no}`,
  `/feeds/cases/${no}.atom`, `/feeds/cases/${no}.atom?lang=en`, `/api/reports/nearby?category=${category}&lat=${lat}&lng=${lng}`,
];

let n = 0;
/** Reports with a name, phone, email, a phone and an ID number typed into the text, via the API and via Open311. */
export const reportPlanter: Planter = async (ctx) => {
  const k = ++n;
  const who = { name: `欧阳测试${'甲乙丙丁'[k % 4]}员`, phone: `1371234${String(5600 + k).padStart(4, '0')}`, email: `privacy.probe${k}@example.com` };
  const typedPhone = `139 0000 ${String(7700 + k)}`;
  const idNo = '44170219900101123X';
  const internal = `内部备注：举报人是${who.name}的邻居`;
  const lat = '21.8601', lng = '111.9790';

  const fd = new FormData();
  for (const [key, v] of Object.entries({ category: 'open_bbq', lat, lng, description: `人民广场夜里有人露天烧烤，打 ${typedPhone}，身份证 ${idNo}`, name: who.name, phone: who.phone, email: who.email, publish: 'on' })) fd.append(key, v);
  const viaApi = await ctx.app.request('/api/reports', { method: 'POST', body: fd, headers: { origin: 'http://localhost' } });
  if (viaApi.status !== 201) throw new Error(`POST /api/reports: ${viaApi.status} ${await viaApi.text()}`);
  const { trackingNo, code } = await viaApi.json();

  const o311 = { name: `司马探${'甲乙丙丁'[k % 4]}`, phone: `1581234${String(6600 + k).padStart(4, '0')}`, email: `open311.probe${k}@example.com`, media: `https://private.example.net/photo-${k}-secret.jpg` };
  const viaOpen311 = await ctx.app.request('/open311/v2/requests.json', { method: 'POST', body: new URLSearchParams({
    service_code: 'open_bbq', lat, long: lng, description: `露天烧烤油烟大，回电 ${o311.phone.replace(/(\d{3})(\d{4})/, '$1-$2-')}`,
    first_name: o311.name.slice(2), last_name: o311.name.slice(0, 2), phone: o311.phone, email: o311.email, media_url: o311.media,
  }) });
  if (viaOpen311.status !== 201) throw new Error(`POST /open311/v2/requests.json: ${viaOpen311.status} ${await viaOpen311.text()}`);
  const [{ service_request_id: open311No }] = await viaOpen311.json();
  const token = tokenOf(ctx.services.secret, ctx.services.db.select({ id: cases.id }).from(cases).where(eq(cases.trackingNo, open311No)).get()!.id);

  await advance(ctx.services, trackingNo, ['accept', 'dispatch', 'resolve'], { accept: { internalNote: internal } });
  await advance(ctx.services, open311No, ['accept']);

  ctx.secrets.push(
    { label: 'API name', value: who.name }, { label: 'API phone', value: who.phone }, { label: 'API email', value: who.email },
    { label: 'phone typed into the description', value: typedPhone }, { label: 'ID number typed into the description', value: idNo },
    { label: 'follow code', value: code }, { label: 'staff internal note', value: internal },
    { label: 'Open311 name', value: o311.name }, { label: 'Open311 phone', value: o311.phone }, { label: 'Open311 email', value: o311.email },
    { label: 'Open311 media_url', value: o311.media },
  );
  ctx.cases.push(trackingNo, open311No);
  for (const no of [trackingNo, open311No]) caseUrls(no, lat, lng, 'open_bbq').forEach((u) => ctx.urls.add(u));
  for (const f of FORMATS) ctx.urls.add(`/open311/v2/tokens/${token}.${f}`);
  ctx.urls.add(`/api/track?no=${trackingNo}&code=${code}`); // the reporter's view: follow links get shared
};

/** Contact details of every other report in the database (the demo city's) must not leak either. */
export const databasePlanter: Planter = async (ctx) => {
  for (const r of ctx.services.db.select({ phone: cases.reporterPhone, email: cases.reporterEmail }).from(cases).where(isNotNull(cases.reporterPhone)).all()) {
    ctx.secrets.push({ label: 'a reporter’s phone', value: r.phone! });
    if (r.email) ctx.secrets.push({ label: 'a reporter’s email', value: r.email });
  }
  for (const v of ctx.services.db.select({ name: driveSignups.name, phone: driveSignups.phone }).from(driveSignups).all()) {
    ctx.secrets.push({ label: 'a volunteer’s name', value: v.name }, { label: 'a volunteer’s phone', value: v.phone });
  }
};

/** Contact details typed into the address of reports that are not public (pending; accepted with publish off). */
export const addressPlanter: Planter = async (ctx) => {
  const k = ++n;
  const phone = `1389999${String(1000 + k)}`, email = `addr.probe${k}@example.com`;
  const address = `翠湖小区3栋 王五家门口 电话${phone} ${email}`;
  const nos: string[] = [];
  for (const publish of ['on', '']) {
    const { trackingNo } = await ctx.services.reports.submit({ category: 'open_bbq', lat: '21.8602', lng: '111.9791', address, description: '油烟', publish }, []);
    nos.push(trackingNo);
  }
  await advance(ctx.services, nos[1], ['accept']);
  ctx.secrets.push({ label: 'phone typed into an address', value: phone }, { label: 'email typed into an address', value: email });
  ctx.urls.add('/api/reports/nearby?category=open_bbq&lat=21.8602&lng=111.9791');
  ctx.urls.add(`/open311/v2/requests/${nos[1]}.json`);
};

/** Volunteers signing up for a drive (a minor with a guardian, a school group, one on the waitlist): counts only in public. */
export const drivePlanter: Planter = async (ctx) => {
  const k = ++n;
  const first = addDays(shanghaiDate(ctx.services.clock()), 2);
  const s = ctx.services.drives.organise.createSeries({ id: 1, username: 'privacy', displayName: 'privacy', role: 'admin', unitId: null }, {
    titleZh: '隐私测试清洁活动', community: '沿江南社区', address: '沿江南路', weekday: String(isoWeekday(first)), startTime: '15:00', endTime: '17:00',
    firstDate: first, capacity: '1', hours: '2', unitId: 'sanitation',
  });
  const occ = ctx.services.drives.queries.ofSeries(s.id)[0]!;
  const people = [
    { name: `慕容志${'甲乙丙丁'[k % 4]}愿`, phone: `1352468${String(1300 + k).padStart(4, '0')}`, team: 'school', org: '阳江市第一中学', ageGroup: 'minor', guardianName: `慕容家${'甲乙丙丁'[k % 4]}长`, guardianPhone: `1592468${String(2400 + k).padStart(4, '0')}` },
    { name: `诸葛候${'甲乙丙丁'[k % 4]}补`, phone: `1332468${String(3500 + k).padStart(4, '0')}`, team: 'individual', ageGroup: 'adult' },
  ];
  for (const p of people) {
    const res = await ctx.app.request(`/api/drives/occurrences/${occ.id}/signups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...p, consent: true }) });
    if (res.status !== 201) throw new Error(`drive signup: ${res.status} ${await res.text()}`);
    const { code, manageUrl } = await res.json();
    ctx.secrets.push({ label: 'volunteer confirmation code', value: code }, { label: 'volunteer manage link', value: manageUrl.split('/').pop() });
    for (const [key, v] of Object.entries(p)) if (/name|phone/i.test(key)) ctx.secrets.push({ label: `volunteer ${key}`, value: v });
  }
  for (const u of ['/api/drives', '/api/drives?lang=en', `/api/drives/occurrences/${occ.id}`, `/feeds/drives/series/${s.id}.ics`, `/feeds/drives/series/${s.id}.ics?lang=en`, '/feeds/drives/upcoming.atom', '/feeds/drives/upcoming.atom?lang=en']) ctx.urls.add(u);
};

/**
 * Issue 11: a 12345 caller's and a patrol inspector's details, the hotline ticket number, a handler's extension request
 * before approval, a refusal note, a 回退 reason and a 回访 note: none public, while the cases go round the loop.
 */
export const otherSourcesPlanter: Planter = async (ctx) => {
  const k = ++n;
  const staffer = { id: 1, username: 'privacy', displayName: 'privacy', role: 'dispatcher' as const, unitId: null };
  const handler = { ...staffer, id: 2, role: 'handler' as const, unitId: 'sanitation' };
  const caller = { name: `端木来${'甲乙丙丁'[k % 4]}电`, phone: `1363579${String(2400 + k).padStart(4, '0')}` };
  const inspector = { name: `皇甫巡${'甲乙丙丁'[k % 4]}查`, phone: `1353579${String(3500 + k).padStart(4, '0')}` };
  const ticket = `GD-12345-${20261125 + k}-0099`;
  const secrets = { sendBack: `回退原因：此处归${caller.name}所在物业管理`, refusal: `审批意见：请联系${inspector.name}`, callback: `回访记录：${caller.name}说已解决`, pending: `延期理由草稿${k}号：等待区里批复` };
  const lat = '21.8611', lng = '111.9801';
  const hot = await ctx.services.cases.intake.enter(staffer, { channel: 'hotline', ticketNo: ticket, category: 'exposed_garbage', lat, lng, address: '人民广场东门', description: '热线来电：东门垃圾堆放', publish: 'on', ...caller }, []);
  const patrol = await ctx.services.cases.intake.enter(staffer, { channel: 'patrol', category: 'exposed_garbage', lat, lng, address: '人民广场南门', description: '巡查发现垃圾', publish: 'on', ...inspector }, []);
  const v = (no: string) => ctx.services.db.select({ v: cases.version }).from(cases).where(eq(cases.trackingNo, no)).get()!.v;
  for (const a of ['accept', 'dispatch'] as const) await act(ctx.services, staffer, hot.trackingNo, a);
  await act(ctx.services, handler, hot.trackingNo, 'send_back', { internalNote: secrets.sendBack });
  for (const a of ['dispatch', 'resolve', 'close'] as const) await act(ctx.services, staffer, hot.trackingNo, a);
  ctx.services.cases.callbacks.record(staffer, hot.trackingNo, { version: v(hot.trackingNo), result: 'solved', rating: 'satisfied', internalNote: secrets.callback });
  for (const a of ['accept', 'dispatch'] as const) await act(ctx.services, staffer, patrol.trackingNo, a);
  const ext = ctx.services.cases.requests.request(handler, patrol.trackingNo, 'extension', { version: v(patrol.trackingNo), reason: secrets.pending, proposedDueAt: '2027-01-05T17:00' });
  ctx.services.cases.requests.decide(staffer, patrol.trackingNo, false, { version: v(patrol.trackingNo), requestId: ext.requestId, decisionNote: secrets.refusal });
  ctx.services.cases.requests.request(handler, patrol.trackingNo, 'extension', { version: v(patrol.trackingNo), reason: `${secrets.pending}（再次）`, proposedDueAt: '2027-01-05T17:00' });
  ctx.secrets.push(
    { label: 'hotline caller name', value: caller.name }, { label: 'hotline caller phone', value: caller.phone },
    { label: 'patrol inspector name', value: inspector.name }, { label: 'patrol inspector phone', value: inspector.phone },
    { label: '12345 ticket number', value: ticket }, { label: 'send-back reason', value: secrets.sendBack }, { label: 'refusal note', value: secrets.refusal },
    { label: 'callback note', value: secrets.callback }, { label: 'extension reason not yet approved', value: secrets.pending },
  );
  ctx.cases.push(hot.trackingNo, patrol.trackingNo);
  for (const no of [hot.trackingNo, patrol.trackingNo]) caseUrls(no, lat, lng, 'exposed_garbage').forEach((u) => ctx.urls.add(u));
  ctx.urls.add(`/api/track?no=${hot.trackingNo}&code=${hot.code}`);
};

export const DEFAULT_PLANTERS: Planter[] = [reportPlanter, open311Planter, addressPlanter, drivePlanter, otherSourcesPlanter, databasePlanter];

/** Text as a person would read it: JSON \u escapes, XML character references and URL escapes decoded. */
function readable(body: string) {
  return body
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => { try { return decodeURIComponent(m); } catch { return m; } });
}

const compact = (s: string) => s.replace(/[\s-]/g, '').toLowerCase();

/** Runs the planters, fetches the site-wide URLs and theirs, and reports every secret found (none, we hope). */
export async function privacyCrawl(ctx: CrawlContext, planters: Planter[] = DEFAULT_PLANTERS) {
  for (const plant of planters) await plant(ctx);
  const urls = [...SITE_URLS, ...ctx.urls];
  const leaks: string[] = [];
  const failures: string[] = [];
  const bodies: string[] = [];
  const fetched = async function* () {
    for (const url of urls) {
      const res = await ctx.app.request(url);
      if (res.status !== 200) failures.push(`${url}: ${res.status}`);
      yield { url, body: await res.text() };
    }
    yield* ctx.answers;
  };
  for await (const { url, body } of fetched()) {
    const text = readable(body);
    bodies.push(text);
    const flat = compact(text);
    for (const s of ctx.secrets) {
      if (text.includes(s.value) || flat.includes(compact(s.value))) leaks.push(`${s.label} (${s.value}) on ${url}`);
    }
  }
  return { urls: [...urls, ...ctx.answers.map((a) => `${a.url} (answer)`)], leaks, failures, seen: (needle: string) => bodies.some((b) => b.includes(needle)) };
}

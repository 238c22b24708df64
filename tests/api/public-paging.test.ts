import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemo } from '../../api/demo/demo.ts';
import { publicFilters } from '../../api/opendata/public-cases.ts';
import { FIXED_NOW, testApp } from '../helpers/services.ts';

async function demo() {
  const t = testApp();
  await seedDemo(t.services, { now: FIXED_NOW, count: 80, log: () => {} });
  return t;
}
type Page = { total: number; items: { trackingNo: string }[]; next: string | null; prev: string | null };
const nos = (p: Page) => p.items.map((i) => i.trackingNo);

test('/api/cases pages by cursor: after walks the same cases as the offset pages, before walks back', async () => {
  const { app } = await demo();
  const get = async (q: string) => (await (await app.request(`/api/cases?per_page=7&${q}`)).json()) as Page;
  const all = (await (await app.request('/api/cases?per_page=1000')).json()) as Page;
  assert.ok(all.total > 21);
  const walked: string[][] = [];
  let page = await get('');
  assert.equal(page.prev, null);
  for (let n = 1; ; n++) {
    walked.push(nos(page));
    assert.deepEqual(nos(page), nos(await get(`page=${n}`)), `page ${n} by cursor = page ${n} by offset`);
    if (!page.next) break;
    const after = await get(`after=${page.next}`);
    const back = await get(`before=${after.prev}`);
    assert.deepEqual(nos(back), nos(page), 'before the next page is this page');
    page = after;
  }
  assert.deepEqual(walked.flat(), nos(all));
  assert.equal(walked.at(-1)!.length, all.total % 7 || 7);
  const bad = await app.request('/api/cases?after=yesterday');
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.fields.after, '翻页位置无效，请从第一页重新浏览。');
});

test('a cursor keeps its place when a case is filed meanwhile (an offset would repeat a case)', async () => {
  const { app, services } = await demo();
  const first = (await (await app.request('/api/cases?per_page=5')).json()) as Page;
  const newest = services.db.$client.prepare(`select id from cases where state = 'closed' and hidden = 0 order by created_at limit 1`).pluck().get() as number;
  services.db.$client.prepare('update cases set created_at = ? where id = ?').run(FIXED_NOW.getTime() + 60_000, newest); // now the newest
  const byCursor = (await (await app.request(`/api/cases?per_page=5&after=${first.next}`)).json()) as Page;
  const byOffset = (await (await app.request('/api/cases?per_page=5&page=2')).json()) as Page;
  assert.ok(!nos(byCursor).some((n) => nos(first).includes(n)));
  assert.ok(nos(byOffset).includes(nos(first).at(-1)!), 'the offset page shifted by one');
});

test('the /reports page links to its neighbours by cursor, without JavaScript', async () => {
  const { services } = await demo();
  const f = publicFilters.parse({ per_page: '10' });
  const one = services.publicCases.list(f);
  const two = services.publicCases.list(publicFilters.parse({ per_page: '10', page: '2', after: one.next! }));
  const back = services.publicCases.list(publicFilters.parse({ per_page: '10', page: '1', before: two.prev! }));
  assert.deepEqual(back.items.map((i) => i.trackingNo), one.items.map((i) => i.trackingNo));
  assert.equal(two.total, one.total);
});

test('Open311 requests: page_size and a Link to the next page (after), which walks every match once', async () => {
  const { app } = await demo();
  const q = 'start_date=2026-09-01&end_date=2026-11-25';
  const all = await (await app.request(`/open311/v2/requests.json?${q}`)).json() as { service_request_id: string }[];
  assert.ok(all.length > 12);
  const seen: string[] = [];
  let url: string | null = `/open311/v2/requests.json?${q}&page_size=5`;
  while (url) {
    const res: Response = await app.request(url);
    assert.equal(res.status, 200);
    const items = await res.json() as { service_request_id: string }[];
    seen.push(...items.map((i) => i.service_request_id));
    const link = res.headers.get('link');
    url = link ? new URL(/^<([^>]+)>; rel="next"$/.exec(link)![1]!).pathname + new URL(/^<([^>]+)>/.exec(link)![1]!).search : null;
    if (url) assert.match(url, /start_date=2026-09-01&end_date=2026-11-25&page_size=5&after=\d+\.\d+$/);
  }
  assert.deepEqual(seen, all.map((i) => i.service_request_id));
  const xml = await app.request(`/open311/v2/requests.xml?${q}&page_size=5`);
  assert.match(xml.headers.get('link') ?? '', /requests\.xml\?.*after=/);
  for (const bad of ['page_size=0', 'page_size=1001', 'page_size=ten', 'after=nowhere']) {
    const res = await app.request(`/open311/v2/requests.json?${bad}`);
    assert.equal(res.status, 400, bad);
  }
  const none = await app.request(`/open311/v2/requests.json?${q}`);
  assert.equal(none.headers.get('link'), null, 'fewer than a page: no next link');
});

test('the list queries walk cases_public_list in order: no full scan of the table, no sort', async () => {
  const { services } = await demo();
  const client = services.db.$client;
  // Every statement the list and Open311 page prepare, planned as SQLite will run it.
  const seen: string[] = [];
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => { seen.push(source); return prepare(source); }) as typeof client.prepare;
  const plans = () => seen.splice(0).filter((s) => /from "cases"/.test(s) && !/count\(\*\)/.test(s)).map((s) => {
    const nulls = Array.from(s.matchAll(/\?/g), () => null);
    return (prepare(`explain query plan ${s}`).all(...nulls) as { detail: string }[]).map((r) => r.detail).join(' | ');
  });
  const one = services.publicCases.list(publicFilters.parse({}));
  const lists = [{}, { category: 'street_vending' }, { status: 'closed', unit: 'enforcement' }, { from: '2026-09-01', to: '2026-10-31' },
    { after: one.next! }, { before: one.next! }];
  for (const q of lists) services.publicCases.list(publicFilters.parse(q));
  services.publicCases.page({ createdFrom: new Date('2026-09-01'), createdTo: FIXED_NOW, buckets: ['open'], category: ['street_vending'] }, 1000);
  services.publicCases.page({ createdFrom: new Date('2026-09-01'), createdTo: FIXED_NOW, after: one.next! }, 1000);
  client.prepare = prepare;
  const all = plans();
  assert.ok(all.length >= lists.length + 2, all.join('\n'));
  for (const p of all) {
    assert.match(p, /cases USING INDEX cases_public_list/, p);
    assert.doesNotMatch(p, /TEMP B-TREE/, p);
  }
});

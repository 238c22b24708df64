import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync } from 'node:zlib';
import { seedDemo } from '../../api/demo/demo.ts';
import { eq } from 'drizzle-orm';
import { tokenOf } from '../../api/opendata/open311/submit.ts';
import { cases, driveSignups } from '../../db/schema.ts';
import { FIXED_NOW, testApp } from '../helpers/services.ts';
import { DEFAULT_PLANTERS, newCrawl, privacyCrawl } from '../helpers/privacy.ts';

test('no name, phone, email, follow code, internal note or media_url planted in reports shows in any public answer or format', async () => {
  const { app, services } = testApp();
  await seedDemo(services, { now: FIXED_NOW, count: 30 });
  const ctx = newCrawl(app, services);
  const { urls, leaks, failures, seen } = await privacyCrawl(ctx, DEFAULT_PLANTERS);

  assert.deepEqual(failures, [], 'every public URL answered 200');
  assert.deepEqual(leaks, []);
  assert.ok(urls.length >= 38, `crawled ${urls.length} answers`);
  // The crawl is not vacuous: the planted reports are public and their masked text is there.
  for (const no of ctx.cases) assert.ok(seen(no), `${no} appears in the public answers`);
  assert.ok(seen('139****77'), 'the typed phone appears masked');
  assert.ok(seen('441***********123X'), 'the typed ID number appears masked');
  assert.ok(seen('139****88'), 'a comment staff published appears, masked');
  assert.ok(ctx.answers.length >= 4, 'the Open311 POST answers were checked too');
  // A case not yet accepted: its id answers 404 like an unknown one; its token says nothing but the id.
  const pending = services.db.select().from(cases).where(eq(cases.state, 'submitted')).all().filter((c) => c.source === 'open311');
  assert.ok(pending.length > 0);
  for (const c of pending) {
    for (const f of ['json', 'xml']) assert.equal((await app.request(`/open311/v2/requests/${c.trackingNo}.${f}`)).status, 404);
    const [answer] = await (await app.request(`/open311/v2/tokens/${tokenOf(services.secret, c.id)}.json`)).json();
    assert.deepEqual(Object.keys(answer).sort(), ['service_request_id', 'token']);
  }
  assert.ok(seen('隐私测试清洁活动'), 'the planted drive is public, with counts only');
  // …while staff still have every planted contact detail.
  const stored = JSON.stringify([services.db.select().from(cases).all(), services.db.select().from(driveSignups).all()]);
  for (const s of ctx.secrets.filter((x) => /name|phone|email/.test(x.label) && !/typed/.test(x.label))) assert.ok(stored.includes(s.value), `${s.label} is kept for staff`);

  // The same answers again, now from the response cache and compressed as a browser gets them: still nothing personal.
  let hits = 0;
  for (const url of urls.filter((u) => !u.endsWith('(answer)'))) {
    for (let i = 0; i < 2; i++) {
      const res = await app.request(url, { headers: { 'accept-encoding': 'br' } });
      const raw = Buffer.from(await res.arrayBuffer());
      const body = res.headers.get('content-encoding') === 'br' ? brotliDecompressSync(raw).toString() : raw.toString();
      if (res.headers.get('x-cache') === 'hit') hits++;
      for (const s of ctx.secrets) assert.ok(!body.includes(s.value), `${s.label} on ${url} (cached, br)`);
    }
  }
  assert.ok(hits >= urls.length / 2, `answers came from the cache (${hits})`);
});

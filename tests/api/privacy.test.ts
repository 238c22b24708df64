import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemo } from '../../api/demo/demo.ts';
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
  assert.ok(seen('隐私测试清洁活动'), 'the planted drive is public, with counts only');
  // …while staff still have every planted contact detail.
  const stored = JSON.stringify([services.db.select().from(cases).all(), services.db.select().from(driveSignups).all()]);
  for (const s of ctx.secrets.filter((x) => /name|phone|email/.test(x.label) && !/typed/.test(x.label))) assert.ok(stored.includes(s.value), `${s.label} is kept for staff`);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { cases } from '../../db/schema.ts';
import { seedDemo } from '../../api/demo/demo.ts';
import { FIXED_NOW, testApp } from '../helpers/services.ts';

const CITY = '111.90,21.80,112.06,21.92';

async function demo() {
  const t = testApp();
  await seedDemo(t.services, { now: FIXED_NOW, count: 80, log: () => {} });
  return t;
}

test('the map clusters every public case in view exactly once, and never a pending or hidden one', async () => {
  const { app, services } = await demo();
  const publicInView = services.db.select({ n: sql<number>`count(*)` }).from(cases)
    .where(sql`state <> 'submitted' and hidden = 0 and lat between 21.80 and 21.92 and lng between 111.90 and 112.06`).get()!.n;
  for (const zoom of [11, 14, 17]) {
    const { cells } = await (await app.request(`/api/cases/map?zoom=${zoom}&bbox=${CITY}`)).json();
    assert.equal(cells.reduce((n: number, c: { count: number }) => n + c.count, 0), publicInView, `zoom ${zoom}`);
    for (const c of cells) {
      assert.equal(c.open + c.fixed + c.closed, c.count);
      assert.equal(Boolean(c.trackingNo), c.count === 1, 'a single case links to itself; a cluster does not');
    }
  }
  const few = (await (await app.request(`/api/cases/map?zoom=11&bbox=${CITY}`)).json()).cells.length;
  const many = (await (await app.request(`/api/cases/map?zoom=17&bbox=${CITY}`)).json()).cells.length;
  assert.ok(few < many, 'zooming in splits clusters');
});

test('map and list take the same filters; a bad bbox is a 400 with a JSON error', async () => {
  const { app } = await demo();
  const { cells } = await (await app.request(`/api/cases/map?zoom=17&bbox=${CITY}&category=street_vending&status=fixed`)).json();
  for (const c of cells.filter((x: { count: number }) => x.count === 1)) {
    assert.equal(c.categoryId, 'street_vending');
    assert.equal(c.state, 'closed');
  }
  const list = await (await app.request('/api/cases?category=street_vending&status=fixed&per_page=100')).json();
  assert.ok(list.items.every((c: { categoryId: string; bucket: string }) => c.categoryId === 'street_vending' && c.bucket === 'fixed'));
  const impossible = await app.request('/api/cases?from=2026-02-30');
  assert.equal(impossible.status, 400, 'no 30 February, no silent roll-over to March');
  const bad = await app.request('/api/cases/map?zoom=13&bbox=nowhere');
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.code, 'invalid_input');
});

test('a write shows on the map at once (the cache dies with any write)', async () => {
  const { app, services } = await demo();
  const url = `/api/cases/map?zoom=11&bbox=${CITY}`;
  const total = async () => (await (await app.request(url)).json()).cells.reduce((n: number, c: { count: number }) => n + c.count, 0);
  const before = await total();
  services.db.update(cases).set({ hidden: true }).where(sql`id = (select min(id) from cases where state = 'closed' and lat is not null)`).run();
  assert.equal(await total(), before - 1);
});

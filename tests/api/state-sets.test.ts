import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CASE_STATES } from '../../db/vocabulary.ts';
import { ACCEPTED_STATES, OPEN_STATES, PUBLIC_STATES, STATES_OF } from '../../api/cases/workflow.ts';
import { FIXED_NOW, testApp } from '../helpers/services.ts';
import { insertCases } from '../helpers/opendata.ts';

// One case in every state (and one hidden), filed today at the same spot: every public surface must show exactly
// the states workflow.ts calls public, so changing that set is a one-line change.
async function oneOfEach() {
  const t = testApp();
  const createdAt = new Date(FIXED_NOW.getTime() - 3_600_000);
  const nos = insertCases(t.services, [
    ...CASE_STATES.map((state) => ({ createdAt, state, closedAt: state === 'closed' ? FIXED_NOW : null })),
    { createdAt, state: 'dispatched' as const, hidden: true },
  ]);
  const byState = new Map(CASE_STATES.map((s, i) => [s, nos[i]]));
  const expected = PUBLIC_STATES.map((s) => byState.get(s)!).sort();
  return { ...t, byState, expected };
}

test('the public list, map, Open311, GeoJSON and statistics agree on which states are public', async () => {
  const { app, services, expected } = await oneOfEach();
  const list = await (await app.request('/api/cases?per_page=100')).json();
  assert.deepEqual(list.items.map((c: { trackingNo: string }) => c.trackingNo).sort(), expected);

  const { cells } = await (await app.request('/api/cases/map?zoom=17&bbox=111.90,21.80,112.06,21.92')).json();
  assert.equal(cells.reduce((n: number, c: { count: number }) => n + c.count, 0), expected.length);

  const open311 = await (await app.request('/open311/v2/requests.json')).json();
  assert.deepEqual(open311.map((r: { service_request_id: string }) => r.service_request_id).sort(), expected);

  const geo = await (await app.request('/data/cases.geojson')).json();
  assert.deepEqual(geo.features.map((f: { properties: { trackingNo: string } }) => f.properties.trackingNo).sort(), expected);

  const { totals } = services.stats.report(services.stats.choose({}).period);
  assert.equal(totals.received, CASE_STATES.length, 'received counts every report, public or not (not the hidden one)');
  assert.equal(totals.accepted, ACCEPTED_STATES.length);
  assert.equal(totals.pending, CASE_STATES.length - PUBLIC_STATES.length);
});

test('each status bucket of the list, the map colours and Open311 open/closed come from the same sets', async () => {
  const { app, byState } = await oneOfEach();
  for (const [bucket, states] of Object.entries(STATES_OF)) {
    const { items } = await (await app.request(`/api/cases?status=${bucket}&per_page=100`)).json();
    assert.deepEqual(items.map((c: { trackingNo: string }) => c.trackingNo).sort(), states.map((s) => byState.get(s)!).sort(), bucket);
  }
  const { cells } = await (await app.request('/api/cases/map?zoom=11&bbox=111.90,21.80,112.06,21.92')).json();
  const sum = (k: 'open' | 'fixed' | 'closed') => cells.reduce((n: number, c: Record<string, number>) => n + c[k], 0);
  assert.deepEqual([sum('open'), sum('fixed'), sum('closed')], [STATES_OF.open.length, STATES_OF.fixed.length, STATES_OF.closed.length]);
  const open = await (await app.request('/open311/v2/requests.json?status=open')).json();
  assert.deepEqual(open.map((r: { service_request_id: string }) => r.service_request_id).sort(), STATES_OF.open.map((s) => byState.get(s)!).sort());
  assert.ok(STATES_OF.open.every((s) => OPEN_STATES.includes(s)), 'publicly open is open for the bureau too');
});

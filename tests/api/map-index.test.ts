import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { CASE_STATES } from '../../db/vocabulary.ts';
import { sql } from 'drizzle-orm';
import { mapCells, type MapQuery } from '../../api/opendata/map.ts';
import { whereOf } from '../../api/opendata/public-cases.ts';
import { cases } from '../../db/schema.ts';
import { createMapIndex } from '../../api/opendata/map-index.ts';
import { FIXED_NOW, testServices } from '../helpers/services.ts';

// The in-memory index must answer exactly what the SQL grid (mapCells, the reference) and COUNT(*) answer, for rows written by any
// connection — this process's, another process's (a second connection), raw SQL of a bulk loader — and after updates
// and deletes. Random workflows, random views and filters; compared cell by cell, in order.
const CATS = ['exposed_garbage', 'bin_overflow', 'street_vending', 'streetlight_out'];
const UNITS = [null, 'sanitation', 'lighting', 'enforcement'];
const BOX: [number, number, number, number] = [111.9, 21.8, 112.06, 21.92];
const DAY = 86_400_000;

const caseRow = fc.record({
  cat: fc.constantFrom(...CATS), unit: fc.constantFrom(...UNITS), state: fc.constantFrom(...CASE_STATES),
  hidden: fc.integer({ min: 0, max: 4 }).map((n) => n === 0), pinned: fc.integer({ min: 0, max: 9 }),
  // Clustered around a few points so cells get several cases; some exactly on cell borders.
  lat: fc.oneof(fc.double({ min: 21.79, max: 21.93, noNaN: true }), fc.constantFrom(21.8, 21.85, 21.87890625, 21.92)),
  lng: fc.oneof(fc.double({ min: 111.89, max: 112.07, noNaN: true }), fc.constantFrom(111.9, 111.97265625, 112.06)),
  daysAgo: fc.integer({ min: 0, max: 400 }),
});
type CaseRow = typeof caseRow extends fc.Arbitrary<infer T> ? T : never;
const step = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('insert' as const), row: caseRow, other: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('update' as const), pick: fc.nat(), row: caseRow, other: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat(), other: fc.boolean() }), weight: 1 },
);
const query = fc.record({
  zoom: fc.integer({ min: 10, max: 18 }),
  bbox: fc.oneof({ arbitrary: fc.constant(BOX), weight: 3 }, fc.tuple(fc.double({ min: 111.9, max: 111.98, noNaN: true }), fc.double({ min: 21.8, max: 21.86, noNaN: true }))
    .map(([w, s]) => [w, s, w + 0.03, s + 0.02] as [number, number, number, number])),
  category: fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 2 }, fc.subarray(CATS, { maxLength: 2 })),
  status: fc.option(fc.constantFrom('open' as const, 'fixed' as const, 'closed' as const), { nil: undefined }),
  unit: fc.option(fc.constantFrom('sanitation', 'lighting', 'nowhere'), { nil: undefined }),
  from: fc.option(fc.constantFrom('2026-01-01', '2026-09-30'), { nil: undefined }),
  to: fc.option(fc.constantFrom('2026-06-30', '2026-11-25'), { nil: undefined }),
});

describe('map index', () => {
  const services = testServices();
  const other = new Database(services.config.dbFile); // another process writing to the same database
  other.pragma('busy_timeout = 5000');
  after(() => { other.close(); services.close(); });
  let n = 0;
  const values = (r: CaseRow) => [r.cat, r.unit, r.state, r.hidden ? 1 : 0, r.pinned === 0 ? null : r.lat, r.pinned === 0 ? null : r.lng, FIXED_NOW.getTime() - r.daysAgo * DAY];
  const conn = (otherProcess: boolean) => (otherProcess ? other : services.db.$client);
  const ids = () => (services.db.$client.prepare('select id from cases order by id').pluck().all() as number[]);
  const run = (s: { op: string; pick?: number; row?: CaseRow; other: boolean }) => {
    const db = conn(s.other);
    if (s.op === 'insert') {
      n++;
      db.prepare(`insert into cases (tracking_no, follow_code_hash, category_id, unit_id, state, hidden, lat, lng, created_at, updated_at)
        values (?, 'x', ?, ?, ?, ?, ?, ?, ?, ?)`).run(`T-${n}`, ...values(s.row!), FIXED_NOW.getTime());
      return;
    }
    const all = ids();
    if (!all.length) return;
    const id = all[s.pick! % all.length];
    if (s.op === 'delete') db.prepare('delete from cases where id = ?').run(id);
    else db.prepare('update cases set category_id = ?, unit_id = ?, state = ?, hidden = ?, lat = ?, lng = ?, created_at = ? where id = ?').run(...values(s.row!), id);
  };

  it('answers what the SQL grid answers, after random writes from two connections', () => {
    const index = createMapIndex(services.db);
    let nonEmpty = 0;
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), fc.array(query, { minLength: 1, maxLength: 4 }), (steps, queries) => {
      for (const s of steps) run(s);
      for (const { zoom, ...q } of queries) {
        const f: MapQuery = { ...q };
        const expected = mapCells(services.db, f, zoom, FIXED_NOW);
        assert.deepEqual(index.cells(f, zoom), expected, JSON.stringify({ zoom, f }));
        if (expected.length) nonEmpty++;
        const { bbox, ...noBox } = f;
        for (const c of [f, noBox]) {
          const sqlCount = services.db.select({ n: sql<number>`count(*)` }).from(cases).where(whereOf(c, FIXED_NOW)).get()!.n;
          assert.equal(index.count(c), sqlCount, `count ${JSON.stringify(c)}`);
        }
      }
    }), { numRuns: 60 });
    const shown = services.db.$client.prepare(`select count(*) from cases where hidden = 0 and state not in ('submitted')`).pluck().get();
    assert.equal(index.size(), shown);
    assert.ok(nonEmpty > 20, `only ${nonEmpty} answers had cells`);
  });

  it('a fresh index built from a database that already has cases answers the same', () => {
    const fresh = createMapIndex(services.db);
    for (const zoom of [11, 13, 16]) assert.deepEqual(fresh.cells({ bbox: BOX }, zoom), mapCells(services.db, { bbox: BOX }, zoom, FIXED_NOW));
  });

  it('keeps the first 2000 cells in the SQL grid\'s order when a view holds more', () => {
    const index = createMapIndex(services.db);
    const insert = services.db.$client.prepare(`insert into cases (tracking_no, follow_code_hash, category_id, state, lat, lng, created_at, updated_at)
      values (?, 'x', 'exposed_garbage', 'accepted', ?, ?, 0, 0)`);
    services.db.$client.transaction(() => { for (let i = 0; i < 2600; i++) insert.run(`G-${i}`, 21.8 + (i % 60) * 0.002, 111.9 + Math.floor(i / 60) * 0.0035); })();
    const cells = index.cells({ bbox: BOX }, 17);
    assert.equal(cells.length, 2000);
    assert.deepEqual(cells, mapCells(services.db, { bbox: BOX }, 17, FIXED_NOW));
  });

  it('a query never adds names to the index (an unknown category or unit finds nothing)', () => {
    const index = createMapIndex(services.db);
    assert.deepEqual(index.cells({ bbox: BOX, category: ['no_such_thing'] }, 13), []);
    assert.deepEqual(index.cells({ bbox: BOX, unit: 'no_such_unit' }, 13), []);
  });
});

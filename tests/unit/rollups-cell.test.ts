// The rollups compute stats-places.ts cellOf in SQL (migration 0011, db/rollups.ts): both must give the same cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { cellOf } from '../../api/opendata/stats-places.ts';

const sqlite = new Database(':memory:');
const cell = sqlite.prepare(`SELECT CAST(floor(:lat / 0.0009) AS integer) || ':' ||
  CAST(floor(:lng / (0.0009 / cos((floor(:lat + 0.5) * pi()) / 180))) AS integer)`).pluck();

test('every whole-degree latitude gives the same cosine step in SQL and JavaScript', () => {
  for (let lat = -89; lat <= 89; lat++) {
    for (const lng of [-179.99, -0.0004, 0, 0.0004, 111.9822, 179.99]) assert.equal(cell.get({ lat, lng }), cellOf(lat, lng), `${lat}, ${lng}`);
  }
});

test('random points fall in the same cell in SQL and JavaScript', () => {
  fc.assert(fc.property(fc.double({ min: -85, max: 85, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), (lat, lng) => {
    assert.equal(cell.get({ lat, lng }), cellOf(lat, lng));
  }), { seed: 20261201, numRuns: 20_000 });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { shanghaiIso } from '../../api/shared/time.ts';

// The arithmetic formatter against the plain definition: shift by 8 h, print UTC, drop the milliseconds.
const reference = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';

test('shanghaiIso prints every instant as the plain definition does', () => {
  const cases: [string, string][] = [
    ['2026-11-30T16:00:00.000Z', '2026-12-01T00:00:00+08:00'],
    ['2026-11-30T15:59:59.999Z', '2026-11-30T23:59:59+08:00'],
    ['1969-12-31T15:59:59.500Z', '1969-12-31T23:59:59+08:00'],
    ['2024-02-28T16:00:01.000Z', '2024-02-29T00:00:01+08:00'],
  ];
  for (const [at, shown] of cases) assert.equal(shanghaiIso(new Date(at)), shown, at);
  fc.assert(fc.property(fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }), (ms) => {
    assert.equal(shanghaiIso(new Date(ms)), reference(new Date(ms)));
  }), { numRuns: 5000 });
});

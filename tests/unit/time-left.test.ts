import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeLeft } from '../../api/cases/time-left.ts';

const NOW = new Date('2026-11-25T02:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

test('time left or overdue, in the largest whole unit', () => {
  const rows: [minutes: number, overdue: boolean, n: number, unit: string][] = [
    [0, false, 1, 'minutes'], [0.2, false, 1, 'minutes'], [59, false, 59, 'minutes'], [60, false, 1, 'hours'],
    [119, false, 1, 'hours'], [47 * 60 + 59, false, 47, 'hours'], [48 * 60, false, 2, 'days'], [3.9 * 24 * 60, false, 3, 'days'],
    [-1, true, 1, 'minutes'], [-90, true, 1, 'hours'], [-26 * 60, true, 26, 'hours'], [-3 * 24 * 60 - 5, true, 3, 'days'],
    [-150 * 24 * 60, true, 150, 'days'],
  ];
  for (const [m, overdue, n, unit] of rows) assert.deepEqual(timeLeft(at(m), NOW), { overdue, n, unit }, `${m} min`);
});

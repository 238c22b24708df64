import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { timeLeft } from '../../api/cases/time-left.ts';
import { demoCalendar } from '../../api/cases/calendar-data.ts';

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

const cal = demoCalendar(); // 08:30–12:00, 14:30–17:30 on working days (6.5 working hours)
const local = (s: string) => new Date(`${s}+08:00`);

describe('time left in working time (the desk, with a calendar)', () => {
  // [now, due, expected]
  const rows: [string, string, string][] = [
    ['2026-11-25T10:00', '2026-11-25T12:00', '剩 2 hours'],
    ['2026-11-25T10:00', '2026-11-25T10:20', '剩 20 minutes'],
    ['2026-11-25T11:59:30', '2026-11-25T12:00', '剩 1 minutes'], // never "0"
    ['2026-11-25T11:00', '2026-11-25T15:30', '剩 2 hours'], // lunch is not working time
    ['2026-11-27T16:00', '2026-11-30T10:00', '剩 3 hours'], // Friday 16:00 → Monday 10:00: 1.5 + 1.5 working hours
    ['2026-11-25T10:00', '2026-11-27T10:00', '剩 2 days'],
    ['2026-11-25T10:00', '2026-12-02T10:00', '剩 5 days'], // a weekend in between: working days
    ['2026-11-25T10:10', '2026-11-25T10:00', '超期 10 minutes'],
    ['2026-11-25T13:00', '2026-11-25T10:00', '超期 3 hours'],
    ['2026-11-28T10:00', '2026-11-25T10:00', '超期 3 days'], // overdue counts calendar days
    ['2026-12-01T10:00', '2026-07-15T10:00', '超期 139 days'],
  ];
  for (const [now, due, expected] of rows) {
    it(`${now} → due ${due}: ${expected}`, () => {
      const r = timeLeft(local(due), local(now), cal);
      assert.equal(`${r.overdue ? '超期' : '剩'} ${r.n} ${r.unit}`, expected);
    });
  }
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_WORKING_PERIODS, addWorkingTime, deadlineLight, isWorkingDay, workingMinutesBetween,
  type DeadlineUnit,
} from '../../api/cases/deadlines.ts';
import { CN_HOLIDAYS, demoCalendar } from '../../api/cases/calendar-data.ts';

const cal = demoCalendar();
const sh = (local: string) => new Date(`${local}:00+08:00`); // 'YYYY-MM-DDTHH:MM' in Shanghai
const shLocal = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16);

describe('working days', () => {
  const days: [string, boolean, string][] = [
    ['2025-09-26', true, 'Friday'],
    ['2025-09-27', false, 'Saturday'],
    ['2025-09-28', true, 'Sunday worked for National Day (调休)'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-08', false, 'last day of the National Day + Mid-Autumn week'],
    ['2025-10-09', true, 'Thursday after the holiday'],
    ['2025-10-11', true, 'Saturday worked for National Day (调休)'],
    ['2025-10-12', false, 'Sunday'],
    ['2026-02-14', true, 'Saturday worked for Spring Festival 2026'],
    ['2026-02-23', false, 'last day of Spring Festival 2026'],
  ];
  for (const [date, working, why] of days) {
    it(`${date} (${why}) is ${working ? 'on' : 'off'}`, () => assert.equal(isWorkingDay(date, cal), working));
  }
});

describe('due times', () => {
  const table: [string, number, DeadlineUnit, string, string][] = [
    ['2025-09-19T10:00', 1, 'days', '2025-09-22T10:00', 'Friday + 1 day → Monday, same time'],
    ['2025-09-17T10:00', 3, 'days', '2025-09-22T10:00', 'Wednesday + 3 days skips the weekend'],
    ['2025-09-30T16:00', 1, 'days', '2025-10-09T16:00', 'across the National Day week'],
    ['2025-09-26T17:00', 1, 'days', '2025-09-28T17:00', 'Friday → working Sunday 2025-09-28'],
    ['2025-09-27T11:00', 1, 'days', '2025-09-28T17:30', 'Saturday snaps to working Sunday 08:30'],
    ['2025-09-17T20:00', 1, 'days', '2025-09-18T17:30', 'from 20:00: snaps to 08:30, due that evening'],
    ['2025-09-19T20:00', 2, 'hours', '2025-09-22T10:30', 'Friday 20:00 snaps to Monday 08:30'],
    ['2025-09-17T11:00', 2, 'hours', '2025-09-17T15:30', 'urgent: across the lunch break'],
    ['2025-09-17T16:45', 2, 'hours', '2025-09-18T09:45', 'urgent: across the end of the day'],
    ['2025-09-17T12:30', 1, 'hours', '2025-09-17T15:30', 'lunch snaps to 14:30'],
    ['2025-09-17T10:00', 2, 'hours', '2025-09-17T12:00', 'ends exactly at noon: stays at 12:00'],
    ['2025-09-17T10:00', 0, 'hours', '2025-09-17T10:00', 'zero allowance'],
    ['2025-09-17T07:00', 0, 'days', '2025-09-17T08:30', 'zero allowance still snaps'],
    ['2025-09-17T10:00', 15, 'days', '2025-10-14T10:00', '15 days: both 调休 days count, 8 holidays do not'],
    ['2026-02-13T10:00', 1, 'days', '2026-02-14T10:00', 'Friday → working Saturday before Spring Festival'],
    ['2026-02-14T16:00', 1, 'days', '2026-02-24T16:00', 'across Spring Festival 2026'],
  ];
  for (const [start, amount, unit, due, why] of table) {
    it(`${start} + ${amount} ${unit} = ${due} (${why})`, () => {
      assert.equal(shLocal(addWorkingTime(sh(start), amount, unit, cal)), due);
    });
  }

  it('rejects negative or non-finite amounts and unknown units', () => {
    assert.throws(() => addWorkingTime(sh('2025-09-17T10:00'), -1, 'hours', cal), RangeError);
    assert.throws(() => addWorkingTime(sh('2025-09-17T10:00'), NaN, 'days', cal), RangeError);
    assert.throws(() => addWorkingTime(sh('2025-09-17T10:00'), 1, 'weeks' as DeadlineUnit, cal), RangeError);
  });

  it('works with plain arrays and custom periods', () => {
    const simple = { periods: [{ start: '09:00', end: '17:00' }], holidays: ['2025-09-18'], workdays: [] };
    assert.equal(shLocal(addWorkingTime(sh('2025-09-17T16:00'), 2, 'hours', simple)), '2025-09-19T10:00');
  });
});

describe('working minutes between', () => {
  const table: [string, string, number][] = [
    ['2025-09-17T10:00', '2025-09-17T15:00', 120 + 30],
    ['2025-09-19T16:00', '2025-09-22T09:30', 90 + 60], // over a weekend
    ['2025-09-30T16:00', '2025-10-09T16:00', 390], // National Day counts nothing
    ['2025-09-26T17:30', '2025-09-28T08:30', 0], // Saturday is off, Sunday not yet started
    ['2025-09-17T10:00', '2025-09-17T09:00', -60],
  ];
  for (const [a, b, minutes] of table) {
    it(`${a} → ${b} = ${minutes} min`, () => assert.equal(workingMinutesBetween(sh(a), sh(b), cal), minutes));
  }

  it('agrees with addWorkingTime over two years of starts', () => {
    let seed = 12345; // fixed pseudo-random walk: reproducible
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const start = new Date(sh('2025-01-01T00:00').getTime() + (next() % (730 * 24 * 60)) * 60_000);
      const hours = next() % 200;
      const due = addWorkingTime(start, hours, 'hours', cal);
      assert.equal(workingMinutesBetween(start, due, cal), hours * 60, start.toISOString());
    }
  });
});

describe('deadline lights', () => {
  const started = sh('2025-09-22T08:30'); // Monday, 1 working day (390 min) → due 17:30
  const due = addWorkingTime(started, 1, 'days', cal);
  const table: [string, string, string][] = [
    ['2025-09-22T11:45', 'green', '50 %'],
    ['2025-09-22T16:12', 'yellow', 'exactly 80 %'],
    ['2025-09-22T16:51', 'yellow', '90 %'],
    ['2025-09-22T17:30', 'yellow', 'exactly at the due time'],
    ['2025-09-22T17:31', 'red', 'overdue'],
    ['2025-09-23T09:00', 'red', 'overdue the next morning'],
  ];
  for (const [now, light, why] of table) {
    it(`${why} → ${light}`, () => {
      assert.equal(shLocal(due), '2025-09-22T17:30');
      assert.equal(deadlineLight(started, due, sh(now), cal), light);
    });
  }

  it('counts only working time: a long weekend does not turn a case yellow', () => {
    const friday = sh('2025-09-26T16:00');
    const dueIn3 = addWorkingTime(friday, 3, 'days', cal);
    assert.equal(deadlineLight(friday, dueIn3, sh('2025-09-27T20:00'), cal), 'green');
  });

  it('is fast enough for a 10k-row list', () => {
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const start = new Date(sh('2025-01-01T00:00').getTime() + i * 3_600_000);
      deadlineLight(start, addWorkingTime(start, 15, 'days', cal), sh('2027-06-01T10:00'), cal);
    }
    assert.ok(performance.now() - t0 < 2000, 'generous bound: catches minute-by-minute loops');
  });
});

describe('holiday data', () => {
  it('covers 2025–2027; only 2027 is provisional', () => {
    assert.deepEqual(Object.keys(CN_HOLIDAYS), ['2025', '2026', '2027']);
    assert.deepEqual(Object.entries(CN_HOLIDAYS).filter(([, y]) => y.provisional).map(([k]) => k), ['2027']);
  });
  for (const [year, data] of Object.entries(CN_HOLIDAYS)) {
    it(`${year}: valid dates of that year; every 调休 day is a weekend; no overlap`, () => {
      for (const d of [...data.holidays, ...data.workdays]) {
        assert.match(d, new RegExp(`^${year}-\\d\\d-\\d\\d$`));
        assert.equal(new Date(`${d}T00:00Z`).toISOString().slice(0, 10), d);
      }
      for (const d of data.workdays) assert.ok([0, 6].includes(new Date(`${d}T00:00Z`).getUTCDay()), d);
      assert.equal(data.holidays.filter((d) => data.workdays.includes(d)).length, 0);
    });
  }
  it('the demo calendar uses the demo periods', () => assert.equal(cal.periods, DEMO_WORKING_PERIODS));
});

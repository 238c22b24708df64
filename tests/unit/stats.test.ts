import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compute, figures, median, percentile, rankUnits, weeklyTrend, type Figures, type StatsRow } from '../../api/opendata/stats.ts';
import { choosePeriod, dueCutoff, isoWeek, mondayOf, quarterPeriod } from '../../api/opendata/stats-period.ts';
import { cellOf, normaliseAddress, topPlaces } from '../../api/opendata/stats-places.ts';
import { categoryPhrases } from '../../site/lib/quarterly.ts';

/** An Asia/Shanghai wall-clock time. */
const at = (s: string) => new Date(`${s.replace(' ', 'T')}+08:00`);
const row = (r: Partial<StatsRow> & Pick<StatsRow, 'categoryId' | 'unitId' | 'state' | 'createdAt'>): StatsRow =>
  ({ hidden: false, channel: 'web', acceptedAt: null, dueAt: null, resolvedAt: null, closedAt: null, reworks: 0, rating: null, address: '', lat: null, lng: null, ...r });

// The hand-computed fixture: 2026-Q3, looked at on 10 October.
const Q3 = quarterPeriod({ year: 2026, q: 3 });
const NOW = at('2026-10-10 10:00');
const F = {
  onTimeExactly: row({ categoryId: 'exposed_garbage', unitId: 'sanitation', state: 'closed', createdAt: at('2026-07-06 09:00'), dueAt: at('2026-07-07 09:00'), resolvedAt: at('2026-07-07 08:00'), closedAt: at('2026-07-07 09:00') }), // 24 h
  late: row({ categoryId: 'exposed_garbage', unitId: 'sanitation', state: 'closed', createdAt: at('2026-07-07 10:00'), dueAt: at('2026-07-08 10:00'), resolvedAt: at('2026-07-08 09:00'), closedAt: at('2026-07-08 22:00') }), // 36 h: fixed on time, verified late
  dueStillOpen: row({ categoryId: 'street_vending', unitId: 'enforcement', state: 'dispatched', createdAt: at('2026-09-20 08:00'), dueAt: at('2026-09-21 08:00') }),
  hidden: row({ categoryId: 'street_vending', unitId: 'enforcement', state: 'closed', hidden: true, reworks: 2, createdAt: at('2026-07-10 09:00'), dueAt: at('2026-07-11 09:00'), closedAt: at('2026-07-10 12:00') }),
  rework: row({ categoryId: 'bin_overflow', unitId: 'sanitation', state: 'closed', reworks: 1, createdAt: at('2026-08-03 08:00'), dueAt: at('2026-08-05 08:00'), closedAt: at('2026-08-04 18:00') }), // 34 h
  pending: row({ categoryId: 'exposed_garbage', unitId: 'sanitation', state: 'submitted', createdAt: at('2026-09-29 20:00') }),
  rejected: row({ categoryId: 'street_vending', unitId: 'enforcement', state: 'rejected', createdAt: at('2026-08-10 09:00') }),
  merged: row({ categoryId: 'street_vending', unitId: 'enforcement', state: 'duplicate', createdAt: at('2026-08-11 09:00') }),
  onHold: row({ categoryId: 'manhole_cover', unitId: 'municipal', state: 'on_hold', createdAt: at('2026-08-12 09:00'), dueAt: at('2026-08-12 11:00') }),
  receivedBeforeDueIn: row({ categoryId: 'streetlight_out', unitId: 'lighting', state: 'closed', createdAt: at('2026-06-29 20:00'), dueAt: at('2026-07-01 10:00'), closedAt: at('2026-07-01 09:00') }),
  receivedInDueAfter: row({ categoryId: 'streetlight_out', unitId: 'lighting', state: 'closed', createdAt: at('2026-09-30 10:00'), dueAt: at('2026-10-01 10:00'), closedAt: at('2026-10-01 09:00') }), // 23 h
  mondayMidnight: row({ categoryId: 'street_vending', unitId: 'enforcement', state: 'closed', createdAt: at('2026-07-13 00:00:00'), dueAt: at('2026-07-14 00:00'), closedAt: at('2026-07-13 12:00') }), // 12 h
  sundayLastSecond: row({ categoryId: 'street_vending', unitId: 'enforcement', state: 'in_progress', createdAt: at('2026-07-12 23:59:59'), dueAt: at('2026-07-13 23:59:59') }),
};
const ROWS = Object.values(F);

describe('headline figures against the hand-computed fixture', () => {
  const f = figures(ROWS, Q3, dueCutoff(Q3, NOW));

  it('counts every report received in the period, pending ones included, hidden ones never', () => {
    assert.equal(f.received, 11);
    assert.equal(f.pending, 1);
    assert.equal(f.accepted, 8); // not pending, rejected or merged
    assert.equal(f.closed, 5);
    assert.equal(f.closureRate, 5 / 8);
  });

  it('judges deadlines falling in the period: exactly at the due time is on time, late or still open is not, on-hold is left out', () => {
    assert.deepEqual([f.due, f.onTime, f.missed], [7, 4, 3]);
    assert.equal(f.onTimeRate, 4 / 7);
  });

  it('按期处置率 counts the unit’s work by the due time, not the verification: the late-verified case is on time for its unit', () => {
    assert.deepEqual([f.handledOnTime, f.handleMissed], [2, 5]);
    assert.equal(f.handleRate, 2 / 7);
  });

  it('times to close in calendar hours: median and 90th percentile', () => {
    // Closed and received in Q3: 12, 23, 24, 34, 36 h.
    assert.equal(f.medianHours, 24);
    assert.ok(Math.abs(f.p90Hours! - 35.2) < 1e-9);
  });

  it('counts reworks of the received cases (the hidden case’s two do not count)', () => {
    assert.deepEqual([f.reworks, f.reworkedCases], [1, 1]);
  });

  it('judges only deadlines that have passed: while the quarter runs, the cutoff is today 00:00', () => {
    const now = at('2026-09-21 08:30');
    assert.deepEqual(dueCutoff(Q3, now), at('2026-09-21 00:00'));
    const g = figures(ROWS, Q3, dueCutoff(Q3, now));
    assert.deepEqual([g.due, g.onTime], [6, 4]); // the case due at 08:00 today is not judged yet
  });

  it('gives null rates, not NaN, when nothing is there', () => {
    const empty = figures([], Q3, Q3.toAt);
    assert.deepEqual([empty.closureRate, empty.onTimeRate, empty.medianHours, empty.p90Hours], [null, null, null, null]);
  });
});

describe('breakdowns', () => {
  const report = compute(ROWS, Q3, NOW);

  it('per unit: received in the period and due in the period, each by its own unit', () => {
    const s = report.byUnit.get('sanitation')!;
    assert.deepEqual([s.received, s.accepted, s.closed, s.due, s.onTime, s.reworks], [4, 3, 3, 3, 2, 1]);
    const e = report.byUnit.get('enforcement')!;
    assert.deepEqual([e.received, e.accepted, e.closed, e.due, e.onTime], [5, 3, 1, 3, 1]);
    const l = report.byUnit.get('lighting')!;
    assert.deepEqual([l.received, l.due, l.onTime], [1, 1, 1]);
  });

  it('per category', () => {
    const g = report.byCategory.get('exposed_garbage')!;
    assert.deepEqual([g.received, g.pending, g.closed, g.due, g.onTime], [3, 1, 2, 2, 1]);
  });

  it('no unit of the fixture has 10 cases: all are shown, none is ranked', () => {
    assert.deepEqual([...report.ranks.values()].map((r) => r.rank), [null, null, null, null]);
    assert.ok([...report.ranks.values()].every((r) => r.unranked === 'few_cases'));
  });
});

describe('ranking units', () => {
  const fig = (received: number, handleRate: number | null, closureRate: number | null) => ({ received, handleRate, closureRate }) as Figures;

  it('ranks units with at least 10 cases by 按期处置率, then closure rate; ties share a rank', () => {
    const ranks = rankUnits(new Map([
      ['a', fig(12, 0.9, 0.8)], ['b', fig(10, 0.9, 0.8)], ['c', fig(9, 1, 1)], ['d', fig(15, 0.95, 0.5)],
      ['e', fig(20, null, 0.7)], ['f', fig(30, 0.9, 0.7)],
    ]));
    assert.deepEqual(Object.fromEntries([...ranks].map(([id, r]) => [id, r.rank ?? r.unranked])), {
      d: 1, a: 2, b: 2, f: 4, c: 'few_cases', e: 'nothing_due',
    });
  });
});

describe('weekly trend', () => {
  const weeks = weeklyTrend(ROWS, Q3);

  it('has Monday-start weeks clipped to the period', () => {
    assert.equal(weeks.length, 14);
    assert.deepEqual([weeks[0]!.monday, weeks[0]!.from, weeks[0]!.to], ['2026-06-29', '2026-07-01', '2026-07-05']);
    assert.deepEqual([weeks.at(-1)!.monday, weeks.at(-1)!.to], ['2026-09-28', '2026-09-30']);
    assert.deepEqual([weeks[1]!.year, weeks[1]!.week], [2026, 28]);
  });

  it('puts Sunday 23:59:59 and Monday 00:00 Shanghai time in different weeks', () => {
    const byMonday = Object.fromEntries(weeks.filter((w) => w.received).map((w) => [w.monday, [w.received, w.closed]]));
    assert.deepEqual(byMonday, {
      '2026-07-06': [3, 2], '2026-07-13': [1, 1], '2026-08-03': [1, 1], '2026-08-10': [3, 0], '2026-09-14': [1, 0], '2026-09-28': [2, 1],
    });
    assert.equal(weeks.reduce((n, w) => n + w.received, 0), 11);
  });

  it('stops at today while the period runs', () => {
    const running = weeklyTrend(ROWS, Q3, '2026-07-14');
    assert.deepEqual(running.map((w) => [w.from, w.to, w.received]), [['2026-07-01', '2026-07-05', 0], ['2026-07-06', '2026-07-12', 3], ['2026-07-13', '2026-07-14', 1]]);
    assert.equal(compute(ROWS, Q3, at('2026-07-14 09:00')).weeks.length, 3);
  });

  it('ISO weeks and Mondays', () => {
    assert.equal(mondayOf('2026-07-12'), '2026-07-06');
    assert.equal(mondayOf('2026-07-13'), '2026-07-13');
    assert.deepEqual(isoWeek('2026-01-01'), { year: 2026, week: 1 });
    assert.deepEqual(isoWeek('2027-01-01'), { year: 2026, week: 53 });
    assert.deepEqual(isoWeek('2024-12-30'), { year: 2025, week: 1 });
  });
});

describe('percentiles', () => {
  it('odd and even counts', () => {
    assert.equal(median([5]), 5);
    assert.equal(median([1, 2, 9]), 2);
    assert.equal(median([1, 2, 3, 4]), 2.5);
    assert.ok(Math.abs(percentile([1, 2, 3, 4], 0.9)! - 3.7) < 1e-9);
    assert.equal(percentile([], 0.5), null);
  });
});

describe('periods', () => {
  const now = at('2026-11-25 10:00');

  it('defaults to this quarter; a quarter key; a custom range; bad ranges fall back and say why', () => {
    const d = choosePeriod({}, now);
    assert.deepEqual([d.period.from, d.period.to, d.period.quarter, d.error], ['2026-10-01', '2026-12-31', { year: 2026, q: 4 }, null]);
    const q = choosePeriod({ period: '2026-Q3' }, now).period;
    assert.deepEqual([q.from, q.to, q.fromAt.toISOString(), q.toAt.toISOString()], ['2026-07-01', '2026-09-30', '2026-06-30T16:00:00.000Z', '2026-09-30T16:00:00.000Z']);
    const c = choosePeriod({ from: '2026-09-01', to: '2026-09-07', period: '2026-Q1' }, now);
    assert.deepEqual([c.period.from, c.period.to, c.period.quarter, c.error], ['2026-09-01', '2026-09-07', null, null]);
    assert.deepEqual(choosePeriod({ from: '2026-04-01', to: '2026-06-30' }, now).period.quarter, { year: 2026, q: 2 });
    assert.equal(choosePeriod({ from: '2026-02-30', to: '2026-03-01' }, now).error, 'date_invalid');
    assert.equal(choosePeriod({ from: '2026-09-08', to: '2026-09-07' }, now).error, 'date_order');
    assert.equal(choosePeriod({ from: '2020-01-01', to: '2026-09-07' }, now).error, 'date_span');
    assert.equal(choosePeriod({ period: '2026-Q5' }, now).error, 'date_invalid');
  });
});

describe('top places', () => {
  const X = [21.8585, 111.9822] as const;
  const Y = [21.87, 111.99] as const;
  const p = (address: string, pin?: readonly [number, number]) => ({ address, lat: pin?.[0] ?? null, lng: pin?.[1] ?? null });

  it('groups typed addresses, normalised; pin-only reports join the address typed most in their cell, else stay with the cell', () => {
    assert.equal(cellOf(X[0], X[1]), cellOf(X[0] + 0.00001, X[1] - 0.00001));
    assert.equal(normaliseAddress('人民广场 东侧，附近'), '人民广场东侧');
    const places = topPlaces([
      p('人民广场东侧', X), p('人民广场东侧'), p('人民广场 东侧，附近'), p('', [X[0] + 0.00001, X[1]]), p('', X),
      p('乔士桥路段'), p('乔士桥路段'), p('乔士桥路段'),
      p('', Y), p('', Y), p('', Y), p('', Y),
      p('中医院路段 13812345678'),
    ], 3);
    assert.deepEqual(places.map((x) => [x.label, x.count]), [['人民广场东侧', 5], [null, 4], ['乔士桥路段', 3]]);
    assert.ok(Math.abs(places[1]!.lat! - Y[0]) < 0.001 && Math.abs(places[1]!.lng! - Y[1]) < 0.001);
  });

  it('masks what looks like a phone number in a label', () => {
    assert.equal(topPlaces([p('中医院路段 13812345678')], 1)[0]!.label, '中医院路段 138****5678');
  });
});

describe('quarterly wording', () => {
  const item = (categoryId: string, n: number, name = '') => ({ categoryId, n, name });

  it('says a verb shared by neighbours once, with the seed’s measure words; English agrees in number', () => {
    const items = [item('street_vending', 12), item('open_bbq', 5), item('burning_waste', 1), item('cooking_fumes', 3)];
    assert.equal(categoryPhrases('zh', items), '处理占道经营12宗、露天烧烤5宗、焚烧垃圾树叶1起，查处餐饮油烟污染3宗');
    assert.equal(categoryPhrases('en', items),
      'dealt with 12 cases of street vending, 5 cases of open-air barbecue and 1 incident of burning waste or leaves, and acted on 3 cases of restaurant oil fumes');
    assert.equal(categoryPhrases('zh', [item('streetlight_out', 7), item('manhole_cover', 4)]), '修复路灯7基，补换井盖4块');
  });

  it('a category added by an admin gets a plain phrase', () => {
    assert.equal(categoryPhrases('zh', [item('shared_bikes', 4, '共享单车乱停')]), '处理共享单车乱停4宗');
    assert.equal(categoryPhrases('en', [item('shared_bikes', 1, 'badly parked bikes')]), 'dealt with 1 case of badly parked bikes');
  });
});

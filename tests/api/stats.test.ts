import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, gte, lt } from 'drizzle-orm';
import { caseLog, cases } from '../../db/schema.ts';
import { seedDemo } from '../../api/demo/demo.ts';
import { publicFilters } from '../../api/opendata/public-cases.ts';
import type { Figures, StatsReport } from '../../api/opendata/stats.ts';
import type { Services } from '../../api/services.ts';
import { quarterlyView } from '../../site/lib/quarterly.ts';
import { figureLinks } from '../../site/lib/stats-format.ts';
import { FIXED_NOW, testServices } from '../helpers/services.ts';

let services: Services;
before(async () => {
  services = testServices();
  await seedDemo(services, { now: FIXED_NOW, count: 300 });
});
after(() => services.close());

/** How many public cases the /reports list shows for one of our links. */
function listed(href: string | null): number {
  assert.ok(href, 'a link was expected');
  const query = Object.fromEntries(new URL(href, 'http://x').searchParams);
  return services.publicCases.list(publicFilters.parse({ ...query, per_page: '1' })).total;
}

function assertConsistent(f: Figures) {
  assert.ok(f.closed <= f.accepted && f.accepted <= f.received, `closed ${f.closed} ≤ accepted ${f.accepted} ≤ received ${f.received}`);
  for (const r of [f.closureRate, f.onTimeRate]) assert.ok(r === null || (r >= 0 && r <= 1), `rate ${r} in [0, 1]`);
  assert.equal(f.onTime + f.missed, f.due);
  assert.ok(f.medianHours === null || (f.medianHours > 0 && f.medianHours <= f.p90Hours!));
}

const sum = (m: Map<string, Figures>, k: keyof Figures) => [...m.values()].reduce((n, f) => n + (f[k] as number), 0);

describe('/stats for the default period (this quarter) on the demo city', () => {
  let report: StatsReport;
  before(() => {
    const { period, error } = services.stats.choose({});
    assert.equal(error, null);
    assert.deepEqual([period.from, period.to], ['2026-10-01', '2026-12-31']);
    report = services.stats.report(period);
  });

  it('is consistent: closed ≤ accepted ≤ received, rates in [0, 1], and every breakdown adds up', () => {
    const t = report.totals;
    assert.ok(t.received > 50, `received ${t.received}`);
    assertConsistent(t);
    for (const f of [...report.byUnit.values(), ...report.byCategory.values()]) assertConsistent(f);
    for (const k of ['received', 'accepted', 'closed', 'due', 'onTime', 'reworks'] as const) {
      assert.equal(sum(report.byUnit, k), t[k], `units' ${k}`);
      assert.equal(sum(report.byCategory, k), t[k], `categories' ${k}`);
    }
    assert.equal(report.weeks.reduce((n, w) => n + w.received, 0), t.received);
    assert.equal(report.weeks.reduce((n, w) => n + w.closed, 0), t.closed);
    assert.equal(report.dueTo, '2026-11-24'); // deadlines are judged up to yesterday
  });

  it('ranks only units with at least 10 cases', () => {
    for (const [unit, rank] of report.ranks) {
      const f = report.byUnit.get(unit)!;
      assert.equal(rank.rank === null, f.received < 10 || f.onTimeRate === null, unit);
    }
    assert.ok([...report.ranks.values()].some((r) => r.rank === 1));
  });

  it('every figure’s link lists exactly its public cases', () => {
    const check = (f: Figures, scope: { unit?: string; category?: string } = {}) => {
      const l = figureLinks('zh', report, scope);
      assert.equal(listed(l.received), f.received - f.pending);
      assert.equal(listed(l.accepted), f.accepted);
      assert.equal(listed(l.closed), f.closed);
      assert.equal(listed(l.onTime), f.onTime);
      assert.equal(listed(l.missed), f.missed);
      assert.equal(listed(l.reworks), f.reworkedCases);
    };
    check(report.totals);
    check(report.byUnit.get('enforcement')!, { unit: 'enforcement' });
    check(report.byCategory.get('street_vending')!, { category: 'street_vending' });
  });

  it('counts reworks from the case log, and never a hidden case', () => {
    const p = report.period;
    const logged = services.db.select().from(caseLog).innerJoin(cases, eq(caseLog.caseId, cases.id))
      .where(and(eq(caseLog.action, 'rework'), gte(cases.createdAt, p.fromAt), lt(cases.createdAt, p.toAt))).all().length;
    assert.equal(report.totals.reworks, logged);

    const victim = services.db.select().from(cases).where(and(eq(cases.state, 'closed'), gte(cases.createdAt, p.fromAt))).get()!;
    services.db.update(cases).set({ hidden: true }).where(eq(cases.id, victim.id)).run();
    try {
      const again = services.stats.report(p).totals;
      assert.deepEqual([again.received, again.closed], [report.totals.received - 1, report.totals.closed - 1]);
    } finally {
      services.db.update(cases).set({ hidden: false }).where(eq(cases.id, victim.id)).run();
    }
  });
});

describe('quarterly reports', () => {
  it('lists past quarters with data and the current one; never a future one', () => {
    const quarters = services.stats.quarters();
    assert.deepEqual(quarters.map((q) => `${q.quarter.year}-Q${q.quarter.q}${q.current ? '*' : ''}`), ['2026-Q4*', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3']); // five quarters of history
    assert.ok(services.stats.quarter('2026-Q3'));
    assert.equal(services.stats.quarter('2027-Q1'), null);
    assert.equal(services.stats.quarter('2020-Q1'), null);
    assert.equal(services.stats.quarter('2026-Q5'), null);
  });

  const units = () => services.catalog.units();
  const categories = () => services.catalog.allCategories();
  const text = (lang: 'zh' | 'en') => {
    const report = services.stats.report(services.stats.quarterPeriod({ year: 2026, q: 3 }));
    const previous = services.stats.report(services.stats.quarterPeriod({ year: 2026, q: 2 }));
    const yearAgo = services.stats.report(services.stats.quarterPeriod({ year: 2025, q: 3 }));
    const name = (x: { id: string; nameZh: string; nameEn: string }) => ({ id: x.id, name: lang === 'zh' ? x.nameZh : x.nameEn });
    const view = quarterlyView({
      lang, report, previous, yearAgo, units: units().map(name), categories: categories().map(name), current: false,
      drives: { held: 13, volunteers: 120, attendance: 260, hours: 520 }, typical: [], nextSteps: '一是加强巡查。\n二是完善机制。', issuedOn: new Date('2026-10-15T02:00:00Z'),
    });
    const [overview, timeliness, comparison] = view.sections[0]!.paragraphs;
    return { report, view, q: { overview: overview!, timeliness: timeliness!, comparison: comparison! } };
  };

  it('2026-Q3 as the bureau’s 通报, in the seed report’s words, with the seed’s measure words', () => {
    const { report, view, q } = text('zh');
    const t = report.totals;
    assert.equal(view.title, '阳江市城市管理和综合执法局关于2026年第三季度城市管理问题办理情况的通报');
    assert.deepEqual([view.issuer, view.issuedOn], ['阳江市城市管理和综合执法局', '2026年10月15日']);
    assert.ok(q.overview.startsWith(
      `2026年第三季度，市城管综合执法局通过“城事通”平台共收到群众反映问题${t.received}宗，受理立案${t.accepted}宗，已办结${t.closed}宗，办结率`,
    ), q.overview);
    assert.match(q.overview, /其中环卫中心处置暴露垃圾\d+宗、垃圾箱满溢或不密闭\d+宗[，；]/);
    assert.match(q.overview, /执法队处理占道经营\d+宗/);
    assert.match(q.timeliness, new RegExp(`^本季度到期案件${t.due}宗，处置单位按期处置${t.handledOnTime}宗，按期处置率[\\d.]+%；按期结案${t.onTime}宗，按期结案率[\\d.]+%。`));
    assert.match(q.comparison, /^与上一季度相比，收到群众反映(增加|减少)\d+宗，按期处置率(上升|下降)[\d.]+个百分点|持平/);
    assert.match(q.comparison, /；与去年同期相比，收到群众反映/);
    assert.deepEqual(view.sections.map((x) => x.heading), ['一、总体情况', '二、各单位处置情况', '三、群众反映热点', '四、志愿服务', '五、典型案例', '六、下一步工作']);
    assert.deepEqual(view.sections[1]!.subsections!.map((u) => u.heading).slice(0, 2), ['（一）环卫中心', '（二）路灯中心']);
    assert.match(view.sections[2]!.paragraphs[0]!, /^本季度群众反映较集中的地点依次为：.+（\d+宗）/);
    assert.match(view.sections[3]!.paragraphs[0]!, /每周五到市区沿江南社区开展卫生大扫除行动，本季度共开展13次/);
    assert.deepEqual(view.sections[5]!.paragraphs, ['一是加强巡查。', '二是完善机制。']);
    assert.ok(!view.notes.some((n) => n.includes('上线后')), 'no promise of the drives feature');
  });

  it('the English version says the same', () => {
    const { report, q } = text('en');
    const t = report.totals;
    assert.ok(q.overview.startsWith(
      `In the third quarter of 2026, the Urban Management and Law Enforcement Bureau received ${t.received} reports from residents through CityLoop, accepted ${t.accepted} and closed ${t.closed}`,
    ), q.overview);
    assert.match(q.overview, /the Street Lighting Centre repaired \d+ street lights/);
    assert.match(q.overview, /the Municipal Facilities Centre replaced \d+ manhole covers/);
  });
});

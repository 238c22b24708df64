/**
 * The quarterly report (通报) as a bureau issues it, from a quarter's statistics: the seed report's sections and voice
 * ("其中环卫中心处置暴露垃圾N宗、垃圾箱满溢N宗；执法队处理占道经营N宗…"), change against the previous quarter and the
 * same quarter a year earlier, drives, staff's 典型案例 and 下一步工作, issuer and date. Pure: returns a QuarterlyView,
 * which the page renders and publishing freezes (api/opendata/quarterly-view.ts).
 */
import { fmt, localePath, messages, ordinal, type Lang } from '../i18n/index.ts';
import type { Figures, StatsReport } from '../../api/opendata/stats.ts';
import type { DrivesSummary } from '../../api/drives/summary.ts';
import type { QuarterlyView, ViewCase, ViewSection, ViewTable } from '../../api/opendata/quarterly-view.ts';
import { quarterKey } from '../../api/opendata/stats-period.ts';
import { shanghaiDate } from '../../api/shared/time.ts';
import { figureLinks, statsFormat } from './stats-format.ts';
import { when } from './format.ts';

type Named = { id: string; name: string };
export type TypicalCase = {
  trackingNo: string; category: string; place: string; description: string; unit: string | null; state: string;
  acceptedAt: Date | null; resolvedAt: Date | null; closedAt: Date | null;
  photos: { kind: string; url: string; thumbUrl: string; width: number; height: number }[];
};
export type QuarterlyInput = {
  lang: Lang;
  report: StatsReport; previous: StatsReport | null; yearAgo: StatsReport | null;
  units: Named[]; // in the catalog's order
  categories: Named[];
  current: boolean; // the quarter is still running
  drives: DrivesSummary;
  typical: TypicalCase[];
  nextSteps: string; // staff's text; paragraphs separated by line breaks
  issuedOn: Date; // publication day, or today for a preview
};

/** 'A、B和C' / 'A, B and C'. */
function list(items: string[], sep: string, last: string): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(sep)}${last}${items.at(-1)}`;
}

/**
 * What a unit did, category by category, in the seed's measure words; a verb shared by neighbours is said once:
 * '处置暴露垃圾12宗、垃圾箱满溢或不密闭8宗，查处餐饮油烟污染3宗'.
 */
export function categoryPhrases(lang: Lang, items: { categoryId: string; name: string; n: number }[]): string {
  const s = messages[lang].stats;
  const q = s.quarterly;
  const groups: { verb: string; texts: string[] }[] = [];
  for (const it of items) {
    const p = s.categoryPhrases[it.categoryId] ?? s.categoryFallback;
    const text = fmt(p.text, { n: it.n, name: it.name });
    const last = groups.at(-1);
    if (last?.verb === p.verb) last.texts.push(text);
    else groups.push({ verb: p.verb, texts: [text] });
  }
  return list(groups.map((g) => `${g.verb}${q.wordSep}${list(g.texts, q.listSep, q.lastSep)}`), q.groupSep, q.groupLastSep);
}

/** Change in a count and in rates, in the report's words ('增加12宗' / '上升2.3个百分点' / '持平'). */
export function change(lang: Lang, now: Figures, before: Figures | null): string {
  const q = messages[lang].stats.quarterly;
  if (!before || before.received === 0) return q.compareNone;
  const count = (a: number, b: number) => (a === b ? q.same : fmt(a > b ? q.more : q.fewer, { n: Math.abs(a - b) }));
  const points = (a: number | null, b: number | null) => {
    if (a === null || b === null) return q.compareNone;
    const d = Math.round((a - b) * 1000) / 10;
    return d === 0 ? q.same : fmt(d > 0 ? q.up : q.down, { n: Math.abs(d) });
  };
  return fmt(q.compareItems, { received: count(now.received, before.received), handle: points(now.handleRate, before.handleRate), onTime: points(now.onTimeRate, before.onTimeRate) });
}

export function dateWords(lang: Lang, at: Date): string {
  const [y, m, d] = shanghaiDate(at).split('-');
  return fmt(messages[lang].stats.quarterly.dateFormat, { y: y!, m: Number(m), d: Number(d), m2: m!, d2: d! });
}

export function quarterlyView(input: QuarterlyInput): QuarterlyView {
  const { lang, report, units, categories } = input;
  const s = messages[lang].stats;
  const q = s.quarterly;
  const f = statsFormat(lang);
  const t = report.totals;
  const quarter = f.period(report.period, true);
  const bureau = messages[lang].site.bureau;
  const nums = (x: Figures) => ({
    received: x.received, accepted: x.accepted, closed: x.closed, due: x.due, onTime: x.onTime, handled: x.handledOnTime,
    closureRate: f.pct(x.closureRate), onTimeRate: f.pct(x.onTimeRate), handleRate: f.pct(x.handleRate),
    median: f.duration(x.medianHours), p90: f.duration(x.p90Hours), unitTime: f.duration(x.unitHours), verify: f.duration(x.verifyHours),
    checks: x.reworks + x.resolutions, reworkRate: f.pct(x.reworkRate), rated: x.rated, satisfactionRate: f.pct(x.satisfactionRate),
  });
  const didWhat = units.flatMap((u) => {
    const byCategory = report.byUnitCategory.get(u.id);
    const items = categories.flatMap((c) => {
      const n = byCategory?.get(c.id)?.closed ?? 0;
      return n ? [{ categoryId: c.id, name: c.name, n }] : [];
    });
    return items.length ? [fmt(q.unitItems, { unit: u.name, items: categoryPhrases(lang, items) })] : [];
  });
  const join = (parts: string[]) => parts.filter(Boolean).join(q.wordSep);
  const overview = join([
    fmt(q.intro, { quarter, bureau: q.bureau, ...nums(t) }),
    t.pending ? fmt(q.introPending, { n: t.pending }) : '',
    didWhat.length ? fmt(q.ofWhich, { items: didWhat.join(q.unitSep) }) : '',
  ]);
  const timeliness = join([
    t.due ? fmt(q.introDue, nums(t)) : q.introNoDue,
    t.medianHours !== null ? fmt(q.introTime, nums(t)) : '',
    t.reworks ? fmt(q.introRework, { ...nums(t), n: t.reworks }) : q.introNoRework,
    t.rated ? fmt(q.introRated, nums(t)) : '',
  ]);
  const comparison = fmt(q.compare, { prev: change(lang, t, input.previous?.totals ?? null), yearAgo: change(lang, t, input.yearAgo?.totals ?? null) });

  const table = (id: string, caption: string, head: string, rows: { name: string; x: Figures; links?: ReturnType<typeof figureLinks>; rank?: string; total?: boolean }[], ranked = false): ViewTable => ({
    id, caption,
    head: [head, ...(ranked ? [s.table.rank] : []), s.table.received, s.table.closed, s.table.handleRate, s.table.onTimeRate, s.table.reworkRate, s.table.satisfactionRate],
    rows: rows.map((r) => ({
      total: r.total,
      cells: [
        { text: r.name }, ...(ranked ? [{ text: r.rank ?? '' }] : []),
        { text: String(r.x.received), href: r.x.received ? r.links?.received : null }, { text: String(r.x.closed), href: r.x.closed ? r.links?.closed : null },
        { text: f.pct(r.x.handleRate) }, { text: f.pct(r.x.onTimeRate) }, { text: f.pct(r.x.reworkRate) }, { text: f.pct(r.x.satisfactionRate) },
      ],
    })),
  });
  const present = units.filter((u) => report.byUnit.has(u.id));
  const rankText = (id: string) => { const r = report.ranks.get(id); return r?.rank ? String(r.rank) : r ? s.table.unranked[r.unranked!] : ''; };
  const unitsTable = table('q-units', q.unitsTable, s.table.unit, [
    ...present.map((u) => ({ name: u.name, x: report.byUnit.get(u.id)!, links: figureLinks(lang, report, { unit: u.id }), rank: rankText(u.id) })),
    { name: s.table.total, x: t, links: figureLinks(lang, report), total: true },
  ], true);
  const unitSections = present.map((u, i) => {
    const x = report.byUnit.get(u.id)!;
    const rank = report.ranks.get(u.id)!;
    const standing = rank.rank !== null ? fmt(q.unitRank, { rank: lang === 'en' ? ordinal(rank.rank) : rank.rank })
      : rank.unranked === 'few_cases' ? q.unitFew : q.unitNothingDue;
    const byCategory = report.byUnitCategory.get(u.id)!;
    return {
      id: `q-${u.id}`, heading: `${q.sub[i] ?? ''}${u.name}`,
      paragraphs: [join([fmt(q.unitPara, { unit: u.name, ...nums(x) }), standing])],
      table: table(`q-unit-${u.id}`, fmt(q.unitTable, { unit: u.name }), s.table.category,
        categories.filter((c) => byCategory.has(c.id)).map((c) => ({ name: c.name, x: byCategory.get(c.id)!, links: figureLinks(lang, report, { unit: u.id, category: c.id }) }))),
    };
  });
  const places = report.places.length
    ? fmt(q.placesPara, { items: list(report.places.map((p) => fmt(q.placeItem, { label: f.place(p), n: p.count })), q.listSep, q.lastSep) })
    : q.noPlaces;
  const d = input.drives;
  const cases: ViewCase[] = input.typical.map((c, i) => {
    const photo = (kind: 'before' | 'after') => {
      const p = c.photos.find((x) => x.kind === kind);
      return p ? { url: p.url, thumbUrl: p.thumbUrl, width: p.width, height: p.height, alt: `${kind === 'before' ? q.before : q.after} · ${c.trackingNo}` } : null;
    };
    const handling = c.closedAt && c.resolvedAt && c.acceptedAt && c.unit
      ? fmt(q.caseHandling, { unit: c.unit, unitTime: f.duration((c.resolvedAt.getTime() - c.acceptedAt.getTime()) / 3_600_000), closed: dateWords(lang, c.closedAt) })
      : fmt(q.caseOpen, { state: c.state });
    return {
      trackingNo: c.trackingNo, href: localePath(lang, `/reports/${c.trackingNo}`), heading: `${q.sub[i] ?? ''}${c.place || c.category}`,
      text: fmt(q.casePara, { place: c.place, category: c.category, no: c.trackingNo, description: c.description, handling }),
      before: photo('before'), after: photo('after'),
    };
  });
  const nextSteps = input.nextSteps.split(/\n+/).map((p) => p.trim()).filter(Boolean);

  const sections: (Omit<ViewSection, 'heading'> & { title: string })[] = [
    { id: 's-overview', title: q.s1, paragraphs: [overview, timeliness, comparison], table: unitsTable },
    { id: 's-units', title: q.s2, paragraphs: [], subsections: unitSections },
    { id: 's-places', title: q.s3, paragraphs: [places] },
    { id: 's-drives', title: q.s4, paragraphs: [d.held ? fmt(q.drivesPara, { ...d }) : q.noDrives] },
    { id: 's-cases', title: q.s5, paragraphs: cases.length ? [] : [q.noCases], cases },
    { id: 's-next', title: q.s6, paragraphs: nextSteps.length ? nextSteps : [q.noNextSteps] },
  ];
  return {
    lang, quarter: quarterKey(report.period.quarter!),
    title: fmt(q.title, { bureau, quarter: lang === 'zh' ? f.period(report.period) : quarter }),
    asOf: fmt(q.asOf, { time: when(report.asOf) }),
    sections: sections.map(({ title, ...sec }, i) => ({ ...sec, heading: `${q.numerals[i]}${q.headingSep}${title}` })),
    notes: [...(input.current ? [q.running] : []), ...q.notes],
    issuer: bureau,
    issuedOn: dateWords(lang, input.issuedOn),
  };
}

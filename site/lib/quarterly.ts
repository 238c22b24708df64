/**
 * The quarterly report's words, from a quarter's statistics: the seed report's sections and voice
 * ("其中环卫中心处置暴露垃圾N宗、垃圾箱满溢N宗；执法队处理占道经营N宗…"), with real numbers. Pure.
 */
import { fmt, messages, ordinal, type Lang } from '../i18n/index.ts';
import type { Figures, StatsReport } from '../../api/opendata/stats.ts';
import { statsFormat } from './stats-format.ts';

type Named = { id: string; name: string };
export type QuarterlyInput = {
  lang: Lang;
  report: StatsReport;
  units: Named[]; // in the catalog's order
  categories: Named[];
  current: boolean; // the quarter is still running
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

export function quarterly({ lang, report, units, categories, current }: QuarterlyInput) {
  const s = messages[lang].stats;
  const q = s.quarterly;
  const f = statsFormat(lang);
  const t = report.totals;
  const quarter = f.period(report.period, true);
  const nums = (x: Figures) => ({
    received: x.received, accepted: x.accepted, closed: x.closed, due: x.due, onTime: x.onTime,
    closureRate: f.pct(x.closureRate), onTimeRate: f.pct(x.onTimeRate), median: f.hours(x.medianHours), p90: f.hours(x.p90Hours),
  });

  const didWhat = units.flatMap((u) => {
    const byCategory = report.byUnitCategory.get(u.id);
    const items = categories.flatMap((c) => {
      const n = byCategory?.get(c.id)?.closed ?? 0;
      return n ? [{ categoryId: c.id, name: c.name, n }] : [];
    });
    return items.length ? [fmt(q.unitItems, { unit: u.name, items: categoryPhrases(lang, items) })] : [];
  });
  const summary = fmt(q.intro, { quarter, bureau: q.bureau, ...nums(t) });
  const overview = [
    summary,
    t.pending ? fmt(q.introPending, { n: t.pending }) : '',
    didWhat.length ? fmt(q.ofWhich, { items: didWhat.join(q.unitSep) }) : '',
  ].filter(Boolean).join(q.wordSep);
  const timeliness = [
    t.due ? fmt(q.introDue, nums(t)) : q.introNoDue,
    t.medianHours !== null ? fmt(q.introTime, nums(t)) : '',
    t.reworks ? fmt(q.introRework, { n: t.reworks }) : q.introNoRework,
  ].filter(Boolean).join(q.wordSep);

  const unitSections = units.filter((u) => report.byUnit.has(u.id)).map((u, i) => {
    const x = report.byUnit.get(u.id)!;
    const rank = report.ranks.get(u.id)!;
    const standing = rank.rank !== null ? fmt(q.unitRank, { rank: lang === 'en' ? ordinal(rank.rank) : rank.rank })
      : rank.unranked === 'few_cases' ? q.unitFew : q.unitNothingDue;
    const byCategory = report.byUnitCategory.get(u.id)!;
    return {
      id: u.id,
      heading: `${q.sub[i] ?? ''}${u.name}`,
      text: [fmt(q.unitPara, { unit: u.name, ...nums(x) }), standing].join(q.wordSep),
      caption: fmt(q.unitTable, { unit: u.name }),
      rows: categories.filter((c) => byCategory.has(c.id)).map((c) => ({ id: c.id, name: c.name, figures: byCategory.get(c.id)! })),
    };
  });

  const places = report.places.length
    ? fmt(q.placesPara, { items: list(report.places.map((p) => fmt(q.placeItem, { label: f.place(p), n: p.count })), q.listSep, q.lastSep) })
    : q.noPlaces;

  return {
    title: fmt(q.title, { bureau: q.bureau, quarter: f.period(report.period) }),
    running: current ? q.running : null,
    summary, overview, timeliness, unitSections, places,
    notes: q.notes,
  };
}

export type QuarterlyText = ReturnType<typeof quarterly>;

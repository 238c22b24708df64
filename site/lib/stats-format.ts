/**
 * How /stats and the quarterly reports write figures, and where each figure links: the /reports list
 * filtered to exactly the public cases behind it (see api/opendata/stats.ts for the definitions).
 */
import { fmt, localePath, messages, type Lang } from '../i18n/index.ts';
import type { Figures, Ranked, StatsReport } from '../../api/opendata/stats.ts';
import { quarterKey, type Period, type Quarter } from '../../api/opendata/stats-period.ts';

const one = (n: number) => String(Math.round(n * 10) / 10);

export function statsFormat(lang: Lang) {
  const s = messages[lang].stats;
  return {
    pct: (r: number | null) => (r === null ? s.none : fmt(s.percent, { n: one(r * 100) })),
    hours: (h: number | null) => (h === null ? s.none : one(h)),
    /** A duration as people say it: '约 5.2 小时' under a day, else '约 3.9 天'. */
    duration: (h: number | null) => (h === null ? s.none : h < 24 ? fmt(s.duration.hours, { n: one(h) }) : fmt(s.duration.days, { n: one(h / 24) })),
    quarter: (q: Quarter, long = false) =>
      fmt(long ? s.quarterLong : s.quarter, { year: q.year, n: q.q, q: s.quarterNames[q.q - 1]! }),
    period(p: Period, long = false) {
      return p.quarter ? this.quarter(p.quarter, long) : fmt(s.range, { from: p.from, to: p.to });
    },
    place: (p: { label: string | null; lat: number | null; lng: number | null }) =>
      p.label ?? fmt(s.places.near, { lat: p.lat!.toFixed(4), lng: p.lng!.toFixed(4) }),
  };
}

type Query = Record<string, string | undefined>;

/** The /reports list for a query, in the page's language. */
export function reportsHref(lang: Lang, q: Query): string {
  const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => !!e[1]));
  return localePath(lang, `/reports?${params}`);
}

export const quarterHref = (lang: Lang, q: Quarter) => localePath(lang, `/stats/quarterly/${quarterKey(q)}`);

export type FigureLinks = Record<'received' | 'accepted' | 'closed' | 'onTime' | 'missed' | 'handled' | 'unhandled' | 'reworks', string | null>;

/**
 * Links for one row of figures. `scope` narrows to a unit or a category; the unit '' (not yet assigned)
 * cannot be expressed by the public filters, so it gets no links.
 */
export function figureLinks(lang: Lang, report: Pick<StatsReport, 'period' | 'dueTo'>, scope: { unit?: string; category?: string } = {}): FigureLinks {
  if (scope.unit === '') return { received: null, accepted: null, closed: null, onTime: null, missed: null, handled: null, unhandled: null, reworks: null };
  const received = { ...scope, from: report.period.from, to: report.period.to };
  const due = { ...scope, due_from: report.period.from, due_to: report.dueTo ?? undefined };
  const link = (q: Query) => reportsHref(lang, q);
  return {
    received: link(received),
    accepted: link({ ...received, flag: 'accepted' }),
    closed: link({ ...received, status: 'fixed' }),
    onTime: report.dueTo ? link({ ...due, flag: 'on_time' }) : null,
    missed: report.dueTo ? link({ ...due, flag: 'missed' }) : null,
    handled: report.dueTo ? link({ ...due, flag: 'handled' }) : null,
    unhandled: report.dueTo ? link({ ...due, flag: 'unhandled' }) : null,
    reworks: link({ ...received, flag: 'rework' }),
  };
}

/** The figure itself, or a link to its cases when there are any to list. */
export function linked(n: number, href: string | null): Linked {
  return { text: String(n), href: n > 0 ? href : null };
}

export type Linked = { text: string; href: string | null };
export type FigureRow = { id: string; name: string; figures: Figures; links: FigureLinks; rank?: Ranked };

/** A message template split into text and (possibly linked) values, so a page can put links inside a sentence. */
export function fmtParts(template: string, vars: Record<string, Linked | string | number>): Linked[] {
  return template.split(/(\{\w+\})/).filter(Boolean).map((piece) => {
    const v = /^\{(\w+)\}$/.test(piece) ? vars[piece.slice(1, -1)] : undefined;
    if (v === undefined) return { text: piece, href: null };
    return typeof v === 'object' ? v : { text: String(v), href: null };
  });
}

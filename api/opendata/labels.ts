import { nameIn } from '../i18n/lang.ts';
import { apiMessages as messages, fmt, localePath, type Lang } from '../i18n/index.ts';
import type { CaseState } from '../cases/workflow.ts';
import type { Services } from '../services.ts';
import { shanghaiIso } from '../shared/time.ts';

/** Names, words and absolute links the open-data formats print, in one language. */
export function labelsFor(services: Services, lang: Lang) {
  const t = messages[lang];
  const name = (x: { nameZh: string; nameEn: string }) => nameIn(lang, x);
  const categories = new Map(services.catalog.allCategories().map((c) => [c.id, c]));
  const units = new Map(services.catalog.units().map((u) => [u.id, name(u)]));
  const base = services.config.PUBLIC_URL.replace(/\/$/, '');
  const category = categories.get.bind(categories);
  return {
    t, lang, base,
    category,
    categoryName: (id: string) => { const c = category(id); return c ? name(c) : id; },
    unitName: (id: string | null) => (id ? units.get(id) ?? id : ''),
    state: (s: string) => (t.states as Record<string, string>)[s as CaseState] ?? s,
    event: (action: string) => (t.track.events as Record<string, string>)[action] ?? action,
    bucket: (b: string) => (t.reports.buckets as Record<string, string>)[b] ?? b,
    rating: (r: string | null) => (r ? (t.reports.ratings as Record<string, string>)[r] ?? r : ''),
    caseUrl: (no: string) => base + localePath(lang, `/reports/${no}`),
    absolute: (path: string) => (/^https?:/.test(path) ? path : base + path),
    fmt,
  };
}

export type Labels = ReturnType<typeof labelsFor>;

/** Machine-readable instants: ISO 8601 with the +08:00 offset; null stays null. */
export const iso = (d: Date | null | undefined) => (d ? shanghaiIso(d) : null);

// XML 1.0 forbids most control characters; residents' text can contain them (pasted from elsewhere).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// eslint-disable-next-line no-control-regex
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/; // cheap: no lookarounds

/** Text safe for any XML output (Open311 XML, Atom); the JSON twin gets the same text. Most text needs no change. */
export const xmlSafe = (s: string) => (MAYBE_NOT_XML.test(s) ? s.replace(NOT_XML, '') : s);

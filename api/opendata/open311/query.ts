import { CURSOR } from '../public-cases.ts';
import { shanghaiMidnight } from '../../shared/time.ts';
import type { Labels } from '../labels.ts';
import { Open311Error } from './format.ts';

export const WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;
const DAY_MS = 86_400_000;

/** Our jurisdiction_id: the portal's host name. Empty or absent means the same. */
export const jurisdictionOf = (publicUrl: string) => new URL(publicUrl).hostname;

export function checkJurisdiction(given: string | undefined, ours: string, L: Labels) {
  const v = given?.trim() ?? '';
  if (v !== '' && v.toLowerCase() !== ours.toLowerCase()) {
    throw new Open311Error(404, [L.fmt(L.t.opendata.open311.errors.jurisdiction, { id: ours })]);
  }
}

/** 'a, b,,c' → ['a','b','c']; undefined when nothing was given. */
export function commaList(v: string | undefined): string[] | undefined {
  const items = (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

/** A w3c date-time (offset or Z); a bare date is midnight in Asia/Shanghai. */
function instant(field: string, v: string | undefined, L: Labels): Date | undefined {
  const s = v?.trim();
  if (!s) return undefined;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? shanghaiMidnight(s) : new Date(s);
  if (!/^\d{4}-\d{2}-\d{2}/.test(s) || Number.isNaN(d.getTime())) throw new Open311Error(400, [L.fmt(L.t.opendata.open311.errors.date, { field })]);
  return d;
}

/**
 * start_date/end_date as GeoReport says: by default the last 90 days; one bound alone reaches 90 days
 * from it; both may not span more than 90 days.
 */
export function dateWindow(q: Record<string, string | undefined>, now: Date, L: Labels) {
  const start = instant('start_date', q.start_date, L);
  const end = instant('end_date', q.end_date, L);
  const to = end ?? (start ? new Date(start.getTime() + WINDOW_DAYS * DAY_MS) : now);
  const from = start ?? new Date(to.getTime() - WINDOW_DAYS * DAY_MS);
  const e = L.t.opendata.open311.errors;
  if (from > to) throw new Open311Error(400, [e.date_order]);
  if (to.getTime() - from.getTime() > WINDOW_DAYS * DAY_MS) throw new Open311Error(400, [e.date_span]);
  return { from, to };
}

/** status=open,closed → our public buckets (closed covers both "closed" and "fixed"). */
export function bucketsOf(status: string | undefined, L: Labels): ('open' | 'closed' | 'fixed')[] | undefined {
  const list = commaList(status?.toLowerCase());
  if (!list) return undefined;
  if (list.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, [L.t.opendata.open311.errors.status]);
  return [...new Set(list.flatMap((s) => (s === 'open' ? ['open' as const] : ['closed' as const, 'fixed' as const])))];
}

/**
 * Paging, our extension: `page_size` (1–1000, default 1000) and `after`, the opaque position a previous answer's
 * `Link: <…>; rel="next"` carries (keyset: the next page starts after the last case of the previous one).
 */
export function paging(q: Record<string, string | undefined>, L: Labels) {
  const e = L.t.opendata.open311.errors;
  const size = q.page_size?.trim() ? Number(q.page_size) : MAX_RESULTS;
  if (!Number.isInteger(size) || size < 1 || size > MAX_RESULTS) throw new Open311Error(400, [e.page_size]);
  const after = q.after?.trim() || undefined;
  if (after !== undefined && !CURSOR.test(after)) throw new Open311Error(400, [e.cursor]);
  return { pageSize: size, after };
}

/** The request's own URL on the public origin, with `after` set to the next page's cursor. */
export function nextUrl(publicUrl: string, requestUrl: string, cursor: string) {
  const asked = new URL(requestUrl);
  const url = new URL(asked.pathname + asked.search, publicUrl);
  url.searchParams.set('after', cursor);
  return url.toString();
}

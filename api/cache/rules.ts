/**
 * Which responses the public cache may keep, and what each shows (its tags), so a write drops exactly what it changes.
 *
 * Tags an entry carries: `case:<tracking no>` (a case's own page, JSON, Open311 record), `agg` (anything listing,
 * counting or mapping cases or drives: home, lists, map, stats, feeds, open data, drive pages), `static` (pages that
 * change only with reference data: the form, privacy, API docs, categories, places).
 * Tags a change carries (SQLite triggers, migration cache_triggers): `case:<no>`, `drives`, `all`.
 */
import { isStaffPath } from '../staff/middleware.ts';

export type CachePolicy =
  | { kind: 'private' } // personal: `private, no-store`, never kept
  | { kind: 'public'; tags: string[] } // the same for everybody: cached and revalidated
  | { kind: 'pass' }; // left as the route answers (static files, photos, health check)

const PRIVATE = [
  /^\/(?:en\/)?track(?:\/|$)/, /^\/api\/track(?:\/|$)/, // a resident's own case, by its follow code
  /^\/(?:en\/)?drives\/signup\//, /^\/api\/drives\/(?:signups|records)\//, /^\/feeds\/drives\/signups\//, // a volunteer's signup and record
  /^\/(?:en\/)?volunteer(?:\/|$)/,
];
// Whole-city exports stream row batches (100k cases: many MB): compressed as they stream, never held in memory.
/** Files at the site's root served from the build (precompressed there, so never re-kept here). */
export const ROOT_FILE = /^\/[^/]+\.(?:css|ico|png|svg|txt|webmanifest|xml)$/;
const PASS = [/^\/data\/cases\.(?:csv|geojson)$/, /^\/_astro\//, /^\/healthz$/, ROOT_FILE];
const STATIC = [
  /^\/(?:en\/)?(?:privacy|api-docs|report)$/, /^\/api\/openapi\.json$/, /^\/api\/categories$/, /^\/api\/places(?:\/|$)/,
  /^\/open311\/v2\/(?:services|discovery)\b/, /^\/data\/quarterly\//,
];
const CASE_PAGE = /^\/(?:en\/)?reports\/([A-Z]{2,4}-\d{8}-\d+)$/;
const OPEN311_REQUEST = /^\/open311\/v2\/requests\/([A-Z]{2,4}-\d{8}-\d+)\.(?:json|xml)$/;

/** The policy for a GET or HEAD of `path` (query aside); `signed`: the query carries a signed-link signature. */
export function cachePolicy(path: string, opts: { staff: boolean; signed: boolean }): CachePolicy {
  if (isStaffPath(path) || PRIVATE.some((r) => r.test(path))) return { kind: 'private' };
  if (path.startsWith('/uploads/')) return opts.signed ? { kind: 'private' } : { kind: 'pass' };
  if (PASS.some((r) => r.test(path))) return { kind: 'pass' };
  // A signed-in staff member may see a public page with their menu: never kept, never shared.
  if (opts.staff) return { kind: 'private' };
  const one = CASE_PAGE.exec(path) ?? OPEN311_REQUEST.exec(path);
  if (one) return { kind: 'public', tags: [`case:${one[1]}`] };
  if (STATIC.some((r) => r.test(path))) return { kind: 'public', tags: ['static'] };
  return { kind: 'public', tags: ['agg'] };
}

/** Whether a change tagged `change` drops an entry tagged `entryTags`. */
export function drops(change: string, entryTags: readonly string[]): boolean {
  if (change === 'all') return true;
  if (entryTags.includes('agg')) return change.startsWith('case:') || change === 'drives';
  return entryTags.includes(change);
}

/** Paths whose text is the same in every language are not pages; their language comes from ?lang / Accept-Language. */
export const isPagePath = (path: string) => !/^\/(?:api|open311|feeds|data|uploads)\//.test(path);

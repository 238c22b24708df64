/**
 * Matching what a resident typed against the gazetteer (pure; the service reads the rows).
 * "人民广场" finds the one square; "人民广场东侧公交站" finds it too (the longest name inside the text wins);
 * "人民" finds several, and the resident chooses.
 */
export type Named = { id: number; name: string; aliases: readonly string[]; kind: string };
export type Resolution<P> = { kind: 'one'; place: P } | { kind: 'many'; candidates: P[] } | { kind: 'none' };

const CITY_PREFIX = /^(广东省|广东)?(阳江市|阳江)?(江城区|江城)?/;
const TRAILING = /(附近|周边|一带|旁边|对面|门口|路段|路口|那边|这边)$/;

/** The comparable form: NFKC, no spaces or punctuation, no city/district prefix, no trailing 附近/周边/路段… */
export function normalizePlace(s: string): string {
  let t = s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '').replace(CITY_PREFIX, '');
  for (let i = 0; i < 2 && TRAILING.test(t) && t.length > 3; i++) t = t.replace(TRAILING, '');
  return t;
}

const namesOf = (p: Named) => [p.name, ...p.aliases].map(normalizePlace).filter((n) => n.length >= 2);

/** How well `q` (normalized) fits a place: 3 exact name, 2 the text contains the name (by its length), 1 the name starts with the text. */
function fit(q: string, p: Named): { rank: number; len: number } | null {
  let best: { rank: number; len: number } | null = null;
  for (const n of namesOf(p)) {
    const f = n === q ? { rank: 3, len: n.length } : q.includes(n) ? { rank: 2, len: n.length }
      : n.startsWith(q) ? { rank: 1, len: q.length } : n.includes(q) && q.length >= 2 ? { rank: 0, len: q.length } : null;
    if (f && (!best || f.rank > best.rank || (f.rank === best.rank && f.len > best.len))) best = f;
  }
  return best;
}

/** Places that fit the typed text, best first (exact, then the longest name inside it, then names it begins). */
export function suggestPlaces<P extends Named>(typed: string, all: readonly P[], limit = 8): P[] {
  const q = normalizePlace(typed);
  if (q.length < 1) return [];
  return all.map((p) => ({ p, f: fit(q, p) }))
    .filter((x): x is { p: P; f: { rank: number; len: number } } => x.f !== null)
    .sort((a, b) => b.f.rank - a.f.rank || b.f.len - a.f.len || a.p.name.length - b.p.name.length || a.p.id - b.p.id)
    .slice(0, limit).map((x) => x.p);
}

/**
 * One place when the text names exactly one (an exact name, else the single longest name contained in it, else the only
 * name it begins); several when it could be more than one; none when nothing fits.
 */
export function resolvePlace<P extends Named>(typed: string, all: readonly P[]): Resolution<P> {
  const q = normalizePlace(typed);
  if (q.length < 2) return { kind: 'none' };
  const fits = all.map((p) => ({ p, f: fit(q, p) })).filter((x) => x.f !== null) as { p: P; f: { rank: number; len: number } }[];
  for (const rank of [3, 2, 1, 0]) {
    let at = fits.filter((x) => x.f.rank === rank);
    if (!at.length) continue;
    // "东风二路人民广场": the square on the road is the more exact answer; so is the bridge over 乔士桥路.
    if (rank >= 2 && at.some((x) => x.p.kind !== 'road')) at = at.filter((x) => x.p.kind !== 'road');
    const longest = Math.max(...at.map((x) => x.f.len));
    const best = at.filter((x) => x.f.len === longest || rank < 2).map((x) => x.p);
    if (best.length === 1) return { kind: 'one', place: best[0] };
    return { kind: 'many', candidates: suggestPlaces(typed, best, 8) };
  }
  return { kind: 'none' };
}

/** The nearest point place within `meters` (what a pin is near, in words: "人民广场附近"). */
export function nearestPlace<P extends { lat: number; lng: number; kind: string }>(
  lat: number, lng: number, all: readonly P[], meters: number, distance: (a: number, b: number, c: number, d: number) => number,
): P | null {
  let best: { p: P; d: number } | null = null;
  for (const p of all) {
    if (p.kind === 'district' || p.kind === 'road') continue;
    const d = distance(lat, lng, p.lat, p.lng);
    if (d <= meters && (!best || d < best.d)) best = { p, d };
  }
  return best?.p ?? null;
}

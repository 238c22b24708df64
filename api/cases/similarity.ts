/**
 * Are two reports about the same place? Typed addresses of one spot differ (人民广场东侧 / 人民广场东门),
 * while two spots on one long road share most of their words (东风二路银行门口 / 东风二路公交站).
 * Pure: character bigrams (Dice coefficient) over addresses normalised as the statistics normalise them,
 * without the city and district everyone types first; different house numbers, or different names in
 * front, are different places.
 */
import { normaliseAddress } from '../opendata/stats-places.ts';

/** An address at least this similar is offered as a duplicate candidate. */
export const ADDRESS_MATCH = 0.6;
/** A description this similar, at a place at least ADDRESS_NEAR alike, is offered too. */
export const DESCRIPTION_MATCH = 0.6;
export const ADDRESS_NEAR = 0.3;

// 省/市/区/县 typed before the place itself; 小区, 社区, 园区, 校区, 景区, 街区 are places, not districts.
const ADMIN_PREFIX = /^(?:\p{Script=Han}{2,6}?(?:省|自治区))?(?:\p{Script=Han}{1,6}?市)?(?:\p{Script=Han}{1,5}?(?<![小社园校景街营])[区县])?/u;
const HOUSE_NO = /(\d+)号/u;

/** The place as typed, without punctuation, spaces, a trailing 附近/周边…, and the city and district. */
export function placeKey(address: string): string {
  const n = normaliseAddress(address);
  const rest = n.replace(ADMIN_PREFIX, '');
  return rest.length >= 2 ? rest : n;
}

function bigrams(s: string): Set<string> {
  const chars = [...s];
  if (chars.length < 2) return new Set(chars);
  return new Set(chars.slice(1).map((c, i) => chars[i] + c));
}

/** Dice coefficient of the two strings' character bigrams: 0 (nothing shared) … 1 (the same). */
export function dice(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (!A.size || !B.size) return 0;
  let shared = 0;
  for (const g of A) if (B.has(g)) shared++;
  return (2 * shared) / (A.size + B.size);
}

/** How alike two typed addresses are, 0…1; 0 when either is empty or their house numbers differ. */
export function addressSimilarity(a: string, b: string): number {
  const ka = placeKey(a);
  const kb = placeKey(b);
  if (!ka || !kb) return 0;
  if (ka === kb) return 1;
  const na = HOUSE_NO.exec(ka)?.[1];
  const nb = HOUSE_NO.exec(kb)?.[1];
  if (na && nb && na !== nb) return 0;
  // The place's name comes first (碧桂园小区3栋 / 星河湾小区3栋 share everything but the name).
  if (!ka.includes([...kb].slice(0, 2).join('')) || !kb.includes([...ka].slice(0, 2).join(''))) return 0;
  return dice(ka, kb);
}

export const descriptionSimilarity = (a: string, b: string) => dice(normaliseAddress(a), normaliseAddress(b));

export type TextMatch = { score: number; by: 'address' | 'description' } | null;

/** Whether `b` should be offered as a duplicate of `a` by its text, and why. */
export function textMatch(a: { address: string; description: string }, b: { address: string; description: string }): TextMatch {
  const place = addressSimilarity(a.address, b.address);
  if (place >= ADDRESS_MATCH) return { score: place, by: 'address' };
  if (place >= ADDRESS_NEAR) {
    const said = descriptionSimilarity(a.description, b.description);
    if (said >= DESCRIPTION_MATCH) return { score: said, by: 'description' };
  }
  return null;
}

/** Three-character pieces of the place, for the trigram index (cases_fts) to narrow the cases to score. */
export function placeTrigrams(address: string, max = 12): string[] {
  const chars = [...placeKey(address)];
  if (chars.length < 3) return [];
  const all = [...new Set(chars.slice(2).map((c, i) => chars[i]! + chars[i + 1]! + c))];
  const step = Math.max(1, Math.ceil(all.length / max)); // spread over the whole address, not only its start
  return all.filter((_, i) => i % step === 0).slice(0, max);
}

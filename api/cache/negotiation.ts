/** What a client asked for in its request headers: the content coding (RFC 9110 §12.5.3) and a conditional GET (§13.1.2). */

export type Coding = 'br' | 'gzip';

/**
 * The coding to send: br if acceptable, else gzip, else none (identity). q-values are honoured: `br;q=0` refuses br,
 * `*` stands for any coding not named, and a higher q wins (br first on a tie, being smaller).
 */
export function pickCoding(acceptEncoding: string | undefined | null): Coding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [raw, ...params] = part.toLowerCase().split(';');
    const name = raw?.trim();
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(value) ? value : 0);
  }
  const star = q.get('*');
  const weight = (c: Coding) => q.get(c) ?? star ?? 0;
  const best = (['br', 'gzip'] as const).filter((c) => weight(c) > 0).sort((a, b) => weight(b) - weight(a))[0];
  return best ?? null;
}

/** The entity tags of an If-None-Match header ('*' kept as is); weak tags compare by their opaque part (weak comparison). */
export function parseIfNoneMatch(header: string | undefined | null): string[] {
  if (!header) return [];
  if (header.trim() === '*') return ['*'];
  return [...header.matchAll(/(?:W\/)?("[^"]*")/g)].map((m) => m[1]!);
}

/** Whether a conditional GET/HEAD with this If-None-Match gets a 304 for a representation tagged `etag`. */
export function notModified(ifNoneMatch: string | undefined | null, etag: string): boolean {
  const tags = parseIfNoneMatch(ifNoneMatch);
  const opaque = etag.replace(/^W\//, '');
  return tags.includes('*') || tags.includes(opaque);
}

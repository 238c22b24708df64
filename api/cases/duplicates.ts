/**
 * Duplicate candidates for a report: open cases of the same category (new, unaccepted reports included)
 * within ~100 m of its pin, or with a similarly typed address (similarity.ts), found through the
 * trigram index (cases_fts) and scored here. A page asks for many reports at once: the pinned open
 * cases of its categories are read once (see queries.ts for why), the text ones per report.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cases } from '../../db/schema.ts';
import { boxAround, distanceMeters } from '../shared/geo.ts';
import { placeTrigrams, textMatch } from './similarity.ts';
import { OPEN_STATES } from './workflow.ts';

export const NEARBY_METERS = 100;
const MAX_CANDIDATES = 5;
const TEXT_SCAN = 40; // cases the index offers per report before scoring

const candidateColumns = {
  id: cases.id, categoryId: cases.categoryId, trackingNo: cases.trackingNo, state: cases.state, address: cases.address,
  description: cases.description, createdAt: cases.createdAt, supporters: cases.supporters, lat: cases.lat, lng: cases.lng,
};
type Open = { id: number; categoryId: string; trackingNo: string; state: string; address: string; description: string;
  createdAt: Date; supporters: number; lat: number | null; lng: number | null };
export type Subject = Pick<Open, 'id' | 'categoryId' | 'lat' | 'lng' | 'address' | 'description'>;
export type Candidate = {
  trackingNo: string; state: string; address: string; createdAt: Date; supporters: number;
  distance: number | null; // metres, when both have a pin within NEARBY_METERS
  similarity: number | null; // 0…1, when the typed text matched
  by: 'pin' | 'address' | 'description';
};

const openCase = (categoryIds: string[]) => and(inArray(cases.state, OPEN_STATES), inArray(cases.categoryId, [...new Set(categoryIds)]), eq(cases.hidden, false));

export function createDuplicates(db: Db) {
  /** The pinned open cases of these categories, read once for a page of reports. */
  const pinnedOpen = (categoryIds: string[]): Open[] => (categoryIds.length
    ? db.select(candidateColumns).from(cases).where(and(openCase(categoryIds), sql`${cases.lat} is not null`)).all() : []);

  function byPin(c: Subject, open: Open[]) {
    if (c.lat === null || c.lng === null) return [];
    const box = boxAround(c.lat, c.lng, NEARBY_METERS);
    return open.filter((o) => o.categoryId === c.categoryId && o.id !== c.id && o.lat! >= box.south && o.lat! <= box.north
      && o.lng! >= box.west && o.lng! <= box.east)
      .map((o) => ({ o, distance: Math.round(distanceMeters(c.lat!, c.lng!, o.lat!, o.lng!)) }))
      .filter((x) => x.distance <= NEARBY_METERS);
  }

  function byText(c: Subject) {
    const grams = placeTrigrams(c.address);
    if (!grams.length) return [];
    const match = `address : (${grams.map((g) => `"${g.replaceAll('"', '""')}"`).join(' OR ')})`;
    const rows: Open[] = db.select(candidateColumns).from(cases)
      .where(and(openCase([c.categoryId]), ne(cases.id, c.id), sql`${cases.id} in (select rowid from cases_fts where cases_fts match ${match})`))
      .limit(TEXT_SCAN).all();
    return rows.flatMap((o) => {
      const m = textMatch(c, o);
      return m ? [{ o, m }] : [];
    });
  }

  /** Up to five candidates: by pin nearest first, then by text most alike first. */
  function of(c: Subject, open: Open[] = pinnedOpen([c.categoryId])): Candidate[] {
    const out = new Map<number, Candidate>();
    const view = (o: Open) => ({ trackingNo: o.trackingNo, state: o.state, address: o.address, createdAt: o.createdAt, supporters: o.supporters });
    for (const { o, distance } of byPin(c, open).sort((a, b) => a.distance - b.distance)) {
      out.set(o.id, { ...view(o), distance, similarity: null, by: 'pin' });
    }
    for (const { o, m } of byText(c).sort((a, b) => b.m.score - a.m.score)) {
      const seen = out.get(o.id);
      if (seen) seen.similarity = m.score;
      else out.set(o.id, { ...view(o), distance: null, similarity: m.score, by: m.by });
    }
    return [...out.values()].slice(0, MAX_CANDIDATES);
  }

  return { of, pinnedOpen };
}

export type Duplicates = ReturnType<typeof createDuplicates>;

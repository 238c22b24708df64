/**
 * Plans the demo city's reports: who reported what, where, when, and how far each case got by `now`.
 * Pure and deterministic: the same inputs (and seed) always give the same plan; no I/O, no clock.
 */
import type { WorkCalendar } from '../cases/deadlines.ts';
import type { CaseState } from '../cases/workflow.ts';
import type { Category, Unit } from '../reports/categories.ts';
import { inBounds, type Bounds } from '../shared/geo.ts';
import { shanghaiDate } from '../shared/time.ts';
import { PLACES, placeWeight, type Place } from './places.ts';
import { mulberry32, type Rng } from './rng.ts';
import * as T from './texts.ts';
import { chain, fieldsOf, HOLDABLE, type Fate, type PlanEvent } from './timeline.ts';

/** How often each category is reported, after the bureau's report (street vending and garbage first). */
export const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  street_vending: 16, exposed_garbage: 13, bin_overflow: 11, open_bbq: 9, illegal_flyers: 9, outside_trading: 6,
  streetlight_out: 6, cooking_fumes: 5, burning_waste: 4, manhole_cover: 4, blocked_drain: 4, dirty_greenspace: 4,
  illegal_billboard: 3, unpermitted_digging: 2, site_fencing: 2, bare_soil: 2, other: 2,
};

/** Distinct pictures drawn per category: more for the common ones, fewer for a small city (tests). */
export function poolSize(categoryId: string, count: number): { before: number; after: number } {
  const w = CATEGORY_WEIGHTS[categoryId] ?? 0;
  if (count < 100) return { before: w >= 9 ? 2 : 1, after: 1 };
  return w >= 9 ? { before: 5, after: 2 } : w >= 4 ? { before: 3, after: 1 } : { before: 2, after: 1 };
}

export type PlannedCase = {
  categoryId: string;
  place: Place;
  createdAt: Date;
  lat: number | null;
  lng: number | null;
  address: string;
  description: string;
  publish: boolean;
  reporterName: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  fate: Fate;
  events: PlanEvent[]; // the log up to `now`
  fields: ReturnType<typeof fieldsOf>;
  parent: PlannedCase | null; // the case a duplicate joins
  supporters: number;
  supportAt: Date[];
  before: number[]; // picture variants from the category's pool
  after: number | null;
  rating: { rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; at: Date } | null; // the reporter's, once closed
};

export type PlanInput = {
  now: Date; count: number; seed: number; categories: Category[]; units: Unit[]; cal: WorkCalendar; bounds: Bounds;
  /** How far back reports go (the benchmark's 100k city spreads them over three years). */
  historyDays?: number;
};

const DAY = 86_400_000;
/** Five quarters before the current one (2025-Q3 … 2026-Q4 from late November 2026): the quarterly report compares. */
const HISTORY_DAYS = 510;
type Hours = readonly (readonly [number, number])[];
const HOURS: Readonly<Record<string, Hours>> = {
  day: [[7, 2], [8, 4], [9, 4], [10, 3], [11, 3], [12, 2], [13, 1], [14, 2], [15, 2], [16, 2], [17, 3], [18, 3], [19, 3], [20, 3], [21, 2], [22, 1]],
  evening: [[18, 2], [19, 4], [20, 5], [21, 5], [22, 4], [23, 2], [0, 1]],
  afternoon: [[14, 2], [15, 3], [16, 4], [17, 4], [18, 3], [19, 2]],
  morning: [[6, 1], [7, 4], [8, 4], [9, 3], [10, 2], [16, 1], [17, 2], [18, 2]],
};
const PROFILE: Readonly<Record<string, string>> = {
  open_bbq: 'evening', streetlight_out: 'evening', burning_waste: 'afternoon', exposed_garbage: 'morning', bin_overflow: 'morning',
};

// Each state a demo must show, the path that ends there, and how long ago (days) to start looking.
const PINNED: readonly [CaseState, Fate, number][] = [
  ['submitted', 'closed', 0], ['accepted', 'closed', 0.3], ['dispatched', 'closed', 0.6], ['in_progress', 'closed', 1],
  ['resolved', 'closed', 2], ['on_hold', 'onHold', 20], ['rejected', 'rejected', 4], ['closed', 'rework', 25],
];

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
/** Joins phrases as people type them: no "！，" where two pieces of punctuation meet. */
const join = (...parts: string[]) => parts.reduce((acc, p) => (/[！!。，]$/.test(acc) && /^[，。]/.test(p) ? acc + p.slice(1) : acc + p), '');
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A local (Asia/Shanghai) wall-clock time on the local date of `day`. */
function localAt(day: Date, hour: number, minute: number, second: number): Date {
  const [y, m, d] = shanghaiDate(day).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour - 8, minute, second));
}

function around(rng: Rng, lat: number, lng: number, meters: number): [number, number] {
  const dist = meters * Math.sqrt(rng());
  const angle = rng() * 2 * Math.PI;
  const la = lat + (dist * Math.cos(angle)) / 111_320;
  const ln = lng + (dist * Math.sin(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180));
  return [Math.round(la * 1e6) / 1e6, Math.round(ln * 1e6) / 1e6];
}

const fakePhone = (rng: Rng) => `13800138${pad(rng.int(0, 999), 3)}`;
const fakeId = (rng: Rng) => `441702${rng.int(1958, 2002)}${pad(rng.int(1, 12))}${pad(rng.int(1, 28))}${pad(rng.int(0, 999), 3)}${rng.pick([...'0123456789X'])}`;

function reporter(rng: Rng) {
  const kind = rng.weighted([['anonymous', 40], ['phone', 42], ['full', 13], ['email', 5]] as const);
  if (kind === 'anonymous') return { reporterName: null, reporterPhone: null, reporterEmail: null };
  const surname = rng.pick(T.SURNAMES);
  return {
    reporterName: surname + rng.pick(T.TITLES),
    reporterPhone: kind === 'email' ? null : fakePhone(rng),
    reporterEmail: kind === 'full' || kind === 'email' ? `${T.PINYIN[surname]}${rng.int(60, 99)}@example.com` : null,
  };
}

/** Categories for `count` reports in the exact proportions of CATEGORY_WEIGHTS (largest remainder), shuffled. */
function categoryDeck(r: Rng, cats: Category[], count: number): Category[] {
  const total = cats.reduce((n, c) => n + CATEGORY_WEIGHTS[c.id]!, 0);
  const quota = cats.map((c) => ({ c, exact: (count * CATEGORY_WEIGHTS[c.id]!) / total }));
  const deck = quota.flatMap((q) => Array<Category>(Math.floor(q.exact)).fill(q.c));
  const byRemainder = [...quota].sort((a, b) => (b.exact % 1) - (a.exact % 1));
  for (let i = 0; deck.length < count; i++) deck.push(byRemainder[i % byRemainder.length]!.c);
  return r.sample(deck, deck.length);
}

export function planDemo(input: PlanInput): PlannedCase[] {
  const { now, cal, bounds } = input;
  const root = mulberry32(input.seed);
  const cats = input.categories.filter((c) => (CATEGORY_WEIGHTS[c.id] ?? 0) > 0);
  if (!cats.length) throw new Error('demo seed: none of the default categories is active (run seedCatalog first)');
  const run = (c: Category, fate: Fate, createdAt: Date, seed: number, extra: { forceAccept?: boolean; forceStart?: boolean; notBefore?: Date } = {}) =>
    chain({ rng: mulberry32(seed), cal, category: c, units: input.units, fate, createdAt, ...extra });

  /** Everything but the timeline: the report as the resident filed it. */
  function report(r: Rng, c: Category, place: Place, near?: [number, number]) {
    const spot = r.pick(place.spots);
    const who = reporter(r);
    const [la, ln] = near ? around(r, near[0], near[1], 40) : around(r, place.lat, place.lng, 300);
    const pin = r.chance(0.88) && inBounds(bounds, la, ln); // a pin outside the city's bounds would be refused
    const [lat, lng] = pin ? [la, ln] : [null, null];
    const stem = r.pick(place.stems);
    const typed = r.weighted([[`${stem}${spot}`, 55], [`${place.short}${spot}`, 25], [`${stem}附近`, 20]] as const);
    const address = !pin || r.chance(0.65) ? typed : '';
    const vars = { p: place.short, s: spot, t: r.pick(T.WHEN), d: r.pick(T.HOW_LONG), phone: who.reporterPhone ?? fakePhone(r), id: fakeId(r) };
    const overshare = r.chance(0.04) ? fill(r.pick(T.OVERSHARE), vars) : '';
    const description = join(r.pick(T.OPENERS), fill(r.pick(T.DESCRIPTIONS[c.id] ?? T.DESCRIPTIONS.other!), vars), overshare, r.pick(T.CLOSERS));
    const size = poolSize(c.id, input.count);
    const before = r.chance(0.65) ? r.sample([...Array(size.before).keys()], r.weighted([[1, 50], [2, 35], [3, 15]] as const)) : [];
    return { lat, lng, address, description, publish: r.chance(0.94), ...who, before, afterVariant: r.int(0, size.after - 1) };
  }

  function finish(r: Rng, c: Category, place: Place, rep: ReturnType<typeof report>, fate: Fate, events: PlanEvent[], parent: PlannedCase | null = null): PlannedCase {
    const fields = fieldsOf(events, c.unitId);
    const { afterVariant, ...filed } = rep;
    return {
      categoryId: c.id, place, createdAt: events[0]!.at, ...filed, fate, events, fields, parent,
      supporters: r.weighted([[0, 50], [1, 12], [2, 10], [3, 8], [4, 5], [5, 4], [6, 3], [8, 3], [10, 2], [12, 1]] as const),
      supportAt: [], after: fields.state === 'resolved' || fields.state === 'closed' ? afterVariant : null,
      rating: fields.state === 'closed' && fields.closedAt ? rate(r, fields.closedAt) : null,
    };
  }

  /** About half the reporters rate a closed case, mostly satisfied; 不满意 after 7 days is only recorded (no reopening). */
  function rate(r: Rng, closedAt: Date): PlannedCase['rating'] {
    if (!r.chance(0.45)) return null;
    const rating = r.weighted([['satisfied', 74], ['basically_satisfied', 18], ['unsatisfied', 8]] as const);
    const at = new Date(closedAt.getTime() + (rating === 'unsatisfied' ? r.between(7.5, 20) : r.between(0.05, 3)) * DAY);
    return at.getTime() <= now.getTime() ? { rating, at } : null;
  }

  function baseCase(r: Rng, c: Category, pinned?: (typeof PINNED)[number]): PlannedCase {
    const place = r.weighted(PLACES.map((p) => [p, placeWeight(p, c.id)] as const));
    const rep = report(r, c, place);
    const holdable = HOLDABLE.has(c.id);
    const fate: Fate = pinned?.[1] ?? r.weighted([['closed', 76], ['rework', 7], ['holdResume', holdable ? 3 : 0], ['onHold', holdable ? 4 : 0], ['stuck', 1.5], ['rejected', 8]] as const);
    const seed = Math.floor(r() * 2 ** 32);
    const hour = r.weighted(HOURS[PROFILE[c.id] ?? 'day']!);
    const [minute, second] = [r.int(0, 59), r.int(0, 59)];
    let events: PlanEvent[];
    if (!pinned) {
      let createdAt = localAt(new Date(now.getTime() - (input.historyDays ?? HISTORY_DAYS) * r() ** 1.25 * DAY), hour, minute, second);
      if (createdAt.getTime() > now.getTime() - 60_000) createdAt = new Date(createdAt.getTime() - DAY);
      events = run(c, fate, createdAt, seed).filter((e) => e.at.getTime() <= now.getTime());
    } else if (pinned[0] === 'submitted') {
      events = run(c, fate, new Date(now.getTime() - r.between(1, 8) * 60_000), seed).slice(0, 1); // staff act ≥ 8 min later
    } else {
      // Walk back until the whole path up to the pinned state fits before now.
      const extra = { forceAccept: pinned[0] === 'accepted', forceStart: pinned[0] === 'in_progress' };
      for (let back = pinned[2]; ; back += 0.5) {
        const all = run(c, fate, new Date(now.getTime() - back * DAY), seed, extra);
        events = all.slice(0, all.findIndex((e) => e.to === pinned[0]) + 1);
        if (events[events.length - 1]!.at.getTime() <= now.getTime()) break;
      }
    }
    return finish(r, c, place, rep, fate, events);
  }

  function duplicateOf(r: Rng, parent: PlannedCase): PlannedCase {
    const c = cats.find((x) => x.id === parent.categoryId)!;
    const rep = report(r, c, parent.place, parent.lat !== null ? [parent.lat, parent.lng!] : undefined);
    const latest = Math.min(parent.createdAt.getTime() + r.between(1, 72) * 3_600_000, now.getTime() - 2 * DAY);
    const createdAt = new Date(Math.max(latest, parent.createdAt.getTime() + 600_000));
    const notBefore = parent.fields.acceptedAt ?? undefined;
    const events = run(c, 'duplicate', createdAt, Math.floor(r() * 2 ** 32), { notBefore }).filter((e) => e.at.getTime() <= now.getTime());
    parent.supporters = Math.min(12, parent.supporters + r.int(1, 3));
    return finish(r, c, parent.place, rep, 'duplicate', events, parent);
  }

  const pinned = input.count >= 20 ? PINNED : [];
  const dups = input.count >= 20 ? Math.max(1, Math.round(input.count * 0.06)) : 0;
  const deck = categoryDeck(root.fork(), cats, input.count);
  const cases: PlannedCase[] = [];
  for (let i = 0; i < input.count - dups; i++) cases.push(baseCase(root.fork(), deck[i]!, pinned[i]));
  // Who a duplicate can join, kept up to date as duplicates are added (refiltering per duplicate is quadratic at 100k).
  const joinable = (p: PlannedCase, minAgeDays: number) => p.fate !== 'rejected' && !!p.fields.acceptedAt
    && p.createdAt.getTime() < now.getTime() - minAgeDays * DAY;
  const candidates = new Map([14, 3].map((days) => [days, cases.filter((p) => joinable(p, days))]));
  for (let j = 0; j < dups; j++) {
    const r = root.fork();
    const parents = candidates.get(j === 0 ? 14 : 3)!;
    const added = parents.length ? duplicateOf(r, r.pick(parents)) : baseCase(r, deck[input.count - dups + j]!);
    cases.push(added);
    for (const [days, list] of candidates) if (joinable(added, days)) list.push(added);
  }

  // "Me too" clicks while the case was public and open.
  for (const c of cases) {
    const r = root.fork();
    const from = c.events.find((e) => e.to !== 'submitted' && !['rejected', 'duplicate'].includes(e.to))?.at;
    const until = c.events.find((e) => ['closed', 'rejected', 'duplicate'].includes(e.to))?.at ?? now;
    if (!from || c.fate === 'duplicate') c.supporters = 0;
    else c.supportAt = Array.from({ length: c.supporters }, () => new Date(r.between(from.getTime(), until.getTime())));
  }
  return cases.map((c, i) => [c, i] as const)
    .sort(([a, i], [b, j]) => a.createdAt.getTime() - b.createdAt.getTime() || i - j).map(([c]) => c);
}

/**
 * The places with most reports. Reports are grouped by their typed address, normalised; a report with only
 * a map pin joins the address typed most often in its ~100 m grid cell, or, if nobody typed one there,
 * stays with its cell (labelled by coordinates). Pure.
 */
import { maskPersonalData } from '../shared/masking.ts';

export type PlaceRow = { address: string; lat: number | null; lng: number | null };
export type Place = { label: string | null; lat: number | null; lng: number | null; count: number };

const CELL_DEG = 0.0009; // ≈ 100 m of latitude

/** A ~100 m cell: longitude steps widen with the cosine of the (whole-degree) latitude so cells stay square. */
export function cellOf(lat: number, lng: number): string {
  const lngStep = CELL_DEG / Math.cos((Math.round(lat) * Math.PI) / 180);
  return `${Math.floor(lat / CELL_DEG)}:${Math.floor(lng / lngStep)}`;
}

function cellCentre(cell: string, lat: number): [number, number] {
  const [y, x] = cell.split(':').map(Number) as [number, number];
  const lngStep = CELL_DEG / Math.cos((Math.round(lat) * Math.PI) / 180);
  return [Number(((y + 0.5) * CELL_DEG).toFixed(4)), Number(((x + 0.5) * lngStep).toFixed(4))];
}

/** '人民广场 东侧，附近' and '人民广场东侧' are one place: width, spaces, punctuation and a trailing 附近 do not count. */
export function normaliseAddress(address: string): string {
  return address.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '').replace(/(附近|周边|一带|旁边|对面)$/u, '');
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The key counted most often, the first in code-point order on a tie; one pass (it runs for every place and cell). */
function mostCommon(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let most = -Infinity;
  for (const [key, n] of counts) if (n > most || (n === most && cmp(key, best!) < 0)) [best, most] = [key, n];
  return best;
}

function bump<K>(m: Map<K, number>, k: K, by = 1) {
  m.set(k, (m.get(k) ?? 0) + by);
}

/** A count of reports at one typed address (maybe '') and cell (null without a pin): per report, or a rollup row. */
export type PlaceCount = { address: string; cell: string | null; lat: number | null; count: number };

export function topPlaces(rows: PlaceRow[], n: number): Place[] {
  return rankPlaces(rows.map((r) => {
    const pinned = r.lat !== null && r.lng !== null;
    return { address: r.address, cell: pinned ? cellOf(r.lat!, r.lng!) : null, lat: r.lat, count: 1 };
  }), n);
}

export function rankPlaces(rows: PlaceCount[], n: number): Place[] {
  const groups = new Map<string, { count: number; labels: Map<string, number>; lat: number | null; lng: number | null }>();
  const typedIn = new Map<string, Map<string, number>>(); // cell → address key → reports
  const pinOnly = new Map<string, { count: number; lat: number }>();

  const normalised = new Map<string, string>(); // rollup rows repeat an address across days and cells: normalise each once
  for (const r of rows) {
    const typed = r.address.trim();
    const norm = normalised.get(typed) ?? normalised.set(typed, normaliseAddress(typed)).get(typed)!;
    if (typed && norm) {
      const key = `a:${norm}`;
      const g = groups.get(key) ?? { count: 0, labels: new Map(), lat: null, lng: null };
      g.count += r.count;
      bump(g.labels, typed, r.count);
      groups.set(key, g);
      if (r.cell !== null) {
        if (!typedIn.has(r.cell)) typedIn.set(r.cell, new Map());
        bump(typedIn.get(r.cell)!, key, r.count);
      }
    } else if (r.cell !== null) {
      pinOnly.set(r.cell, { count: (pinOnly.get(r.cell)?.count ?? 0) + r.count, lat: r.lat! });
    }
  }
  for (const [cell, { count, lat }] of pinOnly) {
    const key = typedIn.has(cell) ? mostCommon(typedIn.get(cell)!)! : `c:${cell}`;
    let g = groups.get(key);
    if (!g) { const [clat, clng] = cellCentre(cell, lat); g = { count: 0, labels: new Map(), lat: clat, lng: clng }; }
    g.count += count;
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => {
      const label = mostCommon(g.labels);
      return { label: label === null ? null : maskPersonalData(label), lat: label === null ? g.lat : null, lng: label === null ? g.lng : null, count: g.count };
    })
    .sort((a, b) => b.count - a.count || cmp(a.label ?? '\uffff', b.label ?? '\uffff') || (a.lat ?? 0) - (b.lat ?? 0) || (a.lng ?? 0) - (b.lng ?? 0))
    .slice(0, n);
}

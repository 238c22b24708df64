import type { Db } from '../../db/client.ts';
import { CASE_STATES } from '../../db/vocabulary.ts';
import { STATES_OF, isPublicState } from '../cases/workflow.ts';
import { shanghaiMidnight } from '../shared/time.ts';
import { cellSize, type MapCell, type MapQuery } from './map.ts';
import type { PublicFilters } from './public-cases.ts';

/** The most cells one answer carries (as the SQL grid's LIMIT). */
export const MAX_CELLS = 2000;
const EMPTY = 255; // a free slot's state code
const DAY_MS = 86_400_000;
const STATE_CODE = new Map<string, number>(CASE_STATES.map((s, i) => [s, i]));
const FIXED = new Uint8Array(CASE_STATES.map((s) => +STATES_OF.fixed.includes(s)));
const CLOSED = new Uint8Array(CASE_STATES.map((s) => +STATES_OF.closed.includes(s)));
const DENSE_MAX = 1 << 20; // cells in the box up to which counting uses a flat array (4 MB, briefly)

/** The filters the index answers; the others (flag, due dates) go to SQL (`indexable`). */
export type IndexQuery = Partial<Pick<PublicFilters, 'category' | 'status' | 'unit' | 'from' | 'to' | 'bbox'>>;
export const indexable = (f: Partial<PublicFilters>) => !f.flag && !f.due_from && !f.due_to;

type Row = { key: string; seq: number; no: string | null; cat: string | null; unit: string | null; state: string | null; hidden: number | null; lat: number | null; lng: number | null; created: number | null };

/** Names ↔ small numbers (categories, units), so a case's slot holds numbers only; 0 is none. */
function interner() {
  const codes = new Map<string, number>();
  const names: string[] = [''];
  return {
    code(name: string | null) {
      if (name === null) return 0;
      let c = codes.get(name);
      if (c === undefined) { codes.set(name, (c = names.length)); names.push(name); }
      return c;
    },
    /** A name from a query: never added (a query must not grow the table); -1 when no case has it. */
    find: (name: string) => codes.get(name) ?? -1,
    name: (code: number) => names[code],
  };
}

/**
 * The public cases in memory — each as a slot in typed arrays (position or NaN, state, category, unit, created) — so
 * the map's clusters and the /reports total are one pass over numbers instead of a SQL GROUP BY or COUNT(*) over the
 * table: at 100k cases a few MB and a few milliseconds. Current across processes: triggers on `cases` bump the case's
 * tag in `cache_changes` with a rising seq (any writer, raw SQL included); each query first reads the rows past the
 * last seq it saw (an index seek that finds nothing when nothing changed) and refreshes those slots. Built in full on
 * first use, and again when the log went backwards (a restore under the server).
 */
export function createMapIndex(db: Db) {
  const sql = db.$client;
  const COLS = `c.tracking_no no, c.category_id cat, c.unit_id unit, c.state, c.hidden, c.lat, c.lng, c.created_at created`;
  const all = sql.prepare(`select c.tracking_no key, 0 seq, ${COLS} from cases c`);
  const lastSeq = sql.prepare('select coalesce(max(seq), 0) from cache_changes').pluck();
  // The response cache's change log (api/cache/changes.ts): one row per changed case, tagged case:<tracking no>.
  const changed = sql.prepare(`select substr(ch.tag, 6) key, ch.seq, ${COLS} from cache_changes ch
    left join cases c on c.tracking_no = substr(ch.tag, 6) where ch.seq > ? and ch.tag like 'case:%' order by ch.seq`);
  const cats = interner();
  const units = interner();
  const slotOf = new Map<string, number>(); // by tracking number, as the change log names cases
  const free: number[] = [];
  let seen = -1; // -1: not built yet
  let size = 0;
  let lat = new Float64Array(0), lng = new Float64Array(0), created = new Float64Array(0);
  let cat = new Uint16Array(0), unit = new Uint16Array(0), state = new Uint8Array(0);
  let nos: string[] = [];

  function grow() {
    const cap = Math.max(1024, size * 2);
    const copy = <A extends Float64Array | Uint16Array | Uint8Array>(a: A, make: (n: number) => A) => { const b = make(cap); b.set(a); return b; };
    lat = copy(lat, (n) => new Float64Array(n)); lng = copy(lng, (n) => new Float64Array(n)); created = copy(created, (n) => new Float64Array(n));
    cat = copy(cat, (n) => new Uint16Array(n)); unit = copy(unit, (n) => new Uint16Array(n));
    state = copy(state, (n) => new Uint8Array(n).fill(EMPTY));
  }

  /** Puts a case in its slot, or frees the slot when it is gone, no longer public or has no pin. */
  function apply(r: Row) {
    const slot = slotOf.get(r.key);
    const shown = r.state !== null && isPublicState(r.state as never) && !r.hidden;
    if (!shown) {
      if (slot !== undefined) { state[slot] = EMPTY; nos[slot] = ''; slotOf.delete(r.key); free.push(slot); }
      return;
    }
    let s = slot ?? free.pop();
    if (s === undefined) {
      if (size === state.length) grow();
      s = size++;
    }
    slotOf.set(r.key, s);
    lat[s] = r.lat ?? NaN; lng[s] = r.lng ?? NaN; created[s] = r.created!; // NaN: no pin, never in a box
    cat[s] = cats.code(r.cat); unit[s] = units.code(r.unit); state[s] = STATE_CODE.get(r.state!)!; nos[s] = r.no!;
  }

  function refresh() {
    if (seen < 0) {
      // One snapshot: the seq first, then the rows, so no change between the two is lost.
      sql.transaction(() => {
        seen = lastSeq.get() as number;
        for (const r of all.iterate() as Iterable<Row>) apply(r);
      })();
      return;
    }
    if ((lastSeq.get() as number) < seen) { // restored under us: start again
      slotOf.clear(); free.length = 0; size = 0; state.fill(EMPTY); seen = -1;
      return refresh();
    }
    for (const r of changed.all(seen) as Row[]) { apply(r); seen = r.seq; }
  }

  /** Calls `visit` with each public case's slot that the filters keep (the box only when one is given). */
  function scan(f: IndexQuery, visit: (slot: number, lat: number, lng: number, state: number) => void) {
    refresh();
    const [west, south, east, north] = f.bbox ?? [-Infinity, -Infinity, Infinity, Infinity];
    const boxed = !!f.bbox;
    const catsWanted = f.category?.length ? new Set(f.category.map(cats.find)) : null;
    const states = f.status ? new Set(STATES_OF[f.status].map((s) => STATE_CODE.get(s)!)) : null;
    const unitWanted = f.unit ? units.find(f.unit) : 0;
    const from = f.from ? shanghaiMidnight(f.from).getTime() : -Infinity;
    const to = f.to ? shanghaiMidnight(f.to).getTime() + DAY_MS : Infinity;
    for (let s = 0; s < size; s++) {
      const st = state[s]!;
      if (st === EMPTY) continue;
      const y = lat[s]!, x = lng[s]!;
      if (boxed && !(y >= south && y <= north && x >= west && x <= east)) continue;
      if (catsWanted && !catsWanted.has(cat[s]!)) continue;
      if (states && !states.has(st)) continue;
      if (unitWanted !== 0 && unit[s] !== unitWanted) continue;
      const t = created[s]!;
      if (t < from || t >= to) continue;
      visit(s, y, x, st);
    }
  }

  return {
    /** Clusters as mapCells computes them (the same cells, counts and order) for the filters the map offers. */
    cells(f: MapQuery, zoom: number): MapCell[] {
      const cs = cellSize(zoom);
      const [west, south, east, north] = f.bbox;
      // Cells are numbered within the box (row-major from its south-west cell): a dense array when the box holds few
      // enough cells (any real map view), a Map otherwise (a client asking for the world at street zoom).
      const x0 = Math.floor(west / cs), y0 = Math.floor(south / cs);
      const cols = Math.floor(east / cs) - x0 + 1, cells = cols * (Math.floor(north / cs) - y0 + 1);
      const dense = cells <= DENSE_MAX ? new Int32Array(cells) : null; // group number + 1; 0: none yet
      const sparse = dense ? null : new Map<number, number>();
      const groups: { cx: number; cy: number; count: number; fixed: number; closed: number; first: number }[] = [];
      scan(f, (s, y, x, st) => {
        const cx = Math.floor(x / cs), cy = Math.floor(y / cs);
        const k = (cy - y0) * cols + (cx - x0);
        let g = (dense ? dense[k]! : sparse!.get(k) ?? 0) - 1;
        if (g < 0) {
          g = groups.length;
          groups.push({ cx, cy, count: 0, fixed: 0, closed: 0, first: s });
          if (dense) dense[k] = g + 1; else sparse!.set(k, g + 1);
        }
        const a = groups[g]!;
        a.count++; a.fixed += FIXED[st]!; a.closed += CLOSED[st]!;
      });
      // SQLite's GROUP BY hands groups out in (cx, cy) order; the same order, and the same first MAX_CELLS.
      groups.sort((a, b) => a.cx - b.cx || a.cy - b.cy);
      return groups.slice(0, MAX_CELLS).map(({ cx, cy, count, fixed, closed, first: s }) => {
        const base = { count, fixed, closed, open: count - fixed - closed };
        if (count > 1) return { lat: (cy + 0.5) * cs, lng: (cx + 0.5) * cs, ...base };
        return { lat: lat[s]!, lng: lng[s]!, ...base, trackingNo: nos[s]!, categoryId: cats.name(cat[s]!), state: CASE_STATES[state[s]!]! };
      });
    },
    /** How many public cases the filters keep (with or without a pin): the /reports total without a COUNT(*). */
    count(f: IndexQuery) {
      let n = 0;
      scan(f, () => { n++; });
      return n;
    },
    /** Public cases held (for tests and the benchmark's memory note). */
    size: () => slotOf.size,
  };
}

export type MapIndex = ReturnType<typeof createMapIndex>;

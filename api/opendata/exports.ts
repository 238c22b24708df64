import { Hono } from 'hono';
import { csvStream } from '../shared/csv.ts';
import { pullStream } from '../shared/streams.ts';
import type { AppEnv } from '../env.ts';
import { parseInput } from '../shared/errors.ts';
import { apiLang } from '../shared/http.ts';
import { shanghaiDate, shanghaiDateTime } from '../shared/time.ts';
import { iso, labelsFor, type Labels } from './labels.ts';
import { publicFilters, type PublicCase, type PublicFilters } from './public-cases.ts';

const filtersOf = (query: Record<string, string>): PublicFilters => parseInput(publicFilters, query);

/** RFC 7946: [lng, lat], 6 decimals (~0.1 m); a case without a pin keeps its row with a null geometry. */
function feature(p: PublicCase, L: Labels) {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    type: 'Feature',
    geometry: p.lat !== null && p.lng !== null ? { type: 'Point', coordinates: [round(p.lng), round(p.lat)] } : null,
    properties: {
      trackingNo: p.trackingNo, categoryId: p.categoryId, category: L.categoryName(p.categoryId), state: p.state, stateName: L.state(p.state),
      bucket: p.bucket, address: p.address, description: p.description, unitId: p.unitId, unit: L.unitName(p.unitId),
      supporters: p.supporters, rating: p.rating, onTime: p.onTime, createdAt: iso(p.createdAt), acceptedAt: iso(p.acceptedAt),
      dueAt: iso(p.dueAt), closedAt: iso(p.closedAt), updatedAt: iso(p.updatedAt), url: L.caseUrl(p.trackingNo),
    },
  };
}

function* geojson(rows: Generator<PublicCase>, L: Labels) {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for (const p of rows) {
    yield (first ? '\n' : ',\n') + JSON.stringify(feature(p, L));
    first = false;
  }
  yield '\n]}\n';
}

const COLUMNS = ['tracking_no', 'category', 'category_id', 'national_code', 'state', 'status', 'address', 'lat', 'lng', 'description', 'unit',
  'reported_at', 'accepted_at', 'due_at', 'closed_at', 'on_time', 'supporters', 'rating', 'url'] as const;

// A cell starting with = + - @ is a formula to Excel and WPS: residents' text must stay text.
// Local time in a form Excel and WPS read as a date (ISO with an offset stays text there).
const local = (d: Date | null) => (d ? shanghaiDateTime(d) : '');

function* csvRows(rows: Generator<PublicCase>, L: Labels) {
  const w = L.t.opendata.csv;
  for (const p of rows) {
    yield {
      tracking_no: p.trackingNo, category: L.categoryName(p.categoryId), category_id: p.categoryId,
      national_code: L.category(p.categoryId)?.nationalCode ?? '', state: L.state(p.state), status: L.bucket(p.bucket),
      address: p.address, lat: p.lat ?? '', lng: p.lng ?? '', description: p.description, unit: L.unitName(p.unitId),
      reported_at: local(p.createdAt), accepted_at: local(p.acceptedAt), due_at: local(p.dueAt), closed_at: local(p.closedAt),
      on_time: p.onTime === null ? '' : p.onTime ? w.yes : w.no, supporters: p.supporters, rating: L.rating(p.rating), url: L.caseUrl(p.trackingNo),
    };
  }
}

const download = (name: string) => `attachment; filename="${name}"`;

/** /data: every public case matching the list's filters (paging ignored), streamed. */
export const exportRoutes = new Hono<AppEnv>()
  .get('/cases.geojson', (c) => {
    const { services } = c.var;
    const rows = services.publicCases.iterate(filtersOf(c.req.query()));
    return c.body(pullStream(geojson(rows, labelsFor(services, apiLang(c)))), 200, {
      'Content-Type': 'application/geo+json; charset=utf-8', 'Cache-Control': 'public, max-age=60',
    });
  })
  .get('/cases.csv', (c) => {
    const { services } = c.var;
    const L = labelsFor(services, apiLang(c));
    const rows = services.publicCases.iterate(filtersOf(c.req.query()));
    // Chinese headers by default, English ones with ?lang=en; BOM and CRLF so Excel and WPS open it as UTF-8.
    const header = Object.fromEntries(COLUMNS.map((k) => [k, L.t.opendata.csv.headers[k]]));
    return c.body(csvStream(csvRows(rows, L), header), 200, {
      'Content-Type': 'text/csv; charset=utf-8', 'Cache-Control': 'public, max-age=60',
      'Content-Disposition': download(`cityloop-cases-${shanghaiDate(services.clock())}${L.lang === 'en' ? '-en' : ''}.csv`),
    });
  });

import { Hono } from 'hono';
import { Feed } from 'feed';
import type { AppEnv } from '../env.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import { apiLang } from '../shared/http.ts';
import { labelsFor, xmlSafe, type Labels } from './labels.ts';
import { publicFilters, type PublicCases } from './public-cases.ts';

type Update = ReturnType<PublicCases['updates']>[number];

const SITE_LIMIT = 100;
const CASE_LIMIT = 500;

// The library writes titles and content as HTML in CDATA: escape the text, which also rules out "]]>".
const html = (s: string) => xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// …and writes attributes (a category's label) as given: escape those for XML too.
const attr = (s: string) => html(s).replace(/"/g, '&quot;');

function atom(L: Labels, o: { title: string; self: string; alternate: string; updates: Update[]; now: Date }) {
  const f = L.t.opendata.feeds;
  const feed = new Feed({
    id: o.self, title: o.title, link: o.alternate, feed: o.self, language: L.t.lang, generator: 'CityLoop',
    updated: o.updates[0]?.at ?? o.now, author: { name: L.t.site.bureau, link: L.base },
  });
  for (const u of o.updates) {
    const category = L.categoryName(u.categoryId);
    const event = L.event(u.action);
    const place = u.address ? `<p>${html(L.fmt(f.place, { address: u.address }))}</p>` : '';
    feed.addItem({
      id: `${L.caseUrl(u.trackingNo)}#update-${u.id}`, link: L.caseUrl(u.trackingNo), date: u.at,
      title: html(L.fmt(f.entryTitle, { no: u.trackingNo, category, event })),
      content: `<p>${html(u.note ?? L.state(u.toState ?? u.caseState))}</p>${place}`,
      category: [{ term: attr(u.categoryId), name: attr(category) }],
    });
  }
  return feed.atom1();
}

const ATOM = { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' };

/** /feeds: Atom feeds of public progress updates, site-wide (optionally one area and/or categories) and per case. */
export const feedRoutes = new Hono<AppEnv>()
  .get('/updates.atom', (c) => {
    const { services } = c.var;
    const L = labelsFor(services, apiLang(c));
    const { category, unit, bbox } = parseInput(publicFilters, c.req.query());
    const url = new URL(c.req.url);
    const self = L.base + url.pathname + url.search;
    const title = L.fmt(bbox ? L.t.opendata.feeds.areaTitle : L.t.opendata.feeds.updatesTitle, { site: L.t.site.name });
    const updates = services.publicCases.updates({ cases: { category, unit, bbox }, order: 'desc', limit: SITE_LIMIT });
    return c.body(atom(L, { title, self, alternate: L.base + (L.lang === 'en' ? '/en/reports' : '/reports'), updates, now: services.clock() }), 200, ATOM);
  })
  .get('/cases/:file{.+\\.atom}', (c) => {
    const { services } = c.var;
    const L = labelsFor(services, apiLang(c));
    const no = c.req.param('file').replace(/\.atom$/, '').toUpperCase();
    const found = services.publicCases.detail(no);
    if (found === null) throw new AppError(404, 'not_found');
    if (found === 'gone') throw new AppError(410, 'case_gone');
    const updates = services.publicCases.updates({ cases: { trackingNos: [no] }, order: 'desc', limit: CASE_LIMIT });
    const self = `${L.base}/feeds/cases/${no}.atom${L.lang === 'en' ? '?lang=en' : ''}`;
    const title = L.fmt(L.t.opendata.feeds.caseTitle, { site: L.t.site.name, no });
    return c.body(atom(L, { title, self, alternate: L.caseUrl(no), updates, now: services.clock() }), 200, ATOM);
  });

import { useEffect, useRef, useState } from 'preact/hooks';
import { fmt } from '../../api/i18n/fmt.ts';
import type { Messages } from '../i18n/index.ts';
import type { MapOptions } from '../lib/map-options.ts';
import { clusterIcon } from './map-cluster.ts';

export type ListItem = {
  trackingNo: string; categoryId: string; state: string; bucket: string; address: string; createdAt: string; href: string;
  thumbUrl: string | null; located: boolean;
};
type Props = {
  t: Messages['reports'];
  states: Messages['states'];
  categories: Record<string, string>;
  items: ListItem[];
  total: number;
  query: string; // the filters as a query string, without page and bbox
  casePath: string; // '/reports/' or '/en/reports/'
  map: MapOptions;
  pager: { prev: string | null; next: string | null; label: string } | null;
  page: number; perPage: number;
  next: string | null; // the cursor of the page after this one
};

const COLOURS: Record<string, string> = { open: '#b85c00', fixed: '#1c6b36', closed: '#5f6b78' };
const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
/** The status chip's colour: in hand (blue), fixed and awaiting the check (teal), parked (amber), done (green), not taken (grey). */
const CHIP: Record<string, string> = { resolved: 'state checking', on_hold: 'state pending', closed: 'state fixed', rejected: 'state closed', duplicate: 'state closed' };
const chip = (state: string) => CHIP[state] ?? 'state';

/** The public list of cases with a map above it. Server-rendered it is the list with paging links; with JavaScript the
 * map shows server-side clusters of the cases with a pin, and "show more" pages on through every matching case — those
 * with only a typed address too, which the map cannot show — until the last. */
export default function ReportsBrowser(p: Props) {
  const { t } = p;
  const [items, setItems] = useState(p.items);
  const [total] = useState(p.total);
  const [next, setNext] = useState(p.next);
  const [live, setLive] = useState(false); // JavaScript runs: "show more" replaces the paging links
  const [loading, setLoading] = useState(false);
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let remove = () => {};
    import('./map-base.ts').then(async ({ baseMap }) => {
      const { L, map } = await baseMap(el.current!, p.map, 13);
      const layer = L.layerGroup().addTo(map);
      let ctrl: AbortController | null = null;
      const refresh = async () => {
        ctrl?.abort();
        ctrl = new AbortController();
        const b = map.getBounds();
        const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(',');
        const q = `${p.query}${p.query ? '&' : ''}bbox=${bbox}`;
        try {
          const cells = await fetch(`/api/cases/map?${q}&zoom=${map.getZoom()}`, { signal: ctrl.signal }).then((r) => r.json());
          layer.clearLayers();
          for (const c of cells.cells) layer.addLayer(marker(L, c, map));
        } catch { /* aborted by a newer move */ }
      };
      const marker = (Lf: typeof L, c: { lat: number; lng: number; count: number; open: number; fixed: number; closed: number; trackingNo?: string; state?: string; categoryId?: string }, m: L.Map) => {
        const bucket = c.fixed >= c.open && c.fixed >= c.closed ? 'fixed' : c.open >= c.closed ? 'open' : 'closed';
        if (c.count === 1 && c.trackingNo) {
          const label = `${p.categories[c.categoryId!] ?? ''} · ${p.states[c.state as keyof typeof p.states]}`;
          return Lf.circleMarker([c.lat, c.lng], { radius: 12, color: '#fff', weight: 2, fillColor: COLOURS[bucket], fillOpacity: 1 })
            .bindPopup(`<a href="${p.casePath}${c.trackingNo}">${label}<br>${c.trackingNo}</a>`);
        }
        const icon = clusterIcon(Lf, c);
        return Lf.marker([c.lat, c.lng], { icon, title: fmt(t.clusterLabel, { n: c.count }), alt: fmt(t.clusterLabel, { n: c.count }) })
          .on('click', () => m.setView([c.lat, c.lng], Math.min(m.getZoom() + 2, 18)));
      };
      map.on('moveend', refresh);
      refresh();
      remove = () => map.remove();
    });
    setLive(true);
    return () => remove();
  }, []);

  const more = async () => {
    setLoading(true);
    try {
      const list = await fetch(`/api/cases?${p.query}${p.query ? '&' : ''}after=${next}&per_page=${p.perPage}`).then((r) => r.json());
      setItems((old) => [...old, ...list.items.map((i: ListItem & { lat: number | null }) => ({ ...i, located: i.lat !== null, href: p.casePath + i.trackingNo }))]);
      setNext(list.next);
    } finally {
      setLoading(false);
    }
  };
  const left = total - ((p.page - 1) * p.perPage + items.length); // the list runs from the server's page on

  return (
    <div class="browser">
      <div class="map map-list" ref={el} role="region" aria-label={t.listMap} />
      <p class="legend" aria-hidden="true">
        {(['open', 'fixed', 'closed'] as const).map((b) => <span key={b}><i class={`b-${b}`} />{t.legend[b]}</span>)}
      </p>
      <p class="hint">{t.mapNote}</p>
      <p aria-live="polite"><strong>{fmt(t.total, { n: total })}</strong></p>
      {items.length === 0 ? <p>{t.empty}</p> : (
        <ul class="case-list" data-testid="case-list">
          {items.map((c) => (
            <li key={c.trackingNo} class="card case-item">
              {c.thumbUrl ? <img src={c.thumbUrl} alt="" width={72} height={72} loading="lazy" /> : <span class="thumb-none" aria-hidden="true" />}
              <div>
                <span class={chip(c.state)}>{p.states[c.state as keyof typeof p.states]}</span>
                <a href={c.href}><strong>{p.categories[c.categoryId]}</strong></a>
                {c.address && <span>{c.address}</span>}
                <small>{c.trackingNo} · <time dateTime={c.createdAt}>{shanghaiDay(c.createdAt)}</time>{!c.located && <> · {t.noPin}</>}</small>
              </div>
            </li>
          ))}
        </ul>
      )}
      {live && p.pager?.prev && <p><a href={p.pager.prev}>{t.prev}</a></p>}
      {live && left > 0 && next && (
        <p class="more"><button type="button" class="btn secondary" onClick={more} disabled={loading} data-testid="more">{fmt(t.more, { n: left })}</button></p>
      )}
      {p.pager && !live && (
        <nav aria-label={t.pagination} class="pager">
          {p.pager.prev && <a class="btn secondary" href={p.pager.prev}>{t.prev}</a>}
          <span>{p.pager.label}</span>
          {p.pager.next && <a class="btn secondary" href={p.pager.next}>{t.next}</a>}
        </nav>
      )}
    </div>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { fmt } from '../../api/i18n/fmt.ts';
import type { Messages } from '../i18n/index.ts';
import type { MapOptions } from '../lib/map-options.ts';
import { clusterIcon } from './map-cluster.ts';

export type ListItem = { trackingNo: string; categoryId: string; state: string; bucket: string; address: string; createdAt: string; href: string };
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
};

const COLOURS: Record<string, string> = { open: '#b85c00', fixed: '#1c6b36', closed: '#5f6b78' };
const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
const badge = (bucket: string) => (bucket === 'fixed' ? 'state fixed' : bucket === 'closed' ? 'state closed' : 'state');

/** The public list of cases with a map above it. Server-rendered it is the list with paging links; with JavaScript
 * the map shows server-side clusters and moving it narrows the list to the reports in view. */
export default function ReportsBrowser(p: Props) {
  const { t } = p;
  const [items, setItems] = useState(p.items);
  const [total, setTotal] = useState(p.total);
  const [inView, setInView] = useState(false);
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
          const [cells, list] = await Promise.all([
            fetch(`/api/cases/map?${q}&zoom=${map.getZoom()}`, { signal: ctrl.signal }).then((r) => r.json()),
            fetch(`/api/cases?${q}&per_page=50`, { signal: ctrl.signal }).then((r) => r.json()),
          ]);
          layer.clearLayers();
          for (const c of cells.cells) layer.addLayer(marker(L, c, map));
          setItems(list.items.map((i: ListItem) => ({ ...i, href: p.casePath + i.trackingNo })));
          setTotal(list.total);
          setInView(true);
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
    return () => remove();
  }, []);

  return (
    <div class="browser">
      <div class="map map-list" ref={el} role="region" aria-label={t.listMap} />
      <p class="legend" aria-hidden="true">
        {(['open', 'fixed', 'closed'] as const).map((b) => <span key={b}><i class={`b-${b}`} />{t.legend[b]}</span>)}
      </p>
      <p aria-live="polite"><strong>{fmt(inView ? t.inView : t.total, { n: total })}</strong></p>
      {items.length === 0 ? <p>{t.empty}</p> : (
        <ul class="case-list">
          {items.map((c) => (
            <li key={c.trackingNo} class="card">
              <span class={badge(c.bucket)}>{p.states[c.state as keyof typeof p.states]}</span>
              <a href={c.href}><strong>{p.categories[c.categoryId]}</strong></a>
              {c.address && <span>{c.address}</span>}
              <small>{c.trackingNo} · <time dateTime={c.createdAt}>{shanghaiDay(c.createdAt)}</time></small>
            </li>
          ))}
        </ul>
      )}
      {p.pager && !inView && (
        <nav aria-label={t.pagination} class="pager">
          {p.pager.prev && <a class="btn secondary" href={p.pager.prev}>{t.prev}</a>}
          <span>{p.pager.label}</span>
          {p.pager.next && <a class="btn secondary" href={p.pager.next}>{t.next}</a>}
        </nav>
      )}
    </div>
  );
}

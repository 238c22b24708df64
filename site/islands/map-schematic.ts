import { yieldToBrowser } from './yield.ts';

type Feature = { properties: { name: string; kind: string }; geometry: { type: 'Point' | 'LineString'; coordinates: number[] | number[][] } };

/** Which labels show from which zoom, and which wins when two would overlap (lower first). */
const LABEL_ZOOM: Record<string, number> = { road: 13, landmark: 13, community: 15, school: 15, market: 15, bus_stop: 16 };
const PRIORITY: Record<string, number> = { landmark: 0, road: 1, school: 2, market: 2, community: 3, bus_stop: 4 };

/**
 * The schematic city: the gazetteer's roads as labelled lines, places as labelled dots, the district's outline. Drawn in
 * the map's overlay panes (no tiles, nothing fetched from outside); labels are markers the zoom shows or hides.
 */
export async function drawSchematic(L: typeof import('leaflet'), map: L.Map, url: string) {
  let data: { features: Feature[] };
  try {
    data = await (await fetch(url)).json();
  } catch { return; } // the pin and the typed place still work without the drawing
  const labelled: { marker: L.Marker; el: HTMLElement; from: number; rank: number; line?: L.LatLng[] }[] = [];
  const renderer = L.svg({ padding: 0.5 });
  // Labels under the case markers and clusters (markerPane is 600), above the drawing (overlayPane is 400).
  map.createPane('schLabels').style.zIndex = '450';
  // A label is a marker holding a span: Leaflet measures a tooltip each time it places one (a layout per label); a
  // marker it only moves, so every label is measured in one layout below.
  const label = (at: L.LatLng, name: string, kind: string, line?: L.LatLng[]) => {
    const el = document.createElement('span');
    el.className = `sch-label sch-label-${kind}`;
    el.textContent = name;
    const icon = L.divIcon({ className: 'sch-anchor', html: el, iconSize: null as unknown as L.PointExpression });
    const marker = L.marker(at, { icon, pane: 'schLabels', interactive: false, keyboard: false }).addTo(map);
    labelled.push({ marker, el, from: LABEL_ZOOM[kind] ?? 16, rank: PRIORITY[kind] ?? 5, line });
  };
  /** Where a road's name goes: its point nearest the middle of the view, or null when it does not cross the view. */
  const roadAnchor = (line: L.LatLng[]) => {
    const c = map.latLngToLayerPoint(map.getCenter());
    let best: { p: L.Point; d: number } | null = null;
    for (let i = 1; i < line.length; i++) {
      const p = L.LineUtil.closestPointOnSegment(c, map.latLngToLayerPoint(line[i - 1]), map.latLngToLayerPoint(line[i]));
      const d = p.distanceTo(c);
      if (!best || d < best.d) best = { p, d };
    }
    const at = best && map.layerPointToLatLng(best.p);
    return at && map.getBounds().pad(-0.08).contains(at) ? at : null;
  };
  await yieldToBrowser(); // the map's own start-up was the task before
  const pending: [L.LatLng, string, string, L.LatLng[]?][] = [];
  for (const f of data.features) {
    const { name, kind } = f.properties;
    if (f.geometry.type === 'LineString') {
      const latlngs = (f.geometry.coordinates as number[][]).map(([lng, lat]) => L.latLng(lat, lng));
      if (kind === 'district') {
        L.polyline(latlngs, { renderer, className: 'sch-outline', interactive: false }).addTo(map);
        continue;
      }
      L.polyline(latlngs, { renderer, className: 'sch-road-casing', interactive: false }).addTo(map);
      L.polyline(latlngs, { renderer, className: 'sch-road', interactive: false }).addTo(map);
      pending.push([latlngs[0]!, name, 'road', latlngs]);
    } else {
      const [lng, lat] = f.geometry.coordinates as number[];
      L.circleMarker([lat, lng], { renderer, radius: kind === 'bus_stop' ? 3 : 4, className: `sch-dot sch-${kind}`, interactive: false }).addTo(map);
      pending.push([L.latLng(lat, lng), name, kind]);
    }
  }
  await yieldToBrowser(); // the drawing, then the labels: two tasks
  for (const [at, name, kind, line] of pending) label(at, name, kind, line);
  labelled.sort((a, b) => a.rank - b.rank);
  // Show the labels this zoom allows (roads named where they cross the view), measure them all at once, then hide any
  // that would overlap one placed before it (landmarks first).
  const show = () => {
    const z = map.getZoom();
    const open = labelled.filter((l) => {
      const at = l.line ? roadAnchor(l.line) : undefined;
      const on = z >= l.from && at !== null;
      if (on && at) l.marker.setLatLng(at);
      l.el.classList.toggle('sch-hidden', !on);
      return on;
    });
    const rects = open.map((l) => l.el.getBoundingClientRect());
    const placed: DOMRect[] = [];
    open.forEach((l, i) => {
      const r = rects[i]!;
      const hit = placed.some((p) => r.left < p.right + 2 && r.right > p.left - 2 && r.top < p.bottom && r.bottom > p.top);
      if (hit) l.el.classList.add('sch-hidden'); else placed.push(r);
    });
  };
  map.on('zoomend moveend', show);
  show();
}

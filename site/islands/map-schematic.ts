type Feature = { properties: { name: string; kind: string }; geometry: { type: 'Point' | 'LineString'; coordinates: number[] | number[][] } };

/** Which labels show from which zoom: roads and landmarks first, then communities, schools and markets, then bus stops. */
const LABEL_ZOOM: Record<string, number> = { road: 13, landmark: 13, community: 15, school: 15, market: 15, bus_stop: 16 };

/**
 * The schematic city: the gazetteer's roads as labelled lines, places as labelled dots, the district's outline. Drawn in
 * the map's overlay panes (no tiles, nothing fetched from outside); labels are tooltips the zoom shows or hides.
 */
export async function drawSchematic(L: typeof import('leaflet'), map: L.Map, url: string) {
  let data: { features: Feature[] };
  try {
    data = await (await fetch(url)).json();
  } catch { return; } // the pin and the typed place still work without the drawing
  const labelled: [L.Layer, number][] = [];
  const renderer = L.svg({ padding: 0.5 });
  for (const f of data.features) {
    const { name, kind } = f.properties;
    if (f.geometry.type === 'LineString') {
      const latlngs = (f.geometry.coordinates as number[][]).map(([lng, lat]) => L.latLng(lat, lng));
      if (kind === 'district') {
        L.polyline(latlngs, { renderer, className: 'sch-outline', interactive: false }).addTo(map);
        continue;
      }
      L.polyline(latlngs, { renderer, className: 'sch-road-casing', interactive: false }).addTo(map);
      const road = L.polyline(latlngs, { renderer, className: 'sch-road', interactive: false }).addTo(map);
      road.bindTooltip(name, { permanent: true, direction: 'center', className: 'sch-label sch-label-road', interactive: false });
      labelled.push([road, LABEL_ZOOM.road]);
    } else {
      const [lng, lat] = f.geometry.coordinates as number[];
      const dot = L.circleMarker([lat, lng], { renderer, radius: kind === 'bus_stop' ? 3 : 4, className: `sch-dot sch-${kind}`, interactive: false }).addTo(map);
      dot.bindTooltip(name, { permanent: true, direction: 'right', offset: [4, 0], className: `sch-label sch-label-${kind}`, interactive: false });
      labelled.push([dot, LABEL_ZOOM[kind] ?? 16]);
    }
  }
  const show = () => {
    const z = map.getZoom();
    for (const [layer, from] of labelled) {
      if (z >= from) layer.openTooltip(); else layer.closeTooltip();
    }
  };
  map.on('zoomend', show);
  show();
}

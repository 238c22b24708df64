import type { MapOptions } from '../lib/map-options.ts';

export type Pin = { lat: number; lng: number };
export type MapPicker = { setPin: (p: Pin | null) => void; destroy: () => void };

/** A Leaflet map with one draggable pin. Leaflet loads only here, in the browser, on demand. */
export async function createMapPicker(el: HTMLElement, opts: MapOptions, label: string, onPick: (p: Pin) => void): Promise<MapPicker> {
  const L = (await import('leaflet')).default;
  await import('leaflet/dist/leaflet.css');
  const map = L.map(el, { maxBounds: L.latLngBounds(opts.bounds).pad(0.2), minZoom: 9, zoomControl: true })
    .setView(opts.center, 15);
  map.attributionControl.setPrefix('Leaflet');
  if (opts.tiles.length) {
    for (const url of opts.tiles) L.tileLayer(url, { subdomains: '01234567', maxZoom: 18, attribution: opts.attribution }).addTo(map);
  } else {
    gridLayer(L).addTo(map); // no tiles configured: a plain grid still lets people drop the pin
  }
  const icon = L.divIcon({ className: 'pin', html: '<span></span>', iconSize: [30, 42], iconAnchor: [15, 42] });
  let marker: L.Marker | null = null;
  const place = (p: Pin | null) => {
    if (!p) { marker?.remove(); marker = null; return; }
    if (!marker) {
      marker = L.marker(p, { draggable: true, icon, keyboard: true, title: label, alt: label }).addTo(map);
      marker.on('dragend', () => { const ll = marker!.getLatLng(); onPick({ lat: ll.lat, lng: ll.lng }); });
    } else marker.setLatLng(p);
  };
  map.on('click', (e: L.LeafletMouseEvent) => { place(e.latlng); onPick({ lat: e.latlng.lat, lng: e.latlng.lng }); });
  return {
    setPin: (p) => { place(p); if (p) map.panTo(p); },
    destroy: () => map.remove(),
  };
}

function gridLayer(L: typeof import('leaflet')) {
  const Grid = L.GridLayer.extend({
    createTile(this: L.GridLayer) {
      const tile = document.createElement('canvas');
      tile.width = tile.height = 256;
      const g = tile.getContext('2d')!;
      g.fillStyle = '#eef2f6';
      g.fillRect(0, 0, 256, 256);
      g.strokeStyle = '#c3ccd6';
      g.strokeRect(0.5, 0.5, 256, 256);
      return tile;
    },
  });
  return new Grid();
}

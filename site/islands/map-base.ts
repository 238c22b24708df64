import type { MapOptions } from '../lib/map-options.ts';

/** A Leaflet map on the city's tiles, or on a plain grid when no tiles are configured. Browser only. */
export async function baseMap(el: HTMLElement, opts: MapOptions, zoom = 15) {
  const L = (await import('leaflet')).default;
  await import('leaflet/dist/leaflet.css');
  const map = L.map(el, { maxBounds: L.latLngBounds(opts.bounds).pad(0.2), minZoom: 9 }).setView(opts.center, zoom);
  map.attributionControl.setPrefix('Leaflet');
  if (opts.tiles.length) {
    for (const url of opts.tiles) L.tileLayer(url, { subdomains: '01234567', maxZoom: 18, attribution: opts.attribution }).addTo(map);
  } else {
    gridLayer(L).addTo(map); // no tiles configured: a plain grid still lets people place and read pins
  }
  return { L, map };
}

export const pinIcon = (L: typeof import('leaflet')) =>
  L.divIcon({ className: 'pin', html: '<span></span>', iconSize: [30, 42], iconAnchor: [15, 42] });

function gridLayer(L: typeof import('leaflet')) {
  const Grid = L.GridLayer.extend({
    createTile() {
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

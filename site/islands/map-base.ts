import type { MapOptions } from '../lib/map-options.ts';
import { drawSchematic } from './map-schematic.ts';
import { yieldToBrowser } from './yield.ts';

/** A Leaflet map on the city's tiles, or on the schematic city drawn from the gazetteer when no tiles are configured. Browser only. */
export async function baseMap(el: HTMLElement, opts: MapOptions, zoom = 15) {
  const L = (await import('leaflet')).default;
  await import('leaflet/dist/leaflet.css');
  await yieldToBrowser(); // evaluating Leaflet was one task; creating the map is the next
  const map = L.map(el, { maxBounds: L.latLngBounds(opts.bounds).pad(0.2), minZoom: 9 }).setView(opts.center, zoom);
  map.attributionControl.setPrefix('Leaflet');
  if (opts.tiles.length) {
    for (const url of opts.tiles) L.tileLayer(url, { subdomains: '01234567', maxZoom: 18, attribution: opts.attribution }).addTo(map);
  } else {
    el.classList.add('schematic');
    map.attributionControl.addAttribution(document.documentElement.lang.startsWith('zh') ? opts.schematic.label.zh : opts.schematic.label.en);
    drawSchematic(L, map, opts.schematic.url);
  }
  return { L, map };
}

export const pinIcon = (L: typeof import('leaflet')) =>
  L.divIcon({ className: 'pin', html: '<span></span>', iconSize: [30, 42], iconAnchor: [15, 42] });

import type { MapOptions } from '../lib/map-options.ts';
import { baseMap, pinIcon } from './map-base.ts';

export type Pin = { lat: number; lng: number };
export type MapPicker = { setPin: (p: Pin | null) => void; destroy: () => void };

/** The report form's map: tap to drop one draggable pin. */
export async function createMapPicker(el: HTMLElement, opts: MapOptions, label: string, onPick: (p: Pin) => void): Promise<MapPicker> {
  const { L, map } = await baseMap(el, opts);
  let marker: L.Marker | null = null;
  const place = (p: Pin | null) => {
    if (!p) { marker?.remove(); marker = null; return; }
    if (!marker) {
      marker = L.marker(p, { draggable: true, icon: pinIcon(L), keyboard: true, title: label, alt: label }).addTo(map);
      marker.on('dragend', () => { const ll = marker!.getLatLng(); onPick({ lat: ll.lat, lng: ll.lng }); });
    } else marker.setLatLng(p);
  };
  map.on('click', (e: L.LeafletMouseEvent) => { place(e.latlng); onPick({ lat: e.latlng.lat, lng: e.latlng.lng }); });
  return {
    setPin: (p) => { place(p); if (p) map.panTo(p); },
    destroy: () => map.remove(),
  };
}

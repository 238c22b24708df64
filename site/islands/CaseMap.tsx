import { useEffect, useRef } from 'preact/hooks';
import type { MapOptions } from '../lib/map-options.ts';

type Neighbour = { lat: number; lng: number; label: string };
type Props = { map: MapOptions; lat: number; lng: number; label: string; neighbours?: Neighbour[] };

/** A small map with the case's pin (the place is also written out in words for people without it); staff also see open cases around it. */
export default function CaseMap({ map, lat, lng, label, neighbours = [] }: Props) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let remove = () => {};
    import('./map-base.ts').then(async ({ baseMap, pinIcon }) => {
      const { L, map: m } = await baseMap(el.current!, { ...map, center: [lat, lng] }, 16);
      for (const n of neighbours) {
        L.circleMarker([n.lat, n.lng], { radius: 7, color: '#1d4f91', weight: 2, fillOpacity: 0.6 }).bindTooltip(n.label).addTo(m);
      }
      L.marker([lat, lng], { icon: pinIcon(L), title: label, alt: label, keyboard: false }).addTo(m);
      remove = () => m.remove();
    });
    return () => remove();
  }, []);
  return <div class="map map-small" ref={el} role="region" aria-label={label} />;
}

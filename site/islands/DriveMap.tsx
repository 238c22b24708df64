import { useEffect, useRef } from 'preact/hooks';
import type { MapOptions } from '../lib/map-options.ts';

export type DrivePin = { lat: number; lng: number; label: string; href: string };
type Props = { map: MapOptions; pins: DrivePin[]; label: string };

/** Meeting points of upcoming drives (the list next to it has the same links, for people without the map). */
export default function DriveMap({ map, pins, label }: Props) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let remove = () => {};
    import('./map-base.ts').then(async ({ baseMap, pinIcon }) => {
      const { L, map: m } = await baseMap(el.current!, { ...map, center: [pins[0]!.lat, pins[0]!.lng] }, 15);
      for (const p of pins) {
        const link = document.createElement('a');
        link.href = p.href;
        link.textContent = p.label;
        L.marker([p.lat, p.lng], { icon: pinIcon(L), title: p.label, alt: p.label, keyboard: false }).bindPopup(link).addTo(m);
      }
      if (pins.length > 1) m.fitBounds(L.latLngBounds(pins.map((p) => [p.lat, p.lng] as [number, number])).pad(0.2));
      remove = () => m.remove();
    });
    return () => remove();
  }, []);
  return <div class="map map-small" ref={el} role="region" aria-label={label} />;
}

import { useEffect, useState } from 'preact/hooks';
import { fmt } from '../../api/i18n/fmt.ts';
import type { Messages } from '../i18n/index.ts';
import type { Pin } from './map-picker.ts';

export type NearbyItem = { trackingNo: string; state: string; address: string; createdAt: string; supporters: number; distance: number };
type Props = { t: Messages['report']; states: Messages['states']; lang: string; category: string; pin: Pin };

/** "Is it one of these?": open reports of the same kind within ~100 m, each with a "me too" button. */
export function NearbyList({ t, states, lang, category, pin }: Props) {
  const [items, setItems] = useState<NearbyItem[] | null>(null);
  const [done, setDone] = useState<Record<string, string>>({});

  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      const q = new URLSearchParams({ category, lat: pin.lat.toFixed(6), lng: pin.lng.toFixed(6), lang });
      fetch(`/api/reports/nearby?${q}`, { signal: ctrl.signal })
        .then((r) => (r.ok ? r.json() : { items: [] }))
        .then((b) => setItems(b.items))
        .catch(() => {});
    }, 300);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [category, pin.lat, pin.lng]);

  async function meToo(no: string) {
    const res = await fetch(`/api/reports/${no}/support?lang=${lang}`, { method: 'POST' });
    const body = await res.json().catch(() => ({}));
    setDone({ ...done, [no]: res.ok ? t.nearbyThanks : body.error?.message ?? '' });
  }

  if (!items) return null;
  return (
    <section class="nearby card" aria-labelledby="nearby-title" aria-live="polite">
      <h2 id="nearby-title">{items.length ? t.nearbyTitle : t.nearbyNone}</h2>
      {items.length > 0 && <p class="hint">{t.nearbyLead}</p>}
      <ul>
        {items.map((it) => (
          <li key={it.trackingNo}>
            <div>
              <strong>{it.trackingNo}</strong> · {states[it.state as keyof typeof states]} · {fmt(t.nearbyDistance, { m: it.distance })}
              {it.address && <> · {it.address}</>} · {fmt(t.nearbySupporters, { n: it.supporters })}
            </div>
            {done[it.trackingNo]
              ? <p class="ok-text" role="status">{done[it.trackingNo]}</p>
              : <button type="button" class="btn secondary" onClick={() => meToo(it.trackingNo)} aria-label={`${t.nearbyMeToo}: ${it.trackingNo}`}>{t.nearbyMeToo}</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}

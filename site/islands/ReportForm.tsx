import { useEffect, useRef, useState } from 'preact/hooks';
import type { Messages } from '../i18n/index.ts';
import { fmt } from '../../api/i18n/fmt.ts';
import type { MapOptions } from '../lib/map-options.ts';
import { downscale } from './downscale.ts';
import { photoGps } from './exif-gps.ts';
import type { MapPicker, Pin } from './map-picker.ts';
import { NearbyList } from './NearbyList.tsx';
import { CategoryPicker, type CategoryItem } from './report/CategoryPicker.tsx';
import { PhotoStep } from './report/PhotoStep.tsx';
import { PlaceField, type PlaceHit } from './report/PlaceField.tsx';

type Props = {
  lang: 'zh' | 'en';
  t: Messages['report'];
  states: Messages['states'];
  errorsText: Messages['errors'];
  kinds: Record<string, string>;
  top: CategoryItem[];
  groups: { id: string; label: string; items: CategoryItem[] }[];
  candidates: PlaceHit[];
  values: Record<string, string>;
  errors: Record<string, string>;
  formError: string;
  map: MapOptions;
  limits: { maxPhotos: number; maxMb: number };
  action: string;
  trackPath: string;
  privacy: { href: string; text: string };
};

const FIELD_ORDER = ['photos', 'location', 'address', 'category', 'description', 'name', 'phone', 'email'];
const ANCHOR: Record<string, string> = { location: 'address', category: 'category-first' };

/** The report form, photo first. Without JavaScript it is a plain form (/noscript.css hides the enhanced controls, which
 * the server renders anyway so that hydrating moves nothing); hydrated it adds the camera button, the photo's GPS, the
 * map, place suggestions, the "is it one of these?" list and a fixed submit bar. */
export default function ReportForm(p: Props) {
  const { t } = p;
  const [js, setJs] = useState(false);
  const [category, setCategory] = useState(p.values.category ?? '');
  const [pin, setPin] = useState<Pin | null>(p.values.lat && p.values.lng ? { lat: +p.values.lat, lng: +p.values.lng } : null);
  const [near, setNear] = useState('');
  const [gpsNote, setGpsNote] = useState(false);
  const [files, setFiles] = useState<{ file: File; url: string }[]>([]);
  const [errors, setErrors] = useState(p.errors);
  const [formError, setFormError] = useState(p.formError);
  const [busy, setBusy] = useState('');
  const [locating, setLocating] = useState(false);
  const mapEl = useRef<HTMLDivElement>(null);
  const picker = useRef<MapPicker | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);

  // Inputs are uncontrolled, so what a resident typed or chose before hydration is kept.
  useEffect(() => {
    setCategory(form.current?.querySelector<HTMLInputElement>('input[name="category"]:checked')?.value ?? '');
    setJs(true);
  }, []);
  useEffect(() => {
    if (!js || !mapEl.current) return;
    let gone = false;
    import('./map-picker.ts').then(({ createMapPicker }) => createMapPicker(mapEl.current!, p.map, t.mapLabel, (x) => { setGpsNote(false); setPin(x); }))
      .then((m) => { if (gone) m.destroy(); else { picker.current = m; m.setPin(pin); } });
    return () => { gone = true; picker.current?.destroy(); };
  }, [js]);
  useEffect(() => { if (formError) summary.current?.focus(); }, [formError]);
  // The pin in words ("已标注在人民广场附近"), never as coordinates.
  useEffect(() => {
    setNear('');
    if (!pin) return;
    const ctrl = new AbortController();
    fetch(`/api/places/near?lat=${pin.lat.toFixed(6)}&lng=${pin.lng.toFixed(6)}`, { signal: ctrl.signal })
      .then((r) => r.json()).then((b) => setNear(b.place?.name ?? '')).catch(() => {});
    return () => ctrl.abort();
  }, [pin?.lat, pin?.lng]);

  const err = (f: string) => errors[f] ?? (f === 'location' ? errors.lat ?? errors.lng : undefined);
  const clearError = (...fields: string[]) => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fields.includes(k))));
  const place = (x: Pin) => { setPin(x); picker.current?.setPin(x); clearError('location', 'address'); };

  function locate() {
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => { place({ lat: pos.coords.latitude, lng: pos.coords.longitude }); setGpsNote(false); setLocating(false); },
      () => { setErrors({ ...errors, location: t.locateFailed }); setLocating(false); },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  }

  async function addFiles(list: FileList | null) {
    const added = [...(list ?? [])].map((file) => ({ file, url: URL.createObjectURL(file) }));
    const next = [...files, ...added];
    setFiles(next.slice(0, p.limits.maxPhotos));
    const { photos: _gone, ...rest } = errors;
    setErrors(next.length > p.limits.maxPhotos ? { ...rest, photos: fmt(p.errorsText.photos_too_many, { n: p.limits.maxPhotos }) } : rest);
    if (!pin && added[0]) {
      const gps = await photoGps(added[0].file);
      if (gps && inside(gps)) { place(gps); setGpsNote(true); }
    }
  }
  const inside = (x: Pin) => { const [[s, w], [n, e]] = p.map.bounds; return x.lat >= s && x.lat <= n && x.lng >= w && x.lng <= e; };

  async function submit(e: Event) {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    data.delete('photos');
    setBusy(files.length ? t.photosPreparing : t.submitting);
    // Without a pin, the first photo goes up as taken so the server can read its GPS before stripping it.
    for (const [i, { file }] of files.entries()) {
      const keepOriginal = !pin && i === 0 && file.size <= p.limits.maxMb * 1048576;
      data.append('photos', keepOriginal ? file : await downscale(file), file.name.replace(/\.\w+$/, '') + '.jpg');
    }
    setBusy(t.submitting);
    try {
      const res = await fetch(`/api/reports?lang=${p.lang}`, { method: 'POST', body: data, headers: { accept: 'application/json' } });
      const body = await res.json();
      if (res.ok) {
        location.assign(`${p.trackPath}?no=${body.trackingNo}&code=${body.code}&new=1`);
        return;
      }
      setErrors(body.error.fields ?? {});
      setFormError(body.error.message);
    } catch {
      setFormError(p.errorsText.server_error);
    }
    setBusy('');
  }

  const listed = FIELD_ORDER.filter((f) => err(f));
  return (
    <form ref={form} method="post" action={p.action} encType="multipart/form-data" novalidate onSubmit={js ? submit : undefined}
      class={`report-form ${js ? 'with-bar' : ''}`}>
      {formError && (
        <div class="alert" role="alert" tabIndex={-1} ref={summary} id="error-summary">
          <strong>{listed.length ? t.errorSummary : formError}</strong>
          {listed.length > 0 && <ul>{listed.map((f) => <li key={f}><a href={`#${ANCHOR[f] ?? f}`}>{err(f)}</a></li>)}</ul>}
        </div>
      )}

      <PhotoStep t={t} js={js} files={files} limits={p.limits} publishPhotos={p.values.publish_photos === 'on'} error={err('photos')}
        gpsNote={gpsNote} locating={locating} onAdd={addFiles} onLocate={!js || 'geolocation' in navigator ? locate : null}
        onRemove={(url) => { URL.revokeObjectURL(url); setFiles(files.filter((x) => x.url !== url)); }} />

      <fieldset class={`step ${err('location') ? 'invalid' : ''}`}>
        <legend>{t.stepLocation} *</legend>
        {err('location') && <span class="error" id="location-error">{err('location')}</span>}
        <p class="hint js-only" id="map-hint">{t.mapHint}</p>
        <div class="map map-form js-only" ref={mapEl} role="region" aria-label={t.mapLabel} aria-describedby="map-hint" />
        {pin && (
          <div class="map-actions js-only">
            <span class="pin-text" aria-live="polite">{near ? fmt(t.pinNear, { place: near }) : t.pinSet}</span>
            <button type="button" class="btn secondary" onClick={() => { setPin(null); setGpsNote(false); picker.current?.setPin(null); }}>{t.clearPin}</button>
          </div>
        )}
        <input type="hidden" name="lat" value={pin ? pin.lat.toFixed(6) : ''} />
        <input type="hidden" name="lng" value={pin ? pin.lng.toFixed(6) : ''} />
        <PlaceField t={t} kinds={p.kinds} js={js} defaultValue={p.values.address ?? ''} candidates={p.candidates} chosen={p.values.place ?? ''}
          error={err('address')} locationError={err('location')}
          onChoose={(x) => { if (x.lat !== undefined && x.lng !== undefined) place({ lat: x.lat, lng: x.lng }); }} />
      </fieldset>

      <CategoryPicker t={t} top={p.top} groups={p.groups} value={p.values.category ?? ''} error={err('category')}
        describedBy={err('category') ? 'category-error' : undefined} onChange={setCategory} />

      {js && category && pin && <NearbyList t={t} states={p.states} lang={p.lang} category={category} pin={pin} />}

      <fieldset class="step">
        <legend>{t.stepDescription}</legend>
        <div class={`field ${err('description') ? 'invalid' : ''}`}>
          <label for="description">{t.description}</label>
          <span class="hint" id="description-hint">{t.descriptionHint}</span>
          <textarea id="description" name="description" maxLength={1000} rows={3}
            aria-describedby={['description-hint', 'description-public', err('description') && 'description-error'].filter(Boolean).join(' ')}
            aria-invalid={err('description') ? 'true' : undefined} defaultValue={p.values.description ?? ''} />
          {err('description') && <span class="error" id="description-error">{err('description')}</span>}
          <p class="hint" id="description-public">{t.descriptionPublic}</p>
        </div>
        <input type="hidden" name="publish" value="on" />
      </fieldset>

      <details class="step contact" open={['name', 'phone', 'email'].some((f) => p.values[f] || err(f))}>
        <summary>{t.stepContact}</summary>
        <p class="hint" id="contact-hint">{t.contactHint} <a href={p.privacy.href}>{p.privacy.text}</a></p>
        {(['name', 'phone', 'email'] as const).map((f) => (
          <div class={`field ${err(f) ? 'invalid' : ''}`} key={f}>
            <label for={f}>{t[f]}</label>
            <input id={f} name={f} type={f === 'name' ? 'text' : f === 'phone' ? 'tel' : 'email'} defaultValue={p.values[f] ?? ''}
              autocomplete={f === 'name' ? 'name' : f === 'phone' ? 'tel' : 'email'} maxLength={f === 'name' ? 50 : f === 'phone' ? 20 : 200}
              aria-describedby={['contact-hint', err(f) && `${f}-error`].filter(Boolean).join(' ')} aria-invalid={err(f) ? 'true' : undefined} />
            {err(f) && <span class="error" id={`${f}-error`}>{err(f)}</span>}
          </div>
        ))}
      </details>

      <div class="hp" aria-hidden="true">
        <label>{t.honeypot}<input type="text" name="website" tabIndex={-1} autocomplete="off" /></label>
      </div>

      <div class={js ? 'submit-bar' : 'submit-end'}>
        <button class="btn big" type="submit" disabled={!!busy}>{busy || t.submit}</button>
      </div>
      <p class="visually-hidden" aria-live="polite">{busy}</p>
    </form>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Messages } from '../i18n/index.ts';
import { fmt } from '../../api/i18n/fmt.ts';
import type { MapOptions } from '../lib/map-options.ts';
import { GroupIcon } from '../components/GroupIcon.tsx';
import { downscale } from './downscale.ts';
import type { MapPicker, Pin } from './map-picker.ts';
import { NearbyList } from './NearbyList.tsx';

type Props = {
  lang: 'zh' | 'en';
  t: Messages['report'];
  states: Messages['states'];
  errorsText: Messages['errors'];
  groups: { id: string; label: string; items: { id: string; name: string; urgent: boolean }[] }[];
  values: Record<string, string>;
  errors: Record<string, string>;
  formError: string;
  map: MapOptions;
  limits: { maxPhotos: number; maxMb: number };
  action: string;
  trackPath: string;
  privacy: { href: string; text: string };
};

const FIELD_ORDER = ['category', 'location', 'address', 'photos', 'description', 'name', 'phone', 'email'];

/** The report form. Server-rendered it is a plain form that works without JavaScript; hydrated it adds the map,
 * photo previews, client-side downscaling, the "is it one of these?" list and an in-page submit. */
export default function ReportForm(p: Props) {
  const { t } = p;
  const [js, setJs] = useState(false);
  const [category, setCategory] = useState(p.values.category ?? '');
  const [pin, setPin] = useState<Pin | null>(p.values.lat && p.values.lng ? { lat: +p.values.lat, lng: +p.values.lng } : null);
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
    import('./map-picker.ts').then(({ createMapPicker }) => createMapPicker(mapEl.current!, p.map, t.mapLabel, setPin))
      .then((m) => { if (gone) m.destroy(); else { picker.current = m; m.setPin(pin); } });
    return () => { gone = true; picker.current?.destroy(); };
  }, [js]);
  useEffect(() => { if (formError) summary.current?.focus(); }, [formError]);

  const err = (f: string) => errors[f] ?? (f === 'location' ? errors.lat ?? errors.lng : undefined);
  const described = (f: string, hint?: boolean) => [hint && `${f}-hint`, err(f) && `${f}-error`].filter(Boolean).join(' ') || undefined;
  const ErrorText = ({ f }: { f: string }) => (err(f) ? <span class="error" id={`${f}-error`}>{err(f)}</span> : null);

  function locate() {
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => { const here = { lat: pos.coords.latitude, lng: pos.coords.longitude }; setPin(here); picker.current?.setPin(here); setLocating(false); },
      () => { setErrors({ ...errors, location: t.locateFailed }); setLocating(false); },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  }

  function addFiles(list: FileList | null) {
    const added = [...(list ?? [])].map((file) => ({ file, url: URL.createObjectURL(file) }));
    const next = [...files, ...added];
    setFiles(next.slice(0, p.limits.maxPhotos));
    const { photos: _gone, ...rest } = errors;
    setErrors(next.length > p.limits.maxPhotos ? { ...rest, photos: fmt(p.errorsText.photos_too_many, { n: p.limits.maxPhotos }) } : rest);
  }

  async function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
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
    <form ref={form} method="post" action={p.action} encType="multipart/form-data" novalidate onSubmit={js ? submit : undefined} class="report-form">
      {formError && (
        <div class="alert" role="alert" tabIndex={-1} ref={summary} id="error-summary">
          <strong>{listed.length ? t.errorSummary : formError}</strong>
          {listed.length > 0 && <ul>{listed.map((f) => <li key={f}><a href={`#${f === 'location' ? 'address' : f === 'category' ? 'category-first' : f}`}>{err(f)}</a></li>)}</ul>}
        </div>
      )}

      <fieldset class={err('category') ? 'invalid' : ''} aria-describedby={described('category')}>
        <legend>{t.stepCategory} *</legend>
        <ErrorText f="category" />
        {p.groups.map((g, gi) => (
          <div class="cat-group" role="group" aria-labelledby={`group-${g.id}`} key={g.id}>
            <p class="cat-group-label" id={`group-${g.id}`}><GroupIcon group={g.id} />{g.label}</p>
            <div class="tiles">
              {g.items.map((c, ci) => (
                <label class="tile" key={c.id}>
                  <input type="radio" name="category" value={c.id} required defaultChecked={p.values.category === c.id}
                    id={gi === 0 && ci === 0 ? 'category-first' : undefined} onChange={() => setCategory(c.id)} />
                  <span>{c.name}</span>
                </label>
              ))}
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset class={err('location') ? 'invalid' : ''}>
        <legend>{t.stepLocation} *</legend>
        <ErrorText f="location" />
        {js && (
          <>
            <p class="hint" id="map-hint">{t.mapHint}{!p.map.tiles.length && ` ${t.mapNoTiles}`}</p>
            <div class="map" ref={mapEl} role="region" aria-label={t.mapLabel} aria-describedby="map-hint" />
            <div class="map-actions">
              {'geolocation' in navigator && (
                <button type="button" class="btn secondary" onClick={locate} disabled={locating}>{locating ? t.locating : t.useMyLocation}</button>
              )}
              {pin && (
                <>
                  <span class="pin-text" aria-live="polite">{t.pinSet}{pin.lat.toFixed(5)}, {pin.lng.toFixed(5)}</span>
                  <button type="button" class="btn secondary" onClick={() => { setPin(null); picker.current?.setPin(null); }}>{t.clearPin}</button>
                </>
              )}
            </div>
          </>
        )}
        <input type="hidden" name="lat" value={pin ? pin.lat.toFixed(6) : ''} />
        <input type="hidden" name="lng" value={pin ? pin.lng.toFixed(6) : ''} />
        <div class={`field ${err('address') ? 'invalid' : ''}`}>
          <label for="address">{t.address}</label>
          <span class="hint" id="address-hint">{t.addressHint}</span>
          <input id="address" name="address" type="text" maxLength={200} defaultValue={p.values.address ?? ''} autocomplete="address-line1"
            aria-describedby={[described('address', true), err('location') && 'location-error'].filter(Boolean).join(' ')}
            aria-invalid={err('address') || err('location') ? 'true' : undefined} />
          <ErrorText f="address" />
        </div>
      </fieldset>

      {js && category && pin && <NearbyList t={t} states={p.states} lang={p.lang} category={category} pin={pin} />}

      <fieldset class={err('photos') ? 'invalid' : ''}>
        <legend>{t.stepPhotos}</legend>
        <div class="field">
          <label for="photos">{t.photos}</label>
          <span class="hint" id="photos-hint">{fmt(t.photosHint, { n: p.limits.maxPhotos, mb: p.limits.maxMb })}</span>
          <input id="photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp,image/heic,image/heif" multiple
            aria-describedby={described('photos', true)} aria-invalid={err('photos') ? 'true' : undefined}
            onChange={js ? (e) => { addFiles(e.currentTarget.files); e.currentTarget.value = ''; } : undefined} />
          <ErrorText f="photos" />
        </div>
        {files.length > 0 && (
          <ul class="previews">
            {files.map((f, i) => (
              <li key={f.url}>
                <img src={f.url} alt={`${t.photos} ${i + 1}`} />
                <button type="button" class="btn secondary" aria-label={`${t.photosRemove} ${t.photos} ${i + 1}`}
                  onClick={() => { URL.revokeObjectURL(f.url); setFiles(files.filter((x) => x !== f)); }}>{t.photosRemove}</button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <fieldset>
        <legend>{t.stepDescription}</legend>
        <div class={`field ${err('description') ? 'invalid' : ''}`}>
          <label for="description">{t.description}</label>
          <span class="hint" id="description-hint">{t.descriptionHint}</span>
          <textarea id="description" name="description" maxLength={1000} rows={5} aria-describedby={described('description', true)}
            aria-invalid={err('description') ? 'true' : undefined} defaultValue={p.values.description ?? ''} />
          <ErrorText f="description" />
        </div>
      </fieldset>

      <fieldset aria-describedby="contact-hint">
        <legend>{t.stepContact}</legend>
        <p class="hint" id="contact-hint">{t.contactHint} <a href={p.privacy.href}>{p.privacy.text}</a></p>
        {(['name', 'phone', 'email'] as const).map((f) => (
          <div class={`field ${err(f) ? 'invalid' : ''}`} key={f}>
            <label for={f}>{t[f]}</label>
            <input id={f} name={f} type={f === 'name' ? 'text' : f === 'phone' ? 'tel' : 'email'} defaultValue={p.values[f] ?? ''}
              autocomplete={f === 'name' ? 'name' : f === 'phone' ? 'tel' : 'email'} maxLength={f === 'name' ? 50 : f === 'phone' ? 20 : 200}
              aria-describedby={described(f)} aria-invalid={err(f) ? 'true' : undefined} />
            <ErrorText f={f} />
          </div>
        ))}
        <label class="check">
          <input type="checkbox" name="publish" value="on" defaultChecked={p.values.publish === 'on'} />
          <span>{t.publish}</span>
        </label>
      </fieldset>

      <div class="hp" aria-hidden="true">
        <label>{t.honeypot}<input type="text" name="website" tabIndex={-1} autocomplete="off" /></label>
      </div>

      <p><button class="btn big" type="submit" disabled={!!busy}>{busy || t.submit}</button></p>
      <p class="visually-hidden" aria-live="polite">{busy}</p>
    </form>
  );
}

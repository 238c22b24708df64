import { fmt } from '../../../api/i18n/fmt.ts';
import type { Messages } from '../../i18n/index.ts';

type Props = {
  t: Messages['report'];
  js: boolean;
  files: { file: File; url: string }[];
  limits: { maxPhotos: number; maxMb: number };
  publishPhotos: boolean;
  error?: string;
  gpsNote: boolean;
  locating: boolean;
  onAdd: (list: FileList | null) => void;
  onRemove: (url: string) => void;
  onLocate: (() => void) | null;
};

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif';

/**
 * Photos first: a big "拍照" (the phone's camera) and "选照片" (the gallery), "使用我的位置" beside them, and the
 * separate, unticked consent to publish them. Without JavaScript it is one plain file input with the same name.
 */
export function PhotoStep({ t, js, files, limits, publishPhotos, error, gpsNote, locating, onAdd, onRemove, onLocate }: Props) {
  const described = ['photos-hint', error && 'photos-error'].filter(Boolean).join(' ');
  const change = (e: Event) => { const el = e.currentTarget as HTMLInputElement; onAdd(el.files); el.value = ''; };
  return (
    <fieldset class={`step ${error ? 'invalid' : ''}`}>
      <legend>{t.stepPhotos}</legend>
      {/* The camera and album buttons and "use my location" are rendered on the server too (hidden without JavaScript
          by /noscript.css), so hydration moves nothing; without JavaScript #photos is the plain, named file input. */}
      <div class="photo-actions">
        <input id="photo-camera" class="file-input js-only" type="file" accept="image/*" capture="environment" onChange={change} aria-describedby={described} />
        <label for="photo-camera" class="btn big photo-btn js-only">{t.takePhoto}</label>
        <input id="photos" name={js ? undefined : 'photos'} class="file-input file-pick" type="file" accept={ACCEPT} multiple
          aria-describedby={described} aria-invalid={error ? 'true' : undefined} onChange={js ? change : undefined} />
        <label for="photos" class="btn big secondary photo-btn js-only">{t.choosePhoto}</label>
        {onLocate && (
          <button type="button" class="btn secondary locate-btn js-only" onClick={onLocate} disabled={locating}>{locating ? t.locating : t.useMyLocation}</button>
        )}
      </div>
      {!js && <label for="photos" class="visually-hidden">{t.photos}</label>}
      <span class="hint" id="photos-hint">{fmt(t.photosHint, { n: limits.maxPhotos, mb: limits.maxMb })}</span>
      {error && <span class="error" id="photos-error">{error}</span>}
      {gpsNote && <p class="hint gps-note" aria-live="polite">{t.photoGps}</p>}
      {files.length > 0 && (
        <ul class="previews">
          {files.map((f, i) => (
            <li key={f.url}>
              <img src={f.url} alt={`${t.photos} ${i + 1}`} />
              <button type="button" class="btn secondary" aria-label={`${t.photosRemove} ${t.photos} ${i + 1}`} onClick={() => onRemove(f.url)}>{t.photosRemove}</button>
            </li>
          ))}
        </ul>
      )}
      <label class="check consent">
        <input type="checkbox" name="publish_photos" value="on" defaultChecked={publishPhotos} aria-describedby="publish-photos-why" />
        <span>{t.publishPhotos}</span>
      </label>
      <p class="hint" id="publish-photos-why">{t.publishPhotosWhy}</p>
    </fieldset>
  );
}

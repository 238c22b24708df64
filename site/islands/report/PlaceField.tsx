import { useEffect, useRef, useState } from 'preact/hooks';
import { fmt } from '../../../api/i18n/fmt.ts';
import type { Messages } from '../../i18n/index.ts';

export type PlaceHit = { id: number; name: string; kind: string; lat?: number; lng?: number };
type Props = {
  t: Messages['report'];
  kinds: Record<string, string>;
  js: boolean;
  defaultValue: string;
  candidates: PlaceHit[]; // from the server when the typed place named several
  chosen: string; // the candidate chosen before (form shown again)
  error?: string;
  locationError?: string;
  onChoose: (p: PlaceHit) => void;
};

/**
 * The typed place. With JavaScript the gazetteer suggests matches as the resident types and a choice sets the pin;
 * without it the server resolves the text and, when it names several places, the form comes back with them as choices.
 */
export function PlaceField({ t, kinds, js, defaultValue, candidates, chosen, error, locationError, onChoose }: Props) {
  const [hits, setHits] = useState<PlaceHit[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const ctrl = useRef<AbortController | null>(null);

  useEffect(() => () => clearTimeout(timer.current), []);
  // The server found several places for what was typed: offer them as suggestions (unless it listed them already).
  useEffect(() => { if (js && error && !candidates.length && input.current) typed(input.current.value); }, [error, js]);
  function typed(q: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      ctrl.current?.abort();
      ctrl.current = new AbortController();
      if (q.trim().length < 2) { setHits([]); return; }
      try {
        const r = await fetch(`/api/places/suggest?q=${encodeURIComponent(q)}`, { signal: ctrl.current.signal });
        setHits(r.ok ? (await r.json()).items : []);
      } catch { /* a newer keystroke aborted it */ }
    }, 200);
  }
  function choose(p: PlaceHit) {
    if (input.current) input.current.value = p.name;
    setHits([]);
    onChoose(p);
  }

  const described = ['address-hint', error && 'address-error', locationError && 'location-error'].filter(Boolean).join(' ');
  return (
    <div class={`field place-field ${error ? 'invalid' : ''}`}>
      <label for="address">{t.address}</label>
      <span class="hint" id="address-hint">{t.addressHint}</span>
      <input ref={input} id="address" name="address" type="text" maxLength={200} defaultValue={defaultValue} autocomplete="off"
        aria-describedby={described} aria-invalid={error || locationError ? 'true' : undefined}
        onInput={js ? (e) => typed(e.currentTarget.value) : undefined} />
      {error && <span class="error" id="address-error">{error}</span>}
      {js && <p class="visually-hidden" aria-live="polite">{hits.length ? fmt(t.suggestionsCount, { n: hits.length }) : ''}</p>}
      {hits.length > 0 && (
        <ul class="suggestions" aria-label={t.suggestions}>
          {hits.map((p) => (
            <li key={p.id}><button type="button" class="suggestion" onClick={() => choose(p)}>
              <span>{p.name}</span> <small>{kinds[p.kind] ?? ''}</small>
            </button></li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <fieldset class="candidates">
          <legend>{t.candidatesLegend}</legend>
          {candidates.map((p) => (
            <label class="check" key={p.id}>
              <input type="radio" name="place" value={String(p.id)} defaultChecked={chosen === String(p.id)} onChange={() => choose(p)} />
              <span>{p.name} <small>{kinds[p.kind] ?? ''}</small></span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

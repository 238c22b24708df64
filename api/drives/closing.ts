/** The organiser's closing form, from the console page (checkboxes and files) or the API (JSON lists): one reading. */
import type { Lang } from '../i18n/index.ts';
import type { Closing } from './organise.ts';

const ids = (v: unknown): number[] =>
  (Array.isArray(v) ? v : String(v ?? '').split(',')).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);

/** Ids ticked as `<prefix><id>` checkboxes, plus any list sent as `<list>`. */
const ticked = (body: Record<string, unknown>, prefix: string, list: string) =>
  [...new Set([...ids(body[list]), ...Object.keys(body).filter((k) => k.startsWith(prefix) && body[k] !== '').map((k) => Number(k.slice(prefix.length)))])]
    .filter((n) => Number.isSafeInteger(n) && n > 0);

/** attended-<signup id>, cleaned-<case id>, photo-<case id> (one after-photo each); or {attended: [], cleaned: []}. */
export async function readClosing(body: Record<string, unknown>, lang: Lang): Promise<Closing> {
  const photos = new Map<number, Buffer>();
  for (const [k, v] of Object.entries(body)) {
    const id = Number(k.slice(6));
    if (k.startsWith('photo-') && Number.isSafeInteger(id) && v instanceof Blob && v.size > 0) photos.set(id, Buffer.from(await v.arrayBuffer()));
  }
  return { attended: ticked(body, 'attended-', 'attended'), cleaned: ticked(body, 'cleaned-', 'cleaned'), photos, lang };
}

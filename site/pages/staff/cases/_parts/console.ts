/** What the console's case pages share: the sign-in gate, posted forms, where to go after an action. */
import { localePath, messages, type Lang } from '../../../../i18n/index.ts';
import { namesOf } from '../../../../lib/names.ts';

export { gate, requestIp, problem, safeReturn, type Problem } from '../../../../lib/staff-page.ts';

/** `path` with more query parameters, in the page's language. */
export function withParams(lang: Lang, path: string, params: Record<string, string>): string {
  const url = new URL(path, 'http://x');
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return localePath(lang, url.pathname + url.search);
}

/** id → name in the page's language, for categories and units. */
export const namer = (lang: Lang, rows: { id: string; nameZh: string; nameEn: string }[]) => {
  const names = namesOf(rows, lang);
  return (id: string | null | undefined) => (id ? names.get(id) ?? id : '');
};

export const consoleText = (lang: Lang) => messages[lang].console;

/** The Gaode map at a WGS84 point (it converts), for a look at the place before going there. */
export const mapLink = (lat: number, lng: number) =>
  `https://uri.amap.com/marker?position=${lng.toFixed(6)},${lat.toFixed(6)}&coordinate=wgs84&callnative=0`;

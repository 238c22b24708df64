import { zh } from './zh.ts';
import { en } from './en.ts';
import { authZh } from './auth.zh.ts';
import { authEn } from './auth.en.ts';
import { consoleZh } from './console.zh.ts';
import { consoleEn } from './console.en.ts';
import { opendataZh } from './opendata.zh.ts';
import { opendataEn } from './opendata.en.ts';
import { statsZh } from './stats.zh.ts';
import { statsEn } from './stats.en.ts';

// Each feature keeps its own catalog file; they join here, error codes into one `errors` table.
function join<B extends { errors: object }, P extends Record<string, { errors: object }>>(base: B, parts: P) {
  const errors = Object.assign({}, base.errors, ...Object.values(parts).map((p) => p.errors)) as B['errors'] & Record<string, string>;
  return { ...base, ...parts, errors };
}

const zhAll = join(zh, { auth: authZh, console: consoleZh, opendata: opendataZh, stats: statsZh });
export type Messages = typeof zhAll;
export type BaseMessages = typeof zh;
export type Lang = 'zh' | 'en';
export const LANGS: Lang[] = ['zh', 'en'];
export const messages: Record<Lang, Messages> = {
  zh: zhAll,
  en: join(en, { auth: authEn, console: consoleEn, opendata: opendataEn, stats: statsEn }),
};

export { fmt } from './fmt.ts';

/** The path of a page in a language: zh lives at /, English under /en. */
export function localePath(lang: Lang, path: string): string {
  return lang === 'en' ? `/en${path === '/' ? '/' : path}` : path;
}

/** Splits '/en/report' into ['en', '/report']. */
export function splitLang(pathname: string): [Lang, string] {
  if (pathname === '/en' || pathname.startsWith('/en/')) return ['en', pathname.slice(3) || '/'];
  return ['zh', pathname];
}

export function langFromHeader(acceptLanguage: string | null | undefined): Lang {
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'zh';
}

export type Lang = 'zh' | 'en';
export const LANGS: Lang[] = ['zh', 'en'];

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

/** A record's name in the reader's language (categories, units, drives keep nameZh/nameEn). */
export function nameIn(lang: Lang, x: { nameZh: string; nameEn: string }): string {
  return lang === 'zh' ? x.nameZh : x.nameEn;
}

import { zh } from './zh.ts';
import { en } from './en.ts';

export type Messages = typeof zh;
export type Lang = 'zh' | 'en';
export const LANGS: Lang[] = ['zh', 'en'];
export const messages: Record<Lang, Messages> = { zh, en };

/** Fills {name} placeholders. */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

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

import type { z } from 'zod';
import type { Lang } from '../i18n/lang.ts';
import { fmt } from '../i18n/fmt.ts';
import { apiMessages as messages } from '../i18n/index.ts';

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 411 | 413 | 415 | 429 | 503;

// A brand instead of instanceof: the Astro bundle and the server bundle each hold a copy of this class.
const BRAND = Symbol.for('cityloop.AppError');

/** An error meant for the user: a stable code, an HTTP status, and per-field codes. */
export class AppError extends Error {
  readonly [BRAND] = true;
  constructor(
    public status: ErrorStatus,
    public code: string,
    public fields?: Record<string, string>,
    public vars: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export const isAppError = (e: unknown): e is AppError => typeof e === 'object' && e !== null && BRAND in e;


export function errorMessage(lang: Lang, code: string, vars: Record<string, string | number> = {}): string {
  const m = messages[lang].errors as Record<string, string>;
  return fmt(m[code] ?? m.invalid_input, vars);
}

export function localizeFields(lang: Lang, err: AppError) {
  if (!err.fields) return undefined;
  return Object.fromEntries(Object.entries(err.fields).map(([k, code]) => [k, errorMessage(lang, code, err.vars)]));
}

/** The JSON body every API error has: {"error":{"code","message","fields"?}}. */
export function errorBody(lang: Lang, err: AppError) {
  return { error: { code: err.code, message: errorMessage(lang, err.code, err.vars), fields: localizeFields(lang, err) } };
}

/** Turns zod issues into {field: code}; the schemas use message codes, not prose. */
export function zodFields(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? 'form');
    out[key] ??= /^[a-z_]+$/.test(i.message) ? i.message : 'invalid';
  }
  return out;
}

/** Parses an input or throws the 400 every form and route shows: {field: code}. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const r = schema.safeParse(data);
  if (!r.success) throw new AppError(400, 'invalid_input', zodFields(r.error.issues));
  return r.data;
}

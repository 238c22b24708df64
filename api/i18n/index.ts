import type { Lang } from './lang.ts';
import { reportsZh } from './reports.zh.ts';
import { reportsEn } from './reports.en.ts';
import { staffZh } from './staff.zh.ts';
import { staffEn } from './staff.en.ts';
import { casesZh } from './cases.zh.ts';
import { casesEn } from './cases.en.ts';
import { opendataZh } from './opendata.zh.ts';
import { opendataEn } from './opendata.en.ts';
import { httpZh } from './http.zh.ts';
import { httpEn } from './http.en.ts';
import { drivesZh } from './drives.zh.ts';
import { drivesEn } from './drives.en.ts';
import { handlersZh } from './handlers.zh.ts';
import { handlersEn } from './handlers.en.ts';
import { gazetteerZh } from './gazetteer.zh.ts';
import { gazetteerEn } from './gazetteer.en.ts';
import { deskZh } from './desk.zh.ts';
import { deskEn } from './desk.en.ts';

export { fmt, ordinal } from './fmt.ts';
export * from './lang.ts';

type Obj = Record<string, unknown>;
type Intersect<T extends object[]> = T extends [infer H, ...infer R extends object[]] ? H & Intersect<R> : unknown;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep-merges catalogs (each feature keeps its own file; the API's words and the pages' copy meet here). */
export function mergeCatalogs<T extends object[]>(...parts: T): Intersect<T> {
  const out: Obj = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) out[k] = isObj(v) && isObj(out[k]) ? mergeCatalogs(out[k] as Obj, v) : v;
  }
  return out as Intersect<T>;
}

const zh = mergeCatalogs(reportsZh, staffZh, casesZh, opendataZh, httpZh, drivesZh, handlersZh, gazetteerZh, deskZh);
/** What the API says (errors, states, events, roles, Open311 and CSV words), in each language. */
export type ApiMessages = typeof zh;
export const apiMessages: Record<Lang, ApiMessages> = { zh, en: mergeCatalogs(reportsEn, staffEn, casesEn, opendataEn, httpEn, drivesEn, handlersEn, gazetteerEn, deskEn) };

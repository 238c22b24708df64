import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zh } from '../../site/i18n/zh.ts';
import { en } from '../../site/i18n/en.ts';
import { authZh } from '../../site/i18n/auth.zh.ts';
import { authEn } from '../../site/i18n/auth.en.ts';
import { consoleZh } from '../../site/i18n/console.zh.ts';
import { consoleEn } from '../../site/i18n/console.en.ts';
import { opendataZh as pageOpendataZh } from '../../site/i18n/opendata.zh.ts';
import { opendataEn as pageOpendataEn } from '../../site/i18n/opendata.en.ts';
import { statsZh } from '../../site/i18n/stats.zh.ts';
import { statsEn } from '../../site/i18n/stats.en.ts';
import { drivesZh as pageDrivesZh } from '../../site/i18n/drives.zh.ts';
import { drivesEn as pageDrivesEn } from '../../site/i18n/drives.en.ts';
import { handlersZh as pageHandlersZh } from '../../site/i18n/handlers.zh.ts';
import { handlersEn as pageHandlersEn } from '../../site/i18n/handlers.en.ts';
import { reportsZh } from '../../api/i18n/reports.zh.ts';
import { reportsEn } from '../../api/i18n/reports.en.ts';
import { staffZh } from '../../api/i18n/staff.zh.ts';
import { staffEn } from '../../api/i18n/staff.en.ts';
import { casesZh } from '../../api/i18n/cases.zh.ts';
import { casesEn } from '../../api/i18n/cases.en.ts';
import { opendataZh } from '../../api/i18n/opendata.zh.ts';
import { opendataEn } from '../../api/i18n/opendata.en.ts';
import { drivesZh } from '../../api/i18n/drives.zh.ts';
import { drivesEn } from '../../api/i18n/drives.en.ts';
import { handlersZh } from '../../api/i18n/handlers.zh.ts';
import { handlersEn } from '../../api/i18n/handlers.en.ts';
import { deskZh } from '../../api/i18n/desk.zh.ts';
import { deskEn } from '../../api/i18n/desk.en.ts';
import { deskPagesZh } from '../../site/i18n/desk.zh.ts';
import { deskPagesEn } from '../../site/i18n/desk.en.ts';

const api = { zh: [reportsZh, staffZh, casesZh, opendataZh, drivesZh, handlersZh, deskZh], en: [reportsEn, staffEn, casesEn, opendataEn, drivesEn, handlersEn, deskEn] };
const pages = {
  zh: [zh, { auth: authZh }, { console: consoleZh }, { opendata: pageOpendataZh }, { stats: statsZh }, { drivePages: pageDrivesZh }, { handlers: pageHandlersZh }, { desk: deskPagesZh }],
  en: [en, { auth: authEn }, { console: consoleEn }, { opendata: pageOpendataEn }, { stats: statsEn }, { drivePages: pageDrivesEn }, { handlers: pageHandlersEn }, { desk: deskPagesEn }],
};

/** Every string's dotted path in a catalog. */
function leaves(x: unknown, path = ''): string[] {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return [path];
  return Object.entries(x).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

test('no catalog silently overrides another: each message is written once, in the API or on a page', () => {
  for (const lang of ['zh', 'en'] as const) {
    const seen = new Map<string, number>();
    [...api[lang], ...pages[lang]].forEach((c, i) => {
      for (const key of leaves(c)) {
        assert.ok(!seen.has(key), `${lang}: "${key}" is defined in catalogs ${seen.get(key)} and ${i}`);
        seen.set(key, i);
      }
    });
  }
});

test('every English message exists for every Chinese one, and none is empty', () => {
  const walk = (a: unknown, b: unknown, path: string) => {
    if (typeof a === 'string') {
      assert.equal(typeof b, 'string', path);
      assert.ok((b as string).length > 0, `${path} is empty in English`);
      return;
    }
    if (Array.isArray(a)) return assert.equal((b as unknown[]).length, a.length, path);
    for (const k of Object.keys(a as object)) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)?.[k], `${path}.${k}`);
  };
  const zhAll = [...api.zh, ...pages.zh];
  const enAll = [...api.en, ...pages.en];
  zhAll.forEach((c, i) => walk(c, enAll[i], `catalog ${i}`));
});

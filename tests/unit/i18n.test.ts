import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zh } from '../../site/i18n/zh.ts';
import { en } from '../../site/i18n/en.ts';
import { authZh } from '../../site/i18n/auth.zh.ts';
import { authEn } from '../../site/i18n/auth.en.ts';
import { consoleZh } from '../../site/i18n/console.zh.ts';
import { consoleEn } from '../../site/i18n/console.en.ts';
import { opendataZh } from '../../site/i18n/opendata.zh.ts';
import { opendataEn } from '../../site/i18n/opendata.en.ts';
import { statsZh } from '../../site/i18n/stats.zh.ts';
import { statsEn } from '../../site/i18n/stats.en.ts';

const catalogs = { zh: [zh, authZh, consoleZh, opendataZh, statsZh], en: [en, authEn, consoleEn, opendataEn, statsEn] };

test('no feature catalog silently overrides another feature’s error message', () => {
  for (const [lang, list] of Object.entries(catalogs)) {
    const seen = new Map<string, number>();
    list.forEach((c, i) => {
      for (const key of Object.keys(c.errors)) {
        assert.ok(!seen.has(key), `${lang}: error code "${key}" is defined in catalogs ${seen.get(key)} and ${i}`);
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
  catalogs.zh.forEach((c, i) => walk(c, catalogs.en[i], `catalog ${i}`));
});

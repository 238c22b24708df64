import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fmt, ordinal } from '../../api/i18n/index.ts';
import { messages } from '../../site/i18n/index.ts';
import { apiMessages } from '../../api/i18n/index.ts';

test('{n|one|other} picks the English form by Intl.PluralRules and writes the number by Intl.NumberFormat', () => {
  const cases: [number | string, string][] = [
    [0, '0 reports'], [1, '1 report'], [2, '2 reports'], [1204, '1,204 reports'], [1.5, '1.5 reports'],
    ['1', '1 report'], ['12.5', '12.5 reports'], ['—', '— reports'],
  ];
  for (const [n, want] of cases) assert.equal(fmt('{n|report|reports}', { n }), want, String(n));
});

test('plain placeholders stay as given; unknown ones are left alone', () => {
  assert.equal(fmt('Q{n} {year}', { n: 4, year: 2026 }), 'Q4 2026');
  assert.equal(fmt('{a} and {b|x|xs}', { a: 'A' }), 'A and {b|x|xs}');
  assert.equal(fmt('{n|more report is|more reports are} waiting', { n: 1 }), '1 more report is waiting');
});

test('ordinals by Intl.PluralRules (type ordinal)', () => {
  const want: [number, string][] = [[1, '1st'], [2, '2nd'], [3, '3rd'], [4, '4th'], [11, '11th'], [12, '12th'], [13, '13th'],
    [21, '21st'], [22, '22nd'], [101, '101st'], [111, '111th']];
  for (const [n, s] of want) assert.equal(ordinal(n), s);
});

test('the catalogs count in English with the right plural', () => {
  const en = messages.en;
  assert.equal(fmt(en.reports.supporters, { n: 1 }), '1 other resident reported this too');
  assert.equal(fmt(en.reports.supporters, { n: 3 }), '3 other residents reported this too');
  assert.equal(fmt(en.reports.total, { n: 1 }), '1 report');
  assert.equal(fmt(en.reports.total, { n: 2 }), '2 reports');
  assert.equal(fmt(en.console.list.total, { n: 1 }), '1 case');
  assert.equal(fmt(apiMessages.en.auth.audit.total, { n: 1 }), '1 record');
  assert.equal(fmt(apiMessages.en.errors.photos_too_many, { n: 1 }), 'At most 1 photo.');
  assert.equal(fmt(en.stats.places.count, { n: 1 }), '1 report');
  // Chinese has no plural forms: a count keeps its measure word.
  assert.doesNotMatch(JSON.stringify(messages.zh), /\{\w+\|/);
});

test('no English count is written as a bare "{n} <plural noun>"', () => {
  // The usual count placeholders; abbreviations (h, d, min) have no plural.
  const bare: string[] = [];
  const walk = (x: unknown, path: string) => {
    if (typeof x === 'string') {
      if (/\{(n|minutes|hours|days|weeks|median|p90|received|cases)\} (?!h\b|d\b|min\b)[a-z]+s\b/.test(x)) bare.push(`${path}: ${x}`);
    } else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
  };
  walk(messages.en, 'en');
  assert.deepEqual(bare, []);
});

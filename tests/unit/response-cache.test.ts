import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { notModified, parseIfNoneMatch, pickCoding } from '../../api/cache/negotiation.ts';
import { compress, etagOf, variantTag, withCharset } from '../../api/cache/bodies.ts';
import { cachePolicy, drops } from '../../api/cache/rules.ts';
import { createStore } from '../../api/cache/store.ts';

test('Accept-Encoding: br preferred, q-values honoured, * and identity', () => {
  const table: [string | undefined, string | null][] = [
    [undefined, null], ['', null], ['identity', null],
    ['gzip, deflate, br', 'br'], ['br, gzip', 'br'], ['gzip', 'gzip'], ['x-gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'], ['br;q=0.5, gzip;q=0.8', 'gzip'], ['br;q=0.8, gzip;q=0.8', 'br'],
    ['*', 'br'], ['*;q=0', null], ['gzip;q=0, *', 'br'], ['br;q=0, *;q=0.1', 'gzip'], ['BR', 'br'], ['deflate', null],
    ['gzip;q=0', null], ['br ; q=1.0', 'br'],
  ];
  for (const [header, want] of table) assert.equal(pickCoding(header), want, String(header));
});

test('If-None-Match: exact tags, lists, weak prefix, *', () => {
  const etag = '"abc"';
  assert.deepEqual(parseIfNoneMatch('"a", W/"b" ,"c"'), ['"a"', '"b"', '"c"']);
  const table: [string | undefined, boolean][] = [
    [undefined, false], ['"abc"', true], ['"x", "abc"', true], ['W/"abc"', true], ['*', true], ['"abc-br"', false], ['abc', false],
  ];
  for (const [header, want] of table) assert.equal(notModified(header, etag), want, String(header));
});

test('ETags: strong, from the body; each coding its own tag; charset added once to text only', () => {
  const a = etagOf(Buffer.from('页面'));
  assert.match(a, /^"[\w-]+"$/);
  assert.equal(a, etagOf(Buffer.from('页面')));
  assert.notEqual(a, etagOf(Buffer.from('页面 ')));
  assert.equal(variantTag(a, null), a);
  assert.equal(variantTag(a, 'br'), `${a.slice(0, -1)}-br"`);
  assert.equal(variantTag(a, 'gzip'), `${a.slice(0, -1)}-gz"`);
  assert.equal(withCharset('text/html'), 'text/html; charset=utf-8');
  assert.equal(withCharset('application/json'), 'application/json; charset=utf-8');
  assert.equal(withCharset('application/geo+json'), 'application/geo+json; charset=utf-8');
  assert.equal(withCharset('application/atom+xml'), 'application/atom+xml; charset=utf-8');
  assert.equal(withCharset('text/calendar; charset=utf-8'), 'text/calendar; charset=utf-8');
  assert.equal(withCharset('image/jpeg'), 'image/jpeg');
  assert.equal(withCharset('application/pdf'), 'application/pdf');
});

test('compressed bodies decode to the identity body', () => {
  const body = Buffer.from('<p>市容环境卫生</p>'.repeat(200));
  assert.deepEqual(brotliDecompressSync(compress(body, 'br', 'store')), body);
  assert.deepEqual(brotliDecompressSync(compress(body, 'br', 'fast')), body);
  assert.deepEqual(gunzipSync(compress(body, 'gzip', 'store')), body);
});

test('policy: personal paths private, signed photos private, public pages tagged by what they show', () => {
  const pub = { staff: false, signed: false };
  const table: [string, ReturnType<typeof cachePolicy>, typeof pub?][] = [
    ['/staff', { kind: 'private' }], ['/en/staff/cases/YJ-20261125-0001', { kind: 'private' }], ['/api/staff/cases', { kind: 'private' }],
    ['/track', { kind: 'private' }], ['/en/track', { kind: 'private' }], ['/api/track', { kind: 'private' }],
    ['/drives/signup/abc', { kind: 'private' }], ['/api/drives/signups/abc', { kind: 'private' }], ['/api/drives/records/X.pdf', { kind: 'private' }],
    ['/feeds/drives/signups/abc.ics', { kind: 'private' }], ['/volunteer', { kind: 'private' }], ['/en/volunteer/record', { kind: 'private' }],
    ['/uploads/ab/cdefghijklmnopqrst.jpg', { kind: 'private' }, { staff: false, signed: true }],
    ['/uploads/ab/cdefghijklmnopqrst.jpg', { kind: 'pass' }], ['/_astro/x.js', { kind: 'pass' }], ['/data/cases.csv', { kind: 'pass' }], ['/healthz', { kind: 'pass' }],
    ['/reports', { kind: 'private' }, { staff: true, signed: false }],
    ['/reports/YJ-20261125-0001', { kind: 'public', tags: ['case:YJ-20261125-0001'] }],
    ['/en/reports/YJ-20261125-0001', { kind: 'public', tags: ['case:YJ-20261125-0001'] }],
    ['/open311/v2/requests/YJ-20261125-0001.json', { kind: 'public', tags: ['case:YJ-20261125-0001'] }],
    ['/open311/v2/requests.json', { kind: 'public', tags: ['agg'] }], ['/', { kind: 'public', tags: ['agg'] }], ['/en', { kind: 'public', tags: ['agg'] }],
    ['/reports', { kind: 'public', tags: ['agg'] }], ['/stats', { kind: 'public', tags: ['agg'] }], ['/api/cases/map', { kind: 'public', tags: ['agg'] }],
    ['/feeds/updates.atom', { kind: 'public', tags: ['agg'] }], ['/drives/3', { kind: 'public', tags: ['agg'] }], ['/feeds/drives/series/2.ics', { kind: 'public', tags: ['agg'] }],
    ['/privacy', { kind: 'public', tags: ['static'] }], ['/report', { kind: 'public', tags: ['static'] }], ['/open311/v2/services.json', { kind: 'public', tags: ['static'] }],
  ];
  for (const [path, want, opts] of table) assert.deepEqual(cachePolicy(path, opts ?? pub), want, path);
});

test('invalidation: a case drops its own entries and the aggregates; drives the aggregates; all everything', () => {
  const table: [string, string[], boolean][] = [
    ['case:A', ['case:A'], true], ['case:A', ['case:B'], false], ['case:A', ['agg'], true], ['case:A', ['static'], false],
    ['drives', ['agg'], true], ['drives', ['case:A'], false], ['drives', ['static'], false],
    ['all', ['static'], true], ['all', ['case:B'], true],
  ];
  for (const [change, tags, want] of table) assert.equal(drops(change, tags), want, `${change} → ${tags}`);
});

test('store: LRU by bytes, expiry, invalidation by tag', () => {
  const store = createStore(64 * 1024);
  const put = (key: string, tags: string[], size = 1000, expires = 1e15) =>
    store.set({ key, tags, status: 200, headers: [], etag: '"x"', body: Buffer.alloc(size), expires });
  put('a', ['case:A']); put('b', ['case:B']); put('home', ['agg']); put('privacy', ['static']);
  assert.equal(store.invalidate(['case:A']), 2);
  assert.equal(store.get('a', 0), undefined);
  assert.equal(store.get('home', 0), undefined);
  assert.ok(store.get('b', 0));
  assert.ok(store.get('privacy', 0));
  assert.equal(put('huge', ['agg'], 9000), undefined, 'an entry over an eighth of the bound is not kept');
  put('old', ['agg'], 10, 5);
  assert.equal(store.get('old', 5), undefined, 'expired');
  for (let i = 0; i < 80; i++) put(`p${i}`, ['agg']);
  assert.ok(store.stats().bytes <= 64 * 1024);
  assert.equal(store.get('p0', 0), undefined, 'least recently used went first');
  assert.ok(store.get('p79', 0));
  store.invalidate(['all']);
  assert.equal(store.stats().entries, 0);
});

test('the hit path keys a plain target as the app does, and leaves every other target to the app', async () => {
  const { hitKey } = await import('../../api/cache/hit-path.ts');
  const table: [string, string | undefined, string | null][] = [
    ['/', undefined, '|/'],
    ['/reports?page=2', undefined, '|/reports?page=2'],
    ['/en/stats', 'en', '|/en/stats'], // pages: the language is in the path
    ['/reports?', undefined, '|/reports'], // a bare '?' is no query (URL.search is '')
    ['/api/categories', 'en-GB,en;q=0.9', 'en|/api/categories'],
    ['/api/categories', 'zh-CN', 'zh|/api/categories'],
    ['/api/categories?lang=en', 'zh-CN', 'en|/api/categories?lang=en'],
    ['/api/cases/map?zoom=13&bbox=111.80,21.75,112.15,21.95', undefined, 'zh|/api/cases/map?zoom=13&bbox=111.80,21.75,112.15,21.95'],
    ['//reports', undefined, null], ['/reports/../staff', undefined, null], ['/%72eports', undefined, null],
    ['/reports?q="x"', undefined, null], ['/reports?q=a b', undefined, null], ['/reports#x', undefined, null],
    ['http://example.com/reports', undefined, null], ['/reports\\x', undefined, null], ['/报告', undefined, null],
  ];
  for (const [url, lang, key] of table) assert.equal(hitKey(url, lang), key, url);
});

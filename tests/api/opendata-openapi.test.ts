import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../helpers/services.ts';
import { operationsByTag, typeText } from '../../site/lib/openapi-view.ts';
import { openApiDocument } from '../../api/opendata/openapi/document.ts';
import { publicFilters } from '../../api/opendata/public-cases.ts';

// Served by the API but not part of it: the pages' own form posts and photo files.
const NOT_API = new Set(['/report', '/en/report', '/track', '/en/track', '/uploads/:dir/:name', '/drives/:id', '/en/drives/:id', '/reports/:no', '/en/reports/:no']);
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

/** A Hono path as a pattern that matches the OpenAPI paths it can serve ('/open311/v2/:file' ↔ '/open311/v2/requests.{format}'). */
const routePattern = (path: string) =>
  new RegExp(`^${path.replace(/:\w+(\{[^}]*\})?/g, '\u0000').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('\u0000', '[^/]+')}$`);

const docPattern = (path: string) => new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`);
/** Either side may be the more general one: Hono's '/open311/v2/:file', or the document's 'requests.{format}'. */
const serves = (route: string, doc: string) => routePattern(route).test(doc.replace(/\{\w+\}/g, 'x')) || docPattern(doc).test(route);

test('the OpenAPI document lists every route the app serves, and nothing it does not', () => {
  const { app } = testApp();
  const routes = [...new Set(app.routes.filter((r) => METHODS.has(r.method) && !NOT_API.has(r.path)).map((r) => `${r.method} ${r.path}`))];
  const res = openApiDocument('http://localhost:4321', 'zh');
  const documented = Object.entries(res.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
  const missing = routes.filter((r) => {
    const [method, path] = r.split(' ') as [string, string];
    return !documented.some((d) => d.method === method && serves(path, d.path));
  });
  assert.deepEqual(missing, [], 'undocumented routes: describe them in api/opendata/openapi/*-ops.ts');
  const stale = documented.filter((d) => !routes.some((r) => {
    const [method, path] = r.split(' ') as [string, string];
    return method === d.method && serves(path, d.path);
  }));
  assert.deepEqual(stale, [], 'documented but not served');
});

test('GET /api/openapi.json: OpenAPI 3.1 in Chinese or English, unique operation ids, parameters from the shared schemas', async () => {
  const { app } = testApp();
  const zh = await (await app.request('/api/openapi.json')).json();
  const res = await app.request('/api/openapi.json?lang=en');
  assert.equal(res.headers.get('access-control-allow-origin'), '*', 'readable from other sites');
  const en = await res.json();
  assert.equal(zh.openapi, '3.1.0');
  assert.equal(zh.paths['/api/reports'].post.summary, '提交问题');
  assert.equal(en.paths['/api/reports'].post.summary, 'File a report');
  const ids = Object.values(en.paths).flatMap((ops) => Object.values(ops as Record<string, { operationId: string }>).map((o) => o.operationId));
  assert.equal(new Set(ids).size, ids.length);
  const list = en.paths['/api/cases'].get.parameters.map((p: { name: string }) => p.name);
  assert.deepEqual(list, Object.keys(publicFilters.shape), 'every list filter is documented');
  const body = en.paths['/api/reports'].post.requestBody.content['multipart/form-data'].schema;
  assert.ok(['category', 'lat', 'lng', 'description', 'name', 'phone', 'email', 'photos'].every((k) => k in body.properties));
  assert.ok(en.paths['/open311/v2/requests.{format}'].post);
  assert.deepEqual(en.paths['/api/staff/login'].post.security, [{ staffSession: [], csrfToken: [] }]);
});

test('the API docs page model: operations grouped by tag with readable types', () => {
  const groups = operationsByTag(openApiDocument('http://localhost:4321', 'en'));
  assert.deepEqual(groups.map((g) => g.name), ['reports', 'drives', 'cases', 'data', 'open311', 'system', 'staff']);
  const nearby = groups[0]!.ops.find((o) => o.path === '/api/reports/nearby')!;
  assert.equal(nearby.method, 'GET');
  assert.deepEqual(nearby.params.map((p) => [p.name, p.required]), [['category', true], ['lat', true], ['lng', true]]);
  assert.equal(typeText({ type: 'integer', minimum: 1, maximum: 1000 }), 'integer 1–1000');
  assert.equal(typeText({ anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] }), 'string (date-time) | null');
  assert.equal(typeText({ type: 'array', items: { type: 'string', format: 'binary' } }), 'string (binary)[]');
});

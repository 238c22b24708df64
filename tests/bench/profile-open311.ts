// Where a 1000-request Open311 page goes at 100k: each step timed alone (CPU and wall, median/p95 of many runs).
// Run: node --import tsx tests/bench/profile-open311.ts <city dir>   (add --cpu-prof for a profile)
import { loadConfig } from '../../api/config.ts';
import { createServices } from '../../api/services.ts';
import { createApp } from '../../api/app.ts';
import { labelsFor } from '../../api/opendata/labels.ts';
import { requestMapper } from '../../api/opendata/open311/mapping.ts';
import { xmlDocument } from '../../api/opendata/open311/xml.ts';
import { timeAsync } from './cpu-time.ts';

const dir = process.argv[2]!;
const runs = Number(process.argv[3] ?? 40);
const services = createServices(loadConfig({ DATA_DIR: dir, DEMO: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', RESPONSE_CACHE: 'off' }));
const time = (name: string, fn: () => unknown) => timeAsync(name, runs, async () => fn());
const { publicCases, clock } = services;
const now = clock();
const filter = { createdFrom: new Date(now.getTime() - 90 * 86_400_000), createdTo: now };
const L = labelsFor(services, 'zh');
const { items } = publicCases.page(filter, 1000);
const reqs = items.map(requestMapper(L));
const app = createApp(services);
const sqlite = services.db.$client;
// The page's statement alone, with the parameters it was run with; then the same without the note and photo columns.
const prepare = sqlite.prepare.bind(sqlite);
let source = '';
let params: unknown[] = [];
sqlite.prepare = ((s: string) => {
  const stmt = prepare(s);
  if (!/from "cases"/.test(s)) return stmt;
  source = s;
  const all = stmt.all.bind(stmt);
  stmt.all = ((...args: unknown[]) => { params = args; return all(...args); }) as typeof stmt.all;
  return stmt;
}) as typeof sqlite.prepare;
publicCases.page(filter, 1000);
sqlite.prepare = prepare;
const pageSql = prepare(source).raw();
const listSql = prepare(source.replace(/, \(SELECT l\.public_note[\s\S]*?LIMIT 1\)/, '').replace(/, \(SELECT p\.file[\s\S]*?LIMIT 1\)/, '')).raw();
await time('page SQL: cases only', () => listSql.all(...params));
await time('page SQL: with notes and photos', () => pageSql.all(...params));
await time('page: SQL + masking', () => publicCases.page(filter, 1000));
await time('requestMapper x1000', () => items.map(requestMapper(L)));
await time('JSON.stringify', () => JSON.stringify(reqs));
await time('xmlDocument', () => xmlDocument('service_requests', 'request', reqs));
await time('labelsFor', () => labelsFor(services, 'zh'));
await time('whole route, JSON', async () => (await app.request('/open311/v2/requests.json')).arrayBuffer());
await time('whole route, XML', async () => (await app.request('/open311/v2/requests.xml')).arrayBuffer());
await time('whole route, JSON, br', async () => (await app.request('/open311/v2/requests.json', { headers: { 'accept-encoding': 'br, gzip' } })).arrayBuffer());
services.close();

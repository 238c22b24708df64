// `npm run bench:pages`: Lighthouse 12.2.3 (mobile preset: emulated phone, simulated slow 4G) with Debian's chromium on
// every public page (in Chinese; the home page in English too), and each page's gzip weight from the build. Exits
// non-zero under performance 95 or over the budgets. Not part of `npm test` (it takes minutes).
// On a shared machine: `BENCH_PAGES=/report,/reports` (a case page: `/reports/:no`, a drive: `/drives/:id`) runs only
// those pages, and `-- --runs 5` runs each N times and reports the median run (by score, then TBT), with every run's
// score/TBT beside it.
import lighthouse, { type Result } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageWeight } from '../helpers/page-weight.ts';
import { START_ENV } from '../helpers/server-process.ts';
import { startProcess } from './load.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4390);
const MIN_SCORE = 95;
const BUDGET = { js: 15, jsWithMap: 90, css: 15 }; // KB gzip
const OUT = 'tests/.tmp/bench';
const DATA = join(OUT, 'pages-data');
const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(1, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 1 : 1);
const ONLY = process.env.BENCH_PAGES?.split(',').map((p) => p.trim()).filter(Boolean);

rmSync(DATA, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
// BENCH_SERVER=<copy of an earlier dist>/server.mjs measures that build instead (before/after in one sitting).
const server = await startProcess([process.env.BENCH_SERVER ?? 'dist/server.mjs'], PORT, {
  ...START_ENV, DATA_DIR: DATA, DEMO: '1', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${PORT}`,
}, '/healthz');
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows: { page: string; runs?: string; performance: number; 'FCP ms': number; 'LCP ms': number; TBT: number; CLS: number; 'JS KB': number; 'CSS KB': number; 'HTML KB': number; map: boolean; ok: string }[] = [];
try {
  const base = server.base;
  const list = await (await fetch(`${base}/reports`)).text();
  const caseNo = /href="\/reports\/([A-Z]+-\d{8}-\d+)"/.exec(list)?.[1];
  const quarter = /href="(\/stats\/quarterly\/[^"]+)"/.exec(await (await fetch(`${base}/stats/quarterly`)).text())?.[1];
  const drive = (await (await fetch(`${base}/api/drives`)).json() as { items: { id: number }[] }).items[0]?.id;
  const pages = ['/', '/en/', '/report', '/reports', `/reports/${caseNo}`, '/stats', '/stats/quarterly', quarter, '/drives', `/drives/${drive}`,
    '/track', '/volunteer', '/privacy', '/api-docs'].filter((p): p is string => !!p);
  const alias = (p: string) => p.replace(/^\/reports\/[A-Z]+-\d{8}-\d+$/, '/reports/:no').replace(/^\/drives\/\d+$/, '/drives/:id');
  for (const path of pages.filter((p) => !ONLY || ONLY.includes(p) || ONLY.includes(alias(p)))) {
    const html = await (await fetch(base + path)).text();
    const w = pageWeight(html);
    const map = w.map; // Leaflet among the page's scripts (lazy ones included)
    const lhrs: Result[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(base + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      lhrs.push(result!.lhr);
    }
    const scoreOf = (l: Result) => Math.round((l.categories.performance?.score ?? 0) * 100);
    const tbtOf = (l: Result) => Math.round(l.audits['total-blocking-time']?.numericValue ?? 0);
    const sorted = [...lhrs].sort((a, b) => scoreOf(a) - scoreOf(b) || tbtOf(b) - tbtOf(a));
    const lhr = sorted[Math.floor((sorted.length - 1) / 2)];
    if (RUNS > 1) writeFileSync(join(OUT, `pages-lhr-${alias(path).replace(/\W+/g, '_')}.json`), JSON.stringify(lhr));
    const audit = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? 0);
    const score = Math.round((lhr.categories.performance?.score ?? 0) * 100);
    const problems = [
      score < MIN_SCORE && `performance ${score} < ${MIN_SCORE}`,
      w.jsKB > (map ? BUDGET.jsWithMap : BUDGET.js) && `JS ${w.jsKB} KB > ${map ? BUDGET.jsWithMap : BUDGET.js}`,
      w.cssKB > BUDGET.css && `CSS ${w.cssKB} KB > ${BUDGET.css}`,
    ].filter(Boolean);
    rows.push({ page: path, ...(RUNS > 1 ? { runs: lhrs.map((l) => `${scoreOf(l)}/${tbtOf(l)}`).join(' ') } : {}), performance: score, 'FCP ms': audit('first-contentful-paint'), 'LCP ms': audit('largest-contentful-paint'), TBT: audit('total-blocking-time'),
      CLS: +(lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3), 'JS KB': w.jsKB, 'CSS KB': w.cssKB, 'HTML KB': w.htmlKB, map, ok: problems.join('; ') || 'ok' });
    console.error(`  ${path}: ${score}, JS ${w.jsKB} KB, CSS ${w.cssKB} KB`);
  }
} finally {
  chrome.kill();
  await server.stop();
  rmSync(DATA, { recursive: true, force: true });
}
console.log(`\nLighthouse 12.2.3 mobile (performance ≥ ${MIN_SCORE}) and gzip page weights (JS ≤ ${BUDGET.js} KB, ≤ ${BUDGET.jsWithMap} KB with a map; CSS ≤ ${BUDGET.css} KB):`);
console.table(rows);
// A run of some pages, or of another build, does not replace the record of the whole site.
const file = join(OUT, ONLY || process.env.BENCH_SERVER ? 'pages-partial.json' : 'pages-latest.json');
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), runs: RUNS, rows }, null, 2));
console.log(`JSON: ${file}`);
const failed = rows.filter((r) => r.ok !== 'ok');
if (failed.length) console.log(`\n${failed.length} page(s) over a budget or under ${MIN_SCORE}: ${failed.map((r) => `${r.page} (${r.ok})`).join(', ')}`);
process.exitCode = failed.length ? 1 : 0;

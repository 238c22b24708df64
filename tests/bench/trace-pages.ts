// `tsx tests/bench/trace-pages.ts [--runs N] /report /reports …`: each page loaded in Debian's chromium as a phone with
// the CPU slowed 4× (as Lighthouse's mobile preset assumes), traced, and its main-thread tasks over 50 ms listed with
// what they spent time on (layout, style, script, parse). Less sensitive to a loaded machine than Lighthouse's score:
// the tasks and their make-up stay, only their lengths stretch. Paths like Lighthouse's (`/reports/:no`, `/drives/:id`).
// `--compare <other build>/server.mjs` starts that build too (a copy of dist/ from before a change) and alternates runs
// between the two, so both see the same load; it ends with each page's median blocking time for both.
import { chromium } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM } from '../../playwright.config.ts';
import { START_ENV } from '../helpers/server-process.ts';
import { startProcess } from './load.ts';

type Ev = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { data?: { url?: string; functionName?: string } } };

const PORT = Number(process.env.BENCH_PORT ?? 4575);
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) || 1 : 1;
const cmpArg = process.argv.indexOf('--compare');
const OTHER = cmpArg > 0 ? process.argv[cmpArg + 1] : undefined;
const paths = process.argv.slice(2).filter((a, i, all) => a.startsWith('/') && !['--runs', '--compare'].includes(all[i - 1]!));
const DATA = join('tests/.tmp/bench', 'trace-data');
/** What a task's time goes to, by trace event name. */
const KIND: Record<string, string> = {
  Layout: 'layout', UpdateLayoutTree: 'style', ParseHTML: 'parse', EvaluateScript: 'script', 'v8.compile': 'compile',
  FunctionCall: 'script', TimerFire: 'script', EventDispatch: 'script', FireAnimationFrame: 'script', 'v8.evaluateModule': 'script',
  Paint: 'paint', PrePaint: 'paint', Layerize: 'paint', ParseAuthorStyleSheet: 'css-parse', MinorGC: 'gc', MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc', HitTest: 'layout', 'Document::updateStyleAndLayout': 'layout',
};

rmSync(DATA, { recursive: true, force: true });
const env = { ...START_ENV, DEMO: '1', RATE_LIMITS: 'off', LOG_LEVEL: 'warn' };
const server = await startProcess(['dist/server.mjs'], PORT, { ...env, DATA_DIR: DATA }, '/healthz');
const other = OTHER ? await startProcess([OTHER], PORT + 1, { ...env, DATA_DIR: DATA + '-other' }, '/healthz').catch(async (e) => { await server.stop(); throw e; }) : undefined;
const blocked: Record<string, number[]> = {};
const browser = await chromium.launch(CHROMIUM);
try {
  const list = await (await fetch(`${server.base}/reports`)).text();
  const caseNo = /href="\/reports\/([A-Z]+-\d{8}-\d+)"/.exec(list)?.[1];
  const drive = (await (await fetch(`${server.base}/api/drives`)).json() as { items: { id: number }[] }).items[0]?.id;
  for (const raw of paths.length ? paths : ['/report']) {
    const path = raw.replace('/reports/:no', `/reports/${caseNo}`).replace('/drives/:id', `/drives/${drive}`);
    for (let run = 0; run < RUNS * (other ? 2 : 1); run++) {
      const target = other && run % 2 ? other : server;
      const label = `${raw}${other ? (target === other ? ' (other build)' : ' (this build)') : ''}`;
      const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'zh-CN' });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
      await page.goto(target.base + path, { waitUntil: 'load' });
      await page.waitForTimeout(4000);
      const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: Ev[] }).traceEvents;
      await ctx.close();
      (blocked[label] ??= []).push(report(label, events));
    }
  }
} finally {
  await browser.close();
  await server.stop();
  await other?.stop();
  rmSync(DATA, { recursive: true, force: true });
  rmSync(DATA + '-other', { recursive: true, force: true });
}
console.log('\nms over 50 ms (4× CPU), median of the runs [each run]:');
for (const [label, v] of Object.entries(blocked)) console.log(`  ${label}: ${[...v].sort((a, b) => a - b)[v.length >> 1]} [${v.join(' ')}]`);

function report(path: string, events: Ev[]): number {
  // The renderer's main thread is the one running ParseHTML for the page.
  const main = events.filter((e) => e.name === 'ParseHTML').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];

  if (!main) { console.log(`${path}: no ParseHTML in the trace`); return NaN; }
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = mine.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  const top: Ev[] = [];
  for (const t of tasks) if (!top.length || t.ts >= top.at(-1)!.ts + top.at(-1)!.dur!) top.push(t);
  const start = events.find((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser')?.ts ?? top[0]!.ts;
  const long = top.filter((t) => t.dur! > 50_000);
  const blocking = long.reduce((s, t) => s + t.dur! / 1000 - 50, 0);
  const total = (name: string) => Math.round(mine.filter((e) => e.name === name).reduce((s, e) => s + e.dur!, 0) / 1000);
  console.log(`\n${path}: ${long.length} tasks over 50 ms, ${Math.round(blocking)} ms over 50 ms in all (4× CPU); ` +
    `text shaping ${total('InlineNode::ShapeTextIncludingFirstLine')} ms, layout ${total('Layout')} ms, module evaluation ${total('v8.evaluateModule')} ms`);
  for (const t of long) {
    const inside = mine.filter((e) => e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && KIND[e.name]);
    // Self time per kind: an event's time minus its KIND-ed children's.
    const by: Record<string, number> = {};
    for (const e of inside) {
      const kids = inside.filter((c) => c !== e && c.ts >= e.ts && c.ts + c.dur! <= e.ts + e.dur!);
      const direct = kids.filter((c) => !kids.some((d) => d !== c && c.ts >= d.ts && c.ts + c.dur! <= d.ts + d.dur!));
      const self = e.dur! - direct.reduce((s, c) => s + c.dur!, 0);
      by[KIND[e.name]!] = (by[KIND[e.name]!] ?? 0) + self / 1000;
    }
    const url = inside.map((e) => e.args?.data?.url).find(Boolean)?.split('/').pop() ?? '';
    const parts = Object.entries(by).sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 3).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
    console.log(`  @${Math.round((t.ts - start) / 1000)} ms  ${Math.round(t.dur! / 1000)} ms  ${url.slice(0, 40)}  [${parts}]`);
    if (process.env.TRACE_DEBUG) {
      // Self time by every event name inside the task (not only the kinds above).
      const all = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
      const self: Record<string, number> = {};
      for (const e of all) {
        const kids = all.filter((c) => c !== e && c.ts >= e.ts && c.ts + c.dur! <= e.ts + e.dur! && c.dur! < e.dur!);
        const direct = kids.filter((c) => !kids.some((d) => d !== c && c.ts >= d.ts && c.ts + c.dur! <= d.ts + d.dur! && c.dur! < d.dur!));
        self[e.name] = (self[e.name] ?? 0) + (e.dur! - direct.reduce((s2, c) => s2 + c.dur!, 0)) / 1000;
      }
      console.log('     ', Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${Math.round(v)}`).join(', '));
    }
  }
  return Math.round(blocking);
}

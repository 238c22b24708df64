/**
 * The per-day rollups (db/schema-rollups.ts, kept by triggers) against a full recount, after random workflows run
 * through the real services on a real SQLite file: reports from every channel, accept, reject, merge, dispatch,
 * 回退, 延期 (request + approval), 督办 with a new due time, 挂账 and resume, resolve on time or late (the clock moves),
 * close, 返工, 回访 and the reporter's rating (不满意 reopens), hiding a case. After each workflow:
 * - the trigger-kept tables equal rebuildRollups' recount, row for row;
 * - /stats read from them equals `compute` over the case rows (the definition) for every quarter, a custom range
 *   and a future period, and the home page's counts equal a direct count.
 * Seeded (ROLLUP_SEED, ROLLUP_RUNS) and reproducible; fixed clock moved only by the workflow.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Services } from '../../api/services.ts';
import type { StaffUser } from '../../api/staff/sessions.ts';
import type { StaffAction } from '../../api/cases/schema.ts';
import { compute, readStatsRows } from '../../api/opendata/stats.ts';
import { fromRollups, readRollups } from '../../api/opendata/stats-rollups.ts';
import { choosePeriod, quarterOf, quarterPeriod, quartersBetween } from '../../api/opendata/stats-period.ts';
import { lastDaysByCount } from '../../api/opendata/summary.ts';
import { shanghaiDate } from '../../api/shared/time.ts';
import { rebuildRollups } from '../../db/rollups.ts';
import { actor, caseRow, GOOD_FIELDS } from '../helpers/cases.ts';
import { FIXED_NOW, testServices } from '../helpers/services.ts';

const SEED = Number(process.env.ROLLUP_SEED ?? 20261201);
const RUNS = Number(process.env.ROLLUP_RUNS ?? 12);
const HOUR = 3_600_000;
const START = new Date(FIXED_NOW.getTime() - 200 * 24 * HOUR); // two quarters back, so several periods have history

const UNITS = ['sanitation', 'enforcement', 'municipal'];
const CATEGORIES = ['exposed_garbage', 'street_vending', 'open_bbq', 'other'];
const ADDRESSES = ['', '人民广场东侧', '人民广场 东侧，附近', '江城路12号', '！？'];
const ACTIONS: StaffAction[] = ['accept', 'reject', 'merge', 'dispatch', 'start', 'hold', 'resume', 'resolve', 'close', 'rework', 'send_back'];
/** What staff usually do next in each state (a 'step'); 'act' tries any action, which the workflow may refuse. */
const NEXT: Record<string, string[]> = {
  submitted: ['accept', 'accept', 'accept', 'dispatch', 'reject', 'merge'],
  accepted: ['dispatch', 'dispatch', 'dispatch', 'hold', 'supervise', 'reject'],
  dispatched: ['start', 'resolve', 'resolve', 'send_back', 'extend', 'supervise'],
  in_progress: ['resolve', 'resolve', 'extend', 'hold', 'supervise'],
  on_hold: ['resume'],
  resolved: ['close', 'close', 'close', 'rework'],
  closed: ['rate', 'callback', 'rate'],
  rejected: ['close'], duplicate: ['close'], // nothing follows: refused
};
const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

const pick = fc.nat({ max: 1000 });
const command = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('report' as const), channel: fc.constantFrom('web', 'api', 'hotline', 'patrol'),
    category: fc.constantFrom(...CATEGORIES), pin: fc.option(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), { freq: 3 }),
    address: fc.constantFrom(...ADDRESSES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('act' as const), i: pick, action: fc.constantFrom(...ACTIONS), unit: fc.constantFrom(...UNITS), j: pick }) },
  { weight: 24, arbitrary: fc.record({ kind: fc.constant('step' as const), i: pick, r: pick, unit: fc.constantFrom(...UNITS), j: pick,
    rating: fc.constantFrom(...RATINGS), hours: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('supervise' as const), i: pick, dueInHours: fc.option(fc.integer({ min: 1, max: 200 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extend' as const), i: pick, hours: fc.integer({ min: 2, max: 300 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('callback' as const), i: pick, rating: fc.constantFrom(...RATINGS), reached: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rate' as const), i: pick, rating: fc.constantFrom(...RATINGS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hide' as const), i: pick, hide: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const), hours: fc.integer({ min: 1, max: 24 * 12 }) }) },
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

type Step = Extract<Command, { kind: 'step' }>;
function stepIn(state: string, c: Step): Exclude<Command, Step> {
  const next = NEXT[state]![c.r % NEXT[state]!.length]!;
  if (next === 'supervise') return { kind: 'supervise', i: c.i, dueInHours: c.r % 2 ? c.hours : null };
  if (next === 'extend') return { kind: 'extend', i: c.i, hours: c.hours };
  if (next === 'rate') return { kind: 'rate', i: c.i, rating: c.rating };
  if (next === 'callback') return { kind: 'callback', i: c.i, rating: c.rating, reached: c.r % 4 !== 0 };
  return { kind: 'act', i: c.i, action: next as StaffAction, unit: c.unit, j: c.j };
}

const open: Services[] = [];
after(() => { for (const s of open) s.close(); });

/** Runs a workflow; a command the workflow refuses (illegal transition, validation) is simply skipped. */
async function run(commands: Command[]) {
  let now = START;
  const services = testServices({}, () => now);
  open.push(services);
  const admin = (await actor(services, 'admin')).user;
  const handlers = new Map<string, StaffUser>();
  for (const unit of UNITS) handlers.set(unit, (await actor(services, 'handler', unit)).user);
  const filed: { no: string; code: string }[] = [];
  const target = (i: number) => filed.length ? filed[i % filed.length]! : null;
  const version = (no: string) => caseRow(services, no).version;
  const iso = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();

  for (let c of commands) {
    try {
      if (c.kind === 'tick') { now = new Date(now.getTime() + c.hours * HOUR); continue; }
      if (c.kind === 'report') {
        const fields: Record<string, string> = { category: c.category, address: c.address, description: '路边垃圾堆放多日', publish: 'on' };
        if (c.pin) Object.assign(fields, { lat: String(21.8585 + c.pin[0] * 0.0003), lng: String(111.9822 + c.pin[1] * 0.0003) });
        const r = c.channel === 'web' ? await services.reports.submit(fields, [])
          : c.channel === 'api' ? await services.reports.submit(fields, [], { source: 'open311', channel: 'api' })
          : await services.cases.intake.enter(admin, { ...fields, channel: c.channel }, []);
        filed.push({ no: r.trackingNo, code: r.code });
        continue;
      }
      const t = target(c.i);
      if (!t) continue;
      const row = caseRow(services, t.no);
      c = c.kind === 'step' ? stepIn(row.state, c) : c;
      if (c.kind === 'act') {
        const handler = handlers.get(row.unitId ?? '') ?? admin;
        const who = c.action === 'send_back' || c.action === 'start' ? handler : admin;
        const extra = c.action === 'dispatch' ? { unitId: c.unit } : c.action === 'merge' ? { target: target(c.j)!.no }
          : c.action === 'hold' ? { plannedDate: shanghaiDate(new Date(now.getTime() + 30 * 24 * HOUR)) } : {};
        await services.cases.actions.perform(who, t.no, c.action, { version: row.version, ...GOOD_FIELDS[c.action], ...extra } as never);
      } else if (c.kind === 'supervise') {
        services.desk.supervision.supervise(admin, t.no, { version: row.version, note: '请加快处置', ...(c.dueInHours ? { dueAt: iso(c.dueInHours) } : {}) });
      } else if (c.kind === 'extend') {
        const handler = handlers.get(row.unitId ?? '');
        if (!handler) continue;
        const asked = services.cases.requests.request(handler, t.no, 'extension', { version: row.version, reason: '材料未到', proposedDueAt: iso(c.hours) });
        services.cases.requests.decide(admin, t.no, true, { version: version(t.no), requestId: asked.requestId });
      } else if (c.kind === 'callback') {
        services.cases.callbacks.record(admin, t.no, { version: row.version, result: c.reached ? (c.rating === 'unsatisfied' ? 'unsolved' : 'solved') : 'unreachable', rating: c.reached ? c.rating : undefined });
      } else if (c.kind === 'rate') {
        services.cases.rating.rate({ no: t.no, code: t.code, rating: c.rating });
      } else if (c.kind === 'hide') {
        services.cases.moderation.moderate(admin, t.no, c.hide ? 'hide_case' : 'unhide_case', { version: row.version, reason: '含个人信息' } as never);
      }
    } catch (e) {
      if (!(e instanceof Error) || !('status' in e) || (e as { status: number }).status >= 500) throw e; // only refusals may happen
      if (process.env.ROLLUP_DEBUG) console.log(c.kind, 'action' in c ? c.action : '', (e as { code?: string }).code, JSON.stringify((e as { fields?: unknown }).fields));
    }
  }
  return { services, now };
}

const TABLES = ['rollup_received', 'rollup_due', 'rollup_places', 'rollup_received_q', 'rollup_places_q', 'rollup_durations', 'rollup_duration_counts'];
const dump = (s: Services) => Object.fromEntries(TABLES.map((t) => [t, s.db.$client.prepare(`select * from ${t} order by 1, 2, 3, 4${t === 'rollup_duration_counts' ? '' : ', 5'}`).all()]));

function check(services: Services, now: Date) {
  const kept = dump(services);
  rebuildRollups(services.db.$client);
  assert.deepStrictEqual(kept, dump(services), 'the trigger-kept rollups equal a full recount');

  const rows = readStatsRows(services.db);
  const read = readRollups(services.db.$client);
  const current = quarterOf(shanghaiDate(now));
  const periods = [
    ...quartersBetween(quarterOf(shanghaiDate(START)), current).map(quarterPeriod),
    choosePeriod({ from: shanghaiDate(new Date(START.getTime() + 20 * 24 * HOUR)), to: shanghaiDate(now) }, now).period,
    quarterPeriod({ year: current.year + 1, q: current.q }), // nothing yet
  ];
  for (const p of periods) {
    assert.deepStrictEqual(fromRollups(read(p, now), p, now), compute(rows(p), p, now), `/stats ${p.from}…${p.to}`);
  }
  for (const days of [1, 30, 400]) {
    assert.deepStrictEqual(services.summary.lastDays(days), lastDaysByCount(services.db, now, days), `home page, last ${days} days`);
  }
}

/** What the workflows really did (a refused command does nothing), so the test can say it covered every event. */
const seen = new Map<string, number>();
function count(services: Services) {
  const q = (sql: string) => services.db.$client.prepare(sql).raw().all() as [string, number][];
  for (const [k, n] of [
    ...q('select action, count(*) from case_log group by action'), ...q(`select 'channel ' || channel, count(*) from cases group by channel`),
    ...q(`select 'hidden', count(*) from cases where hidden`), ...q(`select 'late', count(*) from cases where resolved_at > due_at`),
    ...q(`select 'on time', count(*) from cases where resolved_at <= due_at`),
  ]) seen.set(k, (seen.get(k) ?? 0) + n);
}
const EVENTS = ['submit', 'accept', 'reject', 'merge', 'dispatch', 'send_back', 'approve_request', 'supervise', 'hold', 'resume', 'resolve',
  'close', 'rework', 'reopen', 'callback', 'rate', 'channel web', 'channel api', 'channel hotline', 'channel patrol', 'hidden', 'late', 'on time'];

test('rollups equal a full recount after random workflows', async () => {
  let workflows = 0;
  await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 60, maxLength: 160 }), async (commands) => {
    const { services, now } = await run(commands);
    check(services, now);
    count(services);
    services.close();
    open.pop();
    workflows++;
  }), { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true });
  assert.equal(workflows, RUNS);
  if (RUNS >= 12) assert.deepStrictEqual(EVENTS.filter((e) => !seen.get(e)), [], `every event happened (${[...seen].join(', ')})`);
});

// The benchmark's big city: the demo city (staff, drives, gazetteer, photos) plus planned cases up to `count`, spread
// over three years with their full case logs, channels, 回访 and "me too" clicks, written by raw SQL in big
// transactions. Deterministic (seeded, `now` fixed to the day), built once and reused while the generator version and
// the migrations stay the same. `afterBulkLoad` is what any bulk loader must call after writing cases by raw SQL.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../api/config.ts';
import { createServices, prepareDataDir, type Services } from '../../api/services.ts';
import { seedOnStart } from '../../api/demo/index.ts';
import { demoFollowCode } from '../../api/demo/demo.ts';
import { planDemo, type PlannedCase } from '../../api/demo/plan.ts';
import { mulberry32 } from '../../api/demo/rng.ts';
import { SURNAMES } from '../../api/demo/texts.ts';
import { demoCalendar } from '../../api/cases/calendar-data.ts';
import { addWorkingTime } from '../../api/cases/deadlines.ts';
import { sha256, trackingNumber } from '../../api/shared/ids.ts';
import { shanghaiDate } from '../../api/shared/time.ts';
import { migrationsFolder } from '../../db/client.ts';

/** Bump when what the generator writes changes: the cached city is rebuilt. */
export const GENERATOR_VERSION = 1;
export const BENCH_PASSWORD = 'bench-password-2026';
const SEED = 0x6269_6763; // "bigc"
const HISTORY_DAYS = 1095;
const BATCH = 5000;
const DAY = 86_400_000;

/**
 * After cases were written by raw SQL (this generator, an import, another process): brings derived data up to date.
 * The lead adds rebuildRollups(db) and the map cells here at merge.
 */
export function afterBulkLoad(services: Services) {
  services.retention.run(); // contacts of long-finished cases are erased, as the running server would have done
  services.db.$client.exec('ANALYZE');
}

function cacheKey(count: number) {
  const h = createHash('sha256').update(`v${GENERATOR_VERSION}|${count}`);
  for (const f of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (f.endsWith('.sql')) h.update(f).update(readFileSync(join(migrationsFolder, f)));
  }
  return h.digest('hex').slice(0, 12);
}

/** A progress bar on stderr (a line per step when stderr is not a terminal). */
function progress(label: string, total: number) {
  let last = -1;
  return (done: number) => {
    const pct = Math.floor((done / total) * 100);
    if (pct === last) return;
    last = pct;
    if (process.stderr.isTTY) {
      const bar = '#'.repeat(Math.floor(pct / 4)).padEnd(25, '.');
      process.stderr.write(`\r${label} [${bar}] ${pct}% ${done}/${total}${done >= total ? '\n' : ''}`);
    } else if (pct % 10 === 0) process.stderr.write(`${label}: ${pct}% (${done}/${total})\n`);
  };
}

/** The data folder of a city with `count` cases under `root`, generating it when missing or out of date. */
export async function bigCity(root: string, count: number, log = (m: string) => console.error(m)): Promise<{ dir: string; reused: boolean }> {
  const dir = join(root, `city-${count}-${cacheKey(count)}`);
  if (existsSync(join(dir, 'cityloop.sqlite'))) return { dir, reused: true };
  for (const old of existsSync(root) ? readdirSync(root) : []) {
    if (old.startsWith(`city-${count}-`)) rmSync(join(root, old), { recursive: true, force: true });
  }
  const tmp = `${dir}.building`;
  rmSync(tmp, { recursive: true, force: true });
  const started = performance.now();
  const config = loadConfig({ DATA_DIR: tmp, DEMO: '1', RATE_LIMITS: 'off', DEMO_PASSWORD: BENCH_PASSWORD, LOG_LEVEL: 'warn' });
  prepareDataDir(config);
  const services = createServices(config);
  try {
    const now = new Date(Math.floor(Date.now() / DAY) * DAY + 2 * 3_600_000); // 10:00 in Shanghai, today: stable within a day
    await seedOnStart(services, { demo: true, now });
    const have = (services.db.$client.prepare('select count(*) n from cases').get() as { n: number }).n;
    log(`big city: planning ${count - have} more cases over ${HISTORY_DAYS} days…`);
    const plan = planDemo({
      now, count: count - have, seed: SEED, categories: services.catalog.activeCategories(), units: services.catalog.units(),
      cal: demoCalendar(), bounds: config.CITY_BOUNDS, historyDays: HISTORY_DAYS,
    });
    writePlan(services, plan, config.CITY_PREFIX, now);
    log('big city: after-load (retention, ANALYZE)…');
    afterBulkLoad(services);
  } finally {
    services.close();
  }
  renameSync(tmp, dir);
  log(`big city: ${count} cases in ${((performance.now() - started) / 1000).toFixed(0)} s → ${dir}`);
  return { dir, reused: false };
}

/** A scratch copy of a cached city for one server run (the run writes to it). */
export function scratchCopy(from: string, to: string) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}

function writePlan(services: Services, plan: PlannedCase[], prefix: string, now: Date) {
  const sql = services.db.$client;
  const rng = mulberry32(SEED ^ 0x5eed);
  const cal = demoCalendar();
  // Pictures: the demo city's own files, shared by many rows (as a CDN-less city with a photo per case would be).
  const pics = new Map<string, { before: PhotoRow[]; after: PhotoRow[] }>();
  for (const p of sql.prepare(`select c.category_id cat, p.kind, p.file, p.thumb, p.width, p.height, p.bytes from case_photos p
    join cases c on c.id = p.case_id`).all() as (PhotoRow & { cat: string; kind: 'before' | 'after' })[]) {
    const e = pics.get(p.cat) ?? { before: [], after: [] };
    e[p.kind].push(p);
    pics.set(p.cat, e);
  }
  const seq = new Map((sql.prepare('select day, last from tracking_seq').all() as { day: string; last: number }[]).map((r) => [r.day, r.last]));
  const insertCase = sql.prepare(`insert into cases (tracking_no, follow_code_hash, category_id, state, lat, lng, address, description,
    publish, publish_photos, reporter_name, reporter_phone, reporter_email, source, channel, attributes, unit_id, supporters, duplicate_of,
    version, created_at, updated_at, accepted_at, due_at, resolved_at, closed_at, rework_count, rating, rated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLog = sql.prepare(`insert into case_log (case_id, at, actor_kind, action, from_state, to_state, public_note, internal_note, detail)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertPhoto = sql.prepare(`insert into case_photos (case_id, kind, file, thumb, width, height, bytes, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertSupport = sql.prepare('insert into case_supports (case_id, at, client_hash) values (?, ?, ?)');
  const saveSeq = sql.prepare('insert into tracking_seq (day, last) values (?, ?) on conflict(day) do update set last = max(last, excluded.last)');
  const ids = new Map<PlannedCase, number>();
  const numbers = new Map<PlannedCase, string>();
  const t = (d: Date | null | undefined) => (d ? d.getTime() : null);
  let ticket = 0;
  const step = progress('big city: writing cases', plan.length);

  const writeBatch = sql.transaction((batch: PlannedCase[]) => {
    for (const c of batch) {
      const day = shanghaiDate(c.createdAt);
      const n = (seq.get(day) ?? 0) + 1;
      seq.set(day, n);
      const no = trackingNumber(prefix, c.createdAt, n);
      numbers.set(c, no);
      const f = c.fields;
      // The channel, as seedDemoChannels draws it: hotline transfers carry a ticket, patrol finds an inspector.
      const channel = rng.weighted([['web', 74], ['hotline', 16], ['patrol', 10]] as const);
      let who = { name: c.reporterName, phone: c.reporterPhone, email: c.reporterEmail };
      let attributes: string | null = null;
      if (channel === 'hotline') {
        attributes = JSON.stringify({ ticketNo: `GD${day.replaceAll('-', '')}${String(++ticket % 10000).padStart(4, '0')}` });
        who = { name: who.name ?? `${rng.pick(SURNAMES)}${rng.pick(['先生', '女士'])}`, phone: who.phone ?? `13800139${String(rng.int(0, 999)).padStart(3, '0')}`, email: who.email };
      } else if (channel === 'patrol') {
        who = { name: `${rng.pick(SURNAMES)}${rng.pick(['巡查员', '网格员', '城管队员'])}`, phone: `13800137${String(rng.int(0, 999)).padStart(3, '0')}`, email: null };
      }
      const callbackAt = channel !== 'web' && f.state === 'closed' && f.closedAt ? addWorkingTime(f.closedAt, rng.int(2, 14), 'hours', cal) : null;
      const callback = callbackAt && callbackAt < now && rng.chance(0.8)
        ? { at: callbackAt, rating: rng.weighted([['satisfied', 80], ['basically_satisfied', 14], ['unsatisfied', 6]] as const) } : null;
      const rating = callback ?? c.rating;
      const parentId = f.state === 'duplicate' && c.parent ? ids.get(c.parent) ?? null : null;
      const id = Number(insertCase.run(
        no, sha256(demoFollowCode(no)), c.categoryId, f.state, c.lat, c.lng, c.address, c.description, c.publish ? 1 : 0, c.publish ? 1 : 0,
        who.name, who.phone, who.email, channel, attributes, f.unitId, c.supporters, parentId, c.events.length + (callback ? 1 : 0),
        t(c.createdAt), t(f.updatedAt), t(f.acceptedAt), t(f.dueAt), t(f.resolvedAt), t(f.closedAt),
        c.events.filter((e) => e.action === 'rework').length, rating?.rating ?? null, t(rating?.at),
      ).lastInsertRowid);
      ids.set(c, id);
      const parentNo = c.parent ? numbers.get(c.parent) ?? '' : '';
      for (const e of c.events) {
        insertLog.run(id, t(e.at), e.actor, e.action, e.from, e.to, e.publicNote?.replace('{parent}', parentNo) ?? null, e.internalNote, null);
      }
      if (callback) insertLog.run(id, t(callback.at), 'staff', 'callback', null, null, null, null, JSON.stringify({ result: 'solved', rating: callback.rating, counted: true, reopened: false }));
      else if (c.rating) insertLog.run(id, t(c.rating.at), 'reporter', 'rate', null, null, null, null, JSON.stringify({ rating: c.rating.rating }));
      const pool = pics.get(c.categoryId);
      if (pool) {
        for (const v of c.before) {
          const p = pool.before[v % Math.max(1, pool.before.length)];
          if (p) insertPhoto.run(id, 'before', p.file, p.thumb, p.width, p.height, p.bytes, t(c.createdAt));
        }
        const a = c.after !== null ? pool.after[c.after % Math.max(1, pool.after.length)] : undefined;
        if (a) insertPhoto.run(id, 'after', a.file, a.thumb, a.width, a.height, a.bytes, t(f.resolvedAt ?? f.updatedAt));
      }
      c.supportAt.forEach((at, k) => insertSupport.run(id, t(at), sha256(`bench|${no}|${k}`).slice(0, 22)));
    }
    for (const day of new Set(batch.map((c) => shanghaiDate(c.createdAt)))) saveSeq.run(day, seq.get(day)!);
  });
  for (let from = 0; from < plan.length; from += BATCH) {
    writeBatch.immediate(plan.slice(from, from + BATCH));
    step(Math.min(from + BATCH, plan.length));
  }
}

type PhotoRow = { file: string; thumb: string; width: number; height: number; bytes: number };

// `tsx tests/bench/city.ts [count]`: builds (or finds) the city alone.
if (process.argv[1]?.endsWith('city.ts')) {
  const r = await bigCity('tests/.tmp/bench', Number(process.argv[2] ?? 100_000));
  console.log(`${r.reused ? 'reused' : 'built'} ${r.dir}`);
}

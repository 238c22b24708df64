import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import sharp from 'sharp';
import { loadConfig } from '../../api/config.ts';
import { createServices, type Services } from '../../api/services.ts';
import { demoCalendar } from '../../api/cases/calendar-data.ts';
import { isWorkingDay } from '../../api/cases/deadlines.ts';
import { CASE_STATES, TRANSITIONS, type CaseAction, type CaseState } from '../../api/cases/workflow.ts';
import { TRACKING_NO } from '../../api/shared/ids.ts';
import { shanghaiDate } from '../../api/shared/time.ts';
import { caseLog, casePhotos, cases, categories, trackingSeq, units } from '../../db/schema.ts';
import { demoFollowCode, seedCatalog, seedDemo, seedOnStart, type SeedDemoResult } from '../../api/demo/index.ts';

const NOW = new Date('2026-11-25T02:00:00Z'); // Wednesday 10:00 in Yangjiang
const COUNT = 60;

type Run = { dir: string; services: Services; result: SeedDemoResult };
const dirs: string[] = [];

async function freshServices() {
  const dir = await mkdtemp(join(tmpdir(), 'cityloop-seed-'));
  dirs.push(dir);
  return { dir, services: createServices(loadConfig({ DATA_DIR: dir, DEMO: '0' })) };
}

async function seeded(): Promise<Run> {
  const { dir, services } = await freshServices();
  seedCatalog(services.db);
  const result = await seedDemo(services, { now: NOW, count: COUNT });
  return { dir, services, result };
}

const allCases = (s: Services) => s.db.select().from(cases).orderBy(asc(cases.id)).all();
const allLogs = (s: Services) => s.db.select().from(caseLog).orderBy(asc(caseLog.caseId), asc(caseLog.at), asc(caseLog.id)).all();

/** Within the demo calendar's working periods (08:30–12:00, 14:30–17:30 on working days), ends included. */
function isWorkingMoment(at: Date) {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
  const inPeriod = (minutes >= 510 && minutes <= 720) || (minutes >= 870 && minutes <= 1050);
  return inPeriod && isWorkingDay(shanghaiDate(at), demoCalendar());
}

describe('demo city seed', () => {
  let a: Run;
  let b: Run;
  before(async () => {
    a = await seeded();
    b = await seeded();
  });
  after(async () => {
    a?.services.close();
    b?.services.close();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('seeds the catalog once: five units, the 17 categories of PRODUCT.md', () => {
    const db = a.services.db;
    assert.deepEqual(db.select().from(units).all().map((u) => u.id).sort(), ['enforcement', 'greenery', 'lighting', 'municipal', 'sanitation']);
    const cats = db.select().from(categories).orderBy(asc(categories.sort)).all();
    assert.equal(cats.length, 17);
    const byId = Object.fromEntries(cats.map((c) => [c.id, c]));
    assert.equal(byId.manhole_cover!.nationalCode, '010xx');
    assert.equal(byId.blocked_drain!.nationalCode, null);
    assert.equal(byId.other!.unitId, null);
    assert.deepEqual(cats.filter((c) => c.handleUnit === 'hours').map((c) => c.id).sort(), ['burning_waste', 'manhole_cover', 'open_bbq']);
    assert.ok(cats.every((c) => c.acceptHours === 2));
    assert.deepEqual(seedCatalog(db), { units: 0, categories: 0 }, 'a second run adds nothing');
  });

  it('writes the requested number of demo cases, every state among them', () => {
    const rows = allCases(a.services);
    assert.equal(rows.length, COUNT);
    assert.ok(rows.every((c) => c.source === 'demo'));
    assert.deepEqual(new Set(rows.map((c) => c.state)), new Set(CASE_STATES));
    assert.ok(rows.every((c) => c.createdAt <= NOW && c.createdAt.getTime() > NOW.getTime() - 520 * 86_400_000)); // five quarters of history
  });

  it('numbers cases per Asia/Shanghai day in the real format, unique and gap-free', () => {
    const rows = allCases(a.services);
    const byDay = new Map<string, number[]>();
    for (const c of rows) {
      assert.match(c.trackingNo, TRACKING_NO);
      const [prefix, date, seq] = c.trackingNo.split('-');
      assert.equal(prefix, 'YJ');
      assert.equal(date, shanghaiDate(c.createdAt).replaceAll('-', ''));
      assert.equal(seq!.length, 4);
      byDay.set(date!, [...(byDay.get(date!) ?? []), Number(seq)]);
    }
    assert.equal(new Set(rows.map((c) => c.trackingNo)).size, rows.length);
    for (const seqs of byDay.values()) assert.deepEqual(seqs.sort((x, y) => x - y), seqs.map((_, i) => i + 1));

    // Later real reports continue each day's sequence.
    const stored = new Map(a.services.db.select().from(trackingSeq).all().map((r) => [r.day.replaceAll('-', ''), r.last]));
    assert.equal(stored.size, byDay.size);
    for (const [day, seqs] of byDay) assert.equal(stored.get(day), Math.max(...seqs), day);
  });

  it('has 12345 hotline and patrol cases (issue 11), closed ones with a 回访 whose satisfaction is the rating', () => {
    const rows = allCases(a.services);
    const by = (ch: string) => rows.filter((c) => c.channel === ch);
    assert.ok(by('hotline').length >= 4 && by('patrol').length >= 2, `${by('hotline').length} hotline, ${by('patrol').length} patrol`);
    assert.ok(by('hotline').every((c) => /^GD\d{12}$/.test(c.attributes?.ticketNo ?? '') && c.reporterPhone));
    const called = allLogs(a.services).filter((l) => l.action === 'callback');
    assert.ok(called.length >= 2, `${called.length} callbacks`);
    for (const l of called) assert.equal(rows.find((c) => c.id === l.caseId)!.rating, (l.detail as { rating: string }).rating);
  });

  it('logs every case as a legal path of the state machine, staff acting in working hours', () => {
    const rows = new Map(allCases(a.services).map((c) => [c.id, c]));
    const logs = new Map<number, ReturnType<typeof allLogs>>();
    for (const l of allLogs(a.services)) logs.set(l.caseId, [...(logs.get(l.caseId) ?? []), l]);
    for (const [id, c] of rows) {
      const log = logs.get(id) ?? [];
      const [first, ...rest] = log;
      assert.ok(first, `${c.trackingNo} has a log`);
      assert.deepEqual([first.action, first.fromState, first.toState, first.actorKind], ['submit', null, 'submitted', 'reporter']);
      assert.equal(first.at.getTime(), c.createdAt.getTime());
      let state: CaseState = 'submitted';
      let previous = first.at;
      for (const l of rest) {
        if (l.action === 'callback') { // 回访 (issue 11): a note on a closed case, by staff in working hours
          assert.deepEqual([state, l.actorKind, l.toState], ['closed', 'staff', null]);
          assert.ok(isWorkingMoment(l.at) && l.at <= NOW && l.at > previous, `${c.trackingNo}: callback at ${l.at.toISOString()}`);
          continue;
        }
        if (l.action === 'rate') { // the reporter's rating: not a transition, only after closing
          assert.deepEqual([state, l.actorKind, l.fromState, l.toState], ['closed', 'reporter', null, null], `${c.trackingNo} rated once closed`);
          assert.equal(c.rating, l.detail?.rating);
          continue;
        }
        const t = TRANSITIONS[l.action as CaseAction];
        assert.ok(t, `${c.trackingNo}: unknown action ${l.action}`);
        assert.ok(t.from.includes(state), `${c.trackingNo}: ${l.action} from ${state}`);
        assert.equal(l.fromState, state);
        assert.equal(l.toState, t.to);
        assert.equal(l.actorKind, 'staff');
        assert.ok(l.at > previous && l.at <= NOW, `${c.trackingNo}: ${l.action} in order and before now`);
        assert.ok(isWorkingMoment(l.at), `${c.trackingNo}: ${l.action} at ${l.at.toISOString()} is working time`);
        if (['reject', 'hold', 'merge', 'rework'].includes(l.action)) assert.ok(l.publicNote?.trim(), `${l.action} has a public note`);
        state = t.to;
        previous = l.at;
      }
      assert.equal(state, c.state, `${c.trackingNo} ends in its state`);
      assert.equal(c.updatedAt.getTime(), previous.getTime());
      assert.equal(c.version, log.filter((l) => l.action !== 'rate').length);
    }
  });

  it('keeps the case fields consistent with the log', () => {
    const rows = allCases(a.services);
    const byId = new Map(rows.map((c) => [c.id, c]));
    for (const c of rows) {
      const reachedOpen = !['submitted', 'rejected', 'duplicate'].includes(c.state);
      if (reachedOpen) assert.ok(c.acceptedAt && c.dueAt && c.dueAt > c.acceptedAt, `${c.trackingNo} has its deadline`);
      assert.equal(c.closedAt !== null, c.state === 'closed', c.trackingNo);
      if (c.state === 'resolved' || c.state === 'closed') assert.ok(c.resolvedAt, c.trackingNo);
      if (['dispatched', 'in_progress', 'resolved', 'closed'].includes(c.state)) assert.ok(c.unitId, `${c.trackingNo} has a unit`);
      assert.ok(c.supporters >= 0 && c.supporters <= 12);
      if (c.state === 'duplicate') {
        const target = byId.get(c.duplicateOf!);
        assert.ok(target && target.id < c.id && target.categoryId === c.categoryId, `${c.trackingNo} joins an earlier case`);
        const merge = allLogs(a.services).find((l) => l.caseId === c.id && l.action === 'merge')!;
        assert.ok(merge.publicNote!.includes(target.trackingNo));
      } else {
        assert.equal(c.duplicateOf, null);
      }
    }
  });

  it('places every report inside the city bounds, near central Yangjiang', () => {
    const { south, west, north, east } = a.services.config.CITY_BOUNDS;
    for (const c of allCases(a.services)) {
      if (c.lat === null || c.lng === null) {
        assert.ok(c.address, `${c.trackingNo} without a pin has a typed address`);
        continue;
      }
      assert.ok(c.lat >= south && c.lat <= north && c.lng >= west && c.lng <= east, c.trackingNo);
      assert.ok(c.lat > 21.84 && c.lat < 21.89 && c.lng > 111.94 && c.lng < 112.01, `${c.trackingNo} is in the city centre`);
    }
  });

  it('stores photos like real uploads: files and thumbnails on disk, JPEG, no EXIF', async () => {
    const photos = a.services.db.select().from(casePhotos).all();
    const rows = new Map(allCases(a.services).map((c) => [c.id, c]));
    assert.ok(photos.some((p) => p.kind === 'before') && photos.some((p) => p.kind === 'after'));
    assert.equal(new Set(photos.map((p) => p.file)).size, photos.length, 'no two rows share a file');
    for (const p of photos) {
      if (p.kind === 'after') assert.ok(['resolved', 'closed'].includes(rows.get(p.caseId)!.state));
      for (const f of [p.file, p.thumb]) {
        const path = join(a.services.config.uploadsDir, f);
        assert.ok(existsSync(path), f);
        const meta = await sharp(path).metadata();
        assert.equal(meta.format, 'jpeg');
        assert.equal(meta.exif, undefined, `${f} has no EXIF`);
      }
    }
  });

  it('is deterministic: the same now gives the same city', () => {
    const pick = (s: Services) => allCases(s).map((c) => [c.trackingNo, c.description, c.state, c.lat, c.lng, c.address]);
    assert.deepEqual(pick(a.services), pick(b.services));
    const actions = (s: Services) => allLogs(s).map((l) => [l.action, l.at.getTime(), l.publicNote]);
    assert.deepEqual(actions(a.services), actions(b.services));
    assert.deepEqual(a.result.sample, b.result.sample);
  });

  it('names a demo case that can be followed with its code', () => {
    const { sample } = a.result;
    assert.ok(sample);
    assert.equal(sample.code, demoFollowCode(sample.trackingNo));
    const found = a.services.reports.findForReporter(sample.trackingNo, sample.code);
    assert.equal(found.state, 'closed');
    assert.ok(a.services.reports.photosOf(found.id).some((p) => p.kind === 'after'));
  });

  it('seedOnStart: catalog always, demo only when asked for and the database has no cases', async () => {
    const again = await seedOnStart(a.services, { demo: true, now: NOW });
    assert.equal(again.demo, null);
    assert.equal(allCases(a.services).length, COUNT);

    const { services } = await freshServices();
    try {
      const first = await seedOnStart(services, { demo: false, now: NOW });
      assert.deepEqual(first, { catalog: { units: 5, categories: 17 }, demo: null });
      assert.equal(allCases(services).length, 0);
    } finally {
      services.close();
    }
  });
});

// Linked hotspots go through the case workflow: linking dispatches, closing a drive resolves what was cleaned, then 核查.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq } from 'drizzle-orm';
import { caseLog, casePhotos, driveCases, driveOccurrences } from '../../db/schema.ts';
import { actor, caseIn, caseRow, clockedServices } from '../helpers/cases.ts';
import { series, volunteer } from '../helpers/drives.ts';
import { plainPng } from '../helpers/images.ts';

const logOf = (services: ReturnType<typeof clockedServices>['services'], no: string) =>
  services.db.select().from(caseLog).where(eq(caseLog.caseId, caseRow(services, no).id)).all();

describe('linked hotspots', async () => {
  const { services, at } = clockedServices();
  const dispatcher = (await actor(services, 'dispatcher')).user;
  const lighting = (await actor(services, 'handler', 'lighting')).user;
  const sanitation = (await actor(services, 'handler', 'sanitation')).user;
  const accepted = await caseIn(services, dispatcher, 'accepted');
  const elsewhere = await caseIn(services, dispatcher, 'dispatched'); // GOOD_FIELDS dispatches to sanitation
  const resolved = await caseIn(services, dispatcher, 'resolved');
  const submitted = await caseIn(services, dispatcher, 'submitted');

  it('refuses what is not open work, names the case, and writes nothing', () => {
    for (const [no, code] of [[resolved.trackingNo, 'drive_case_not_open'], [submitted.trackingNo, 'drive_case_not_found'], ['YJ-20990101-0001', 'drive_case_not_found']] as const) {
      assert.throws(() => series(services, { cases: no }), (e: { fields: Record<string, string>; vars: Record<string, string> }) =>
        e.fields.cases === code && e.vars.no === no);
    }
    assert.equal(services.db.select({ n: count() }).from(driveCases).get()!.n, 0);
    assert.equal(services.drives.queries.allSeries().length, 0, 'no half-written series');
  });

  it('a handler cannot dispatch by linking: an accepted case is not theirs to see', () => {
    assert.throws(() => services.drives.organise.createSeries({ ...lighting }, seriesFields(accepted.trackingNo, 'lighting')), (e: { fields: Record<string, string> }) => e.fields.cases === 'drive_case_not_found');
    assert.equal(caseRow(services, accepted.trackingNo).state, 'accepted');
  });

  let occurrenceId = 0;
  it('linking an accepted case dispatches it to the organising unit with a case-log row; a dispatched one is linked as it is', () => {
    const before = logOf(services, elsewhere.trackingNo).length;
    const { first } = series(services, { cases: `${accepted.trackingNo.toLowerCase()}，${elsewhere.trackingNo} ${accepted.trackingNo}`, unitId: 'sanitation' });
    occurrenceId = first.id;
    const row = caseRow(services, accepted.trackingNo);
    assert.deepEqual([row.state, row.unitId], ['dispatched', 'sanitation']);
    const last = logOf(services, accepted.trackingNo).at(-1)!;
    assert.deepEqual([last.action, last.fromState, last.toState, last.actorKind], ['dispatch', 'accepted', 'dispatched', 'staff']);
    assert.match(last.publicNote!, /已纳入志愿清洁活动“沿江南社区周五志愿清洁”/);
    assert.equal(logOf(services, elsewhere.trackingNo).length, before, 'already dispatched: no new row');
    assert.deepEqual(services.drives.queries.linkedCases(first.seriesId).map((c) => c.trackingNo).sort(), [accepted.trackingNo, elsewhere.trackingNo].sort());
  });

  it('closing resolves the cases marked cleaned with the public note and the after-photo; the rest stay open; then 核查', async () => {
    const s = services.drives.signups.signUp(occurrenceId, volunteer());
    const occ = services.db.select().from(driveOccurrences).where(eq(driveOccurrences.id, occurrenceId)).get()!;
    at('2026-12-31T00:00'); // long after
    const roster = services.drives.organise.roster(sanitation, occurrenceId);
    const target = roster.linked.find((c) => c.trackingNo === accepted.trackingNo)!;
    assert.equal(target.resolvable, true);
    const r = await services.drives.organise.close(sanitation, occurrenceId, { attended: [s.id], cleaned: [target.caseId], photos: new Map([[target.caseId, await plainPng()]]), lang: 'zh' });
    assert.deepEqual(r, { attended: 1, noShows: 0, cleaned: [accepted.trackingNo] });
    const last = logOf(services, accepted.trackingNo).at(-1)!;
    const [y, m, d] = occ.date.split('-').map(Number);
    assert.equal(last.publicNote, `清理完成 — 沿江南社区周五志愿清洁，${y}年${m}月${d}日`);
    assert.deepEqual([last.action, last.toState], ['resolve', 'resolved']);
    assert.equal(services.db.select({ n: count() }).from(casePhotos).where(and(eq(casePhotos.caseId, target.caseId), eq(casePhotos.kind, 'after'))).get()!.n, 1);
    assert.equal(caseRow(services, elsewhere.trackingNo).state, 'dispatched', 'not marked: stays open');
    assert.equal(services.drives.queries.linkedCases(occ.seriesId).find((c) => c.trackingNo === accepted.trackingNo)!.cleaned, occurrenceId);
    const checked = await services.cases.actions.perform(dispatcher, accepted.trackingNo, 'close', { version: caseRow(services, accepted.trackingNo).version });
    assert.equal(checked.state, 'closed', 'verified like any other case');
  });

  it('a case that cannot be resolved by this organiser stops the whole closing: nothing half-written', async () => {
    const other = await caseIn(services, dispatcher, 'accepted');
    at('2026-11-25T10:00');
    const { first } = series(services, { cases: other.trackingNo, unitId: 'sanitation' }, 3);
    await services.cases.actions.perform(dispatcher, other.trackingNo, 'hold', { version: caseRow(services, other.trackingNo).version, publicNote: '纳入计划', plannedDate: '2027-01-31' });
    services.drives.signups.signUp(first.id, volunteer());
    at('2026-12-31T00:00');
    const caseId = caseRow(services, other.trackingNo).id;
    await assert.rejects(services.drives.organise.close(sanitation, first.id, { attended: [], cleaned: [caseId], photos: new Map([[caseId, await plainPng()]]) }),
      (e: { fields: Record<string, string> }) => e.fields.cleaned === 'drive_case_not_resolvable');
    assert.equal(services.db.select().from(driveOccurrences).where(eq(driveOccurrences.id, first.id)).get()!.status, 'scheduled');
    assert.equal(services.db.select({ n: count() }).from(casePhotos).where(eq(casePhotos.caseId, caseId)).get()!.n, 0);
  });
});

function seriesFields(cases: string, unitId: string) {
  return {
    titleZh: '路灯巡查', community: '沿江南社区', address: '江城路', weekday: '5', startTime: '15:00', endTime: '17:00',
    firstDate: '2026-11-27', capacity: '10', hours: '2', unitId, cases,
  };
}

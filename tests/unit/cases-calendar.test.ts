import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { isAppError } from '../../api/shared/errors.ts';
import { CN_HOLIDAYS } from '../../api/cases/calendar-data.ts';
import { seedCalendar } from '../../api/cases/calendar.ts';
import { isWorkingDay } from '../../api/cases/deadlines.ts';
import { auditLog, calendarDays } from '../../db/schema.ts';
import { actor, caseRow, clockedServices, report, shLocal } from '../helpers/cases.ts';

describe('the working calendar in the database', async () => {
  it('is seeded once from CN_HOLIDAYS; an admin who empties it does not get it back', async () => {
    const { services } = clockedServices();
    const expected = Object.values(CN_HOLIDAYS).reduce((n, y) => n + y.holidays.length + y.workdays.length, 0);
    const cal = services.cases.calendar.get();
    assert.equal([...cal.holidays].length + [...cal.workdays].length, expected);
    services.db.delete(calendarDays).run();
    assert.equal(seedCalendar(services.db), 0);
    services.cases.calendar.invalidate();
    assert.equal([...services.cases.calendar.get().holidays].length, 0);
  });

  it('admin edits take effect at once and are audited; others may not edit', async () => {
    const { services } = clockedServices();
    const { user: admin } = await actor(services, 'admin');
    const { user: dispatcher } = await actor(services, 'dispatcher');
    const cal = services.cases.calendar;
    assert.equal(isWorkingDay('2026-11-26', cal.get()), true);
    cal.setDay(admin, { date: '2026-11-26', kind: 'holiday', note: '台风停工' });
    assert.equal(isWorkingDay('2026-11-26', cal.get()), false);
    assert.equal(cal.removeDay(admin, '2026-11-26'), true);
    assert.equal(isWorkingDay('2026-11-26', cal.get()), true);
    assert.throws(() => cal.setDay(admin, { date: '2026-11-26', kind: 'workday' }), (e) => isAppError(e) && e.fields?.date === 'workday_not_weekend');
    assert.throws(() => cal.setDay(admin, { date: '2026-02-30', kind: 'holiday' }), (e) => isAppError(e) && e.fields?.date === 'date_invalid');
    assert.throws(() => cal.setDay(dispatcher, { date: '2026-11-28', kind: 'workday' }), (e) => isAppError(e) && e.status === 403);
    const audited = services.db.select().from(auditLog).where(eq(auditLog.staffId, admin.id)).all().map((a) => a.action);
    assert.deepEqual(audited, ['calendar.set_day', 'calendar.remove_day']);
  });

  it('working periods are settings, validated', async () => {
    const { services } = clockedServices();
    const { user: admin } = await actor(services, 'admin');
    const cal = services.cases.calendar;
    assert.deepEqual(cal.periods(), [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }]);
    assert.throws(() => cal.setPeriods(admin, [{ start: '14:00', end: '12:00' }]), (e) => isAppError(e) && e.fields?.periods === 'periods_invalid');
    assert.throws(() => cal.setPeriods(admin, [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }]), isAppError);
    cal.setPeriods(admin, [{ start: '09:00', end: '17:00' }]);
    assert.deepEqual(cal.periods(), [{ start: '09:00', end: '17:00' }]);
  });
});

describe('due times through the DB calendar (fixed clock, accept = start of the clock)', () => {
  // [accepted at (Shanghai), category, due (Shanghai), why]
  const table: [string, string, string, string][] = [
    ['2026-11-25T10:00', 'exposed_garbage', '2026-11-26T10:00', 'Wednesday + 1 working day'],
    ['2026-11-27T10:00', 'exposed_garbage', '2026-11-30T10:00', 'Friday + 1 day skips the weekend'],
    ['2026-11-27T16:45', 'manhole_cover', '2026-11-30T09:45', 'urgent 2 working hours across the weekend'],
    ['2026-11-27T10:00', 'outside_trading', '2026-12-02T10:00', 'Friday + 3 days'],
    ['2026-09-30T16:00', 'exposed_garbage', '2026-10-08T16:00', 'across the National Day week 10/1–10/7'],
    ['2026-10-02T10:00', 'exposed_garbage', '2026-10-08T17:30', 'reported during the holiday: snaps to 10/8 08:30'],
    ['2026-10-09T16:00', 'exposed_garbage', '2026-10-10T16:00', 'Friday → the adjusted working Saturday 10/10'],
    ['2026-09-30T16:30', 'open_bbq', '2026-10-08T09:30', 'urgent: 1 h before the holiday, 1 h after'],
  ];
  for (const [acceptAt, category, due, why] of table) {
    it(`${acceptAt} ${category} → ${due} (${why})`, async () => {
      const { services, at } = clockedServices();
      const { user } = await actor(services, 'dispatcher');
      at('2026-09-01T09:00');
      const { trackingNo } = await report(services, { category });
      at(acceptAt);
      const { version } = caseRow(services, trackingNo);
      await services.cases.actions.perform(user, trackingNo, 'accept', { version });
      assert.equal(shLocal(caseRow(services, trackingNo).dueAt), due);
    });
  }

  it('an admin’s new holiday moves the next due time', async () => {
    const { services } = clockedServices();
    const { user: admin } = await actor(services, 'admin');
    services.cases.calendar.setDay(admin, { date: '2026-11-26', kind: 'holiday', note: '台风' });
    const { trackingNo } = await report(services);
    await services.cases.actions.perform(admin, trackingNo, 'accept', { version: 1 });
    assert.equal(shLocal(caseRow(services, trackingNo).dueAt), '2026-11-27T10:00');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { count, eq } from 'drizzle-orm';
import { auditLog, driveSignups } from '../../db/schema.ts';
import { clockedApp, MINUTE } from './staff-fixtures.ts';
import { signedIn } from '../helpers/services.ts';
import { phoneOf, series, volunteer } from '../helpers/drives.ts';

type App = ReturnType<typeof clockedApp>['app'];
const post = (app: App, path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const signUp = (app: App, occ: number, body: unknown, lang = 'zh') => post(app, `/api/drives/occurrences/${occ}/signups?lang=${lang}`, body);
const tokenOf = (manageUrl: string) => manageUrl.split('/').pop()!;
const HOUR = 60 * MINUTE;

function parseIcs(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  const zone = comp.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return comp.getAllSubcomponents('vevent').map((v) => ({ event: new ICAL.Event(v), status: v.getFirstPropertyValue('status'), sequence: v.getFirstPropertyValue('sequence') }));
}

describe('signing up', () => {
  const { app, services, advance } = clockedApp();
  const { first, occurrences } = series(services, { capacity: '2' });
  const rows = () => services.db.select({ n: count() }).from(driveSignups).get()!.n;

  it('confirms while places last, then waitlists with a position; the list shows counts only', async () => {
    const a = await signUp(app, first.id, volunteer({ name: '张三', phone: '13800138001' }));
    assert.equal(a.status, 201);
    const body = await a.json();
    assert.equal(body.status, 'confirmed');
    assert.match(body.code, /^[A-HJKMNP-Z2-9]{8}$/);
    assert.match(body.manageUrl, /^http:\/\/localhost:4321\/drives\/signup\/[0-9a-z]+-[\w-]{22}$/);
    assert.equal((await (await signUp(app, first.id, volunteer())).json()).status, 'confirmed');
    const c = await (await signUp(app, first.id, volunteer())).json();
    assert.deepEqual([c.status, c.position], ['waitlisted', 1]);
    const d = await (await signUp(app, first.id, volunteer())).json();
    assert.deepEqual([d.status, d.position], ['waitlisted', 2]);
    const list = await (await app.request('/api/drives')).text();
    assert.ok(!list.includes('张三') && !list.includes('13800138001') && !list.includes('138****8001'));
    const item = JSON.parse(list).items.find((i: { id: number }) => i.id === first.id);
    assert.deepEqual([item.confirmed, item.waitlisted, item.placesLeft], [2, 2, 0]);
    assert.equal(item.startsAt.slice(11), '15:00:00+08:00');
  });

  it('the same phone again returns the existing signup, never a second seat; another name with it learns nothing', async () => {
    const before = rows();
    const again = await signUp(app, first.id, volunteer({ name: '张三', phone: '138 0013 8001' }));
    assert.equal(again.status, 200);
    assert.deepEqual([(await again.json()).existing], [true]);
    const other = await signUp(app, first.id, volunteer({ name: '王五', phone: '13800138001' }));
    assert.equal(other.status, 409);
    const err = (await other.json()).error;
    assert.equal(err.code, 'already_signed_up');
    assert.ok(!JSON.stringify(err).includes('张'));
    assert.equal(rows(), before);
  });

  it('bad input: localized 4xx with field errors, nothing written', async () => {
    const before = rows();
    const table: [Record<string, unknown>, string, string][] = [
      [{ ageGroup: 'child' }, 'ageGroup', '未满 14 周岁'],
      [{ consent: false }, 'consent', '个人信息保护说明'],
      [{ ageGroup: 'minor', guardianName: '' , guardianPhone: '13800138000' }, 'guardianName', '监护人姓名'],
      [{ phone: '12345' }, 'phone', '11 位中国大陆手机号码'],
      [{ team: 'company', org: '' }, 'org', '单位'],
    ];
    for (const [over, field, words] of table) {
      const res = await signUp(app, first.id, volunteer(over));
      assert.equal(res.status, 400, JSON.stringify(over));
      const { error } = await res.json();
      assert.equal(error.code, 'invalid_input');
      assert.ok(error.fields[field].includes(words), `${field}: ${error.fields[field]}`);
    }
    const en = await (await signUp(app, first.id, volunteer({ phone: 'x' }), 'en')).json();
    assert.equal(en.error.fields.phone, 'Enter an 11-digit mainland China mobile number.');
    assert.equal((await signUp(app, 999999, volunteer())).status, 404);
    assert.equal((await app.request(`/api/drives/occurrences/${first.id}/signups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })).status, 400);
    assert.equal(rows(), before);
  });

  it('cancelling promotes the first on the waitlist in the same transaction; the .ics follows every change', async () => {
    const a = await (await signUp(app, occurrences[1].id, volunteer({ name: '赵六' }))).json();
    const b = await (await signUp(app, occurrences[1].id, volunteer())).json();
    const c = await (await signUp(app, occurrences[1].id, volunteer())).json();
    assert.equal(c.status, 'waitlisted');
    const ics1 = parseIcs(await (await app.request(`/feeds/drives/signups/${tokenOf(c.manageUrl)}.ics`)).text());
    assert.equal(ics1[0].status, 'TENTATIVE');
    const del = await app.request(`/api/drives/signups/${tokenOf(a.manageUrl)}`, { method: 'DELETE', headers: { origin: 'http://localhost' } });
    assert.deepEqual(await del.json(), { status: 'cancelled', promoted: 1 });
    const cv = await (await app.request(`/api/drives/signups/${tokenOf(c.manageUrl)}`)).json();
    assert.equal(cv.status, 'confirmed');
    const ics2 = parseIcs(await (await app.request(`/feeds/drives/signups/${tokenOf(c.manageUrl)}.ics`)).text());
    assert.equal(ics2[0].status, 'CONFIRMED');
    assert.ok(Number(ics2[0].sequence) > Number(ics1[0].sequence));
    const gone = parseIcs(await (await app.request(`/feeds/drives/signups/${tokenOf(a.manageUrl)}.ics`)).text());
    assert.equal(gone[0].status, 'CANCELLED');
    // Right local times: Friday 15:00–17:00 in Asia/Shanghai.
    const ev = ics2[0].event;
    assert.equal(ev.startDate.zone?.tzid, 'Asia/Shanghai');
    assert.deepEqual([ev.startDate.hour, ev.endDate.hour], [15, 17]);
    assert.equal(ev.startDate.toJSDate().toISOString(), occurrences[1].startsAt.toISOString());
    assert.equal(ev.uid.startsWith('drive-signup-'), true);
    assert.ok(b.code);
  });

  it('the series feed: one event per occurrence; a cancelled occurrence is STATUS:CANCELLED with a higher SEQUENCE; Chinese folded whole', async () => {
    const admin = await signedIn(services, 'admin');
    const res = await post(app, `/api/staff/drives/occurrences/${occurrences[3].id}/cancel`, { note: '台风预警，本周活动取消' }, admin.headers);
    assert.equal(res.status, 200);
    const text = await (await app.request(`/feeds/drives/series/${first.seriesId}.ics`)).text();
    const events = parseIcs(text);
    assert.equal(events.length, occurrences.length);
    const cancelled = events.find((e) => e.event.uid.startsWith(`drive-occurrence-${occurrences[3].id}@`))!;
    assert.equal(cancelled.status, 'CANCELLED');
    assert.equal(cancelled.sequence, 1);
    assert.ok(events.every((e) => e.event.summary.includes('沿江南社区')));
    assert.ok(!text.includes('\uFFFD'), 'no character split by folding');
    const view = await (await app.request(`/api/drives/occurrences/${occurrences[3].id}`)).json();
    assert.equal(view.status, 'cancelled');
    assert.equal((await signUp(app, occurrences[3].id, volunteer())).status, 409);
  });

  it('no signup or cancel once the drive has started; self check-in only in the window and with the right code', async () => {
    const occ = occurrences[0];
    const me = await (await signUp(app, occurrences[2].id, volunteer())).json();
    const token = tokenOf(me.manageUrl);
    const code = services.drives.queries.occurrencesIn([occurrences[2].id])[0].checkinCode;
    const early = await post(app, `/api/drives/signups/${token}/checkin`, { code });
    assert.equal((await early.json()).error.code, 'checkin_closed');
    advance(occurrences[2].startsAt.getTime() - services.clock().getTime() - 10 * MINUTE);
    const wrong = await post(app, `/api/drives/signups/${token}/checkin`, { code: 'WRONG1' });
    assert.equal(wrong.status, 400);
    assert.equal((await wrong.json()).error.fields.code, '签到码不正确，请向集合点工作人员核对。');
    assert.equal((await post(app, `/api/drives/signups/${token}/checkin`, { code: code.toLowerCase() })).status, 200);
    assert.ok(occ.startsAt < services.clock());
    const late = await signUp(app, occ.id, volunteer());
    assert.equal((await late.json()).error.code, 'drive_started');
    advance(20 * MINUTE);
    const cancel = await app.request(`/api/drives/signups/${token}?lang=en`, { method: 'DELETE', headers: { origin: 'http://localhost' } });
    assert.equal(cancel.status, 409);
    assert.equal((await cancel.json()).error.message, 'The drive has started or is over; the signup can no longer be cancelled.');
    advance(3 * HOUR);
  });
});

describe('at the drive and after', async () => {
  const { app, services, advance } = clockedApp();
  const { first } = series(services, { capacity: '5', hours: '2.5' });
  const admin = await signedIn(services, 'admin');
  const lighting = await signedIn(services, 'handler', 'lighting');
  const phones = [phoneOf(), phoneOf(), phoneOf()];
  const mine = await Promise.all(phones.map(async (phone, i) => (await signUp(app, first.id, volunteer({ phone, name: ['陈一', '陈二', '陈三'][i] }))).json()));

  it('the roster masks phones; revealing one is for the organiser and audited; another unit sees nothing', async () => {
    const roster = await (await app.request(`/api/staff/drives/occurrences/${first.id}/roster`, { headers: admin.headers })).json();
    assert.equal(roster.people.length, 3);
    assert.match(roster.people[0].phone, /^1\d\d\*{4}\d{4}$/);
    assert.equal((await app.request(`/api/staff/drives/occurrences/${first.id}/roster`, { headers: lighting.headers })).status, 404);
    const reveal = await post(app, `/api/staff/drives/signups/${roster.people[0].id}/reveal`, {}, admin.headers);
    assert.equal((await reveal.json()).phone, phones[0]);
    assert.ok(services.db.select().from(auditLog).where(eq(auditLog.action, 'drive.reveal_phone')).get());
    const bytes = Buffer.from(await (await app.request(`/api/staff/drives/occurrences/${first.id}/roster.csv`, { headers: admin.headers })).arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const csv = bytes.toString('utf8');
    assert.ok(csv.includes('姓名,手机号码'));
    assert.ok(!csv.includes(phones[0]));
  });

  it('check-in, then closing credits hours only to those confirmed present; no-shows are recorded', async () => {
    const roster = await (await app.request(`/api/staff/drives/occurrences/${first.id}/roster`, { headers: admin.headers })).json();
    const early = await post(app, `/api/staff/drives/occurrences/${first.id}/close`, { attended: [] }, admin.headers);
    assert.equal((await early.json()).error.code, 'close_too_early');
    advance(first.startsAt.getTime() - services.clock().getTime() + 5 * MINUTE);
    const organiser = await signedIn(services, 'handler', 'sanitation'); // the organising unit's handler (yesterday's sessions expired)
    assert.equal((await post(app, `/api/staff/drives/signups/${roster.people[0].id}/checkin`, {}, organiser.headers)).status, 200);
    const closed = await post(app, `/api/staff/drives/occurrences/${first.id}/close`, { attended: [roster.people[0].id, roster.people[1].id] }, organiser.headers);
    assert.deepEqual(await closed.json(), { attended: 2, noShows: 1, cleaned: [] });
    const after = await (await app.request(`/api/staff/drives/occurrences/${first.id}/roster`, { headers: organiser.headers })).json();
    assert.deepEqual(after.people.map((p: { attendance: string; hours: number | null }) => [p.attendance, p.hours]), [['attended', 2.5], ['attended', 2.5], ['no_show', null]]);
  });

  it('the volunteer looks up hours with phone + code; the certificate verifies with the name masked', () => {
    assert.throws(() => services.drives.volunteer.lookup({ phone: phones[0], code: 'WRONGCODE' }), /lookup_failed/);
    const rec = services.drives.volunteer.lookup({ phone: phones[0], code: mine[0].code });
    assert.equal(rec.totalHours, 2.5);
    const cert = services.drives.volunteer.certify({ phone: phones[0], code: mine[0].code });
    assert.equal(services.drives.volunteer.certify({ phone: phones[0], code: mine[0].code }).no, cert.no, 'the same record, the same number');
    const v = services.drives.volunteer.verify(cert.no.toLowerCase())!;
    assert.deepEqual([v.maskedName, v.hours, v.items.length], ['陈*', 2.5, 1]);
    assert.equal(services.drives.volunteer.verify('ZY-20260101-AAAAAA'), null);
    assert.throws(() => services.drives.volunteer.certify({ phone: phones[2], code: mine[2].code }), /no_hours_yet/);
  });
});

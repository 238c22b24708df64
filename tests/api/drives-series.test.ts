// Series-level edit and stop, the upcoming-drives Atom feed, the signup rate limit, volunteers' data retention.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { XMLParser } from 'fast-xml-parser';
import { eq } from 'drizzle-orm';
import { driveCertificates, driveOccurrences, driveSignups } from '../../db/schema.ts';
import { clockedApp } from './staff-fixtures.ts';
import { signedIn } from '../helpers/services.ts';
import { ADMIN, series, volunteer } from '../helpers/drives.ts';
import { siteServer } from '../helpers/site.ts';

type App = ReturnType<typeof clockedApp>['app'];
const send = (app: App, method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const EDIT = {
  titleZh: '沿江南社区周五清洁（新）', titleEn: 'Friday clean-up (new)', community: '沿江南社区', address: '沿江南路 1 号', lat: '21.857', lng: '111.985',
  startTime: '14:30', endTime: '16:30', capacity: '40', hours: '2', bring: '手套', notes: '', cases: '',
};
const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16);

describe('editing and stopping a series', async () => {
  const { app, services } = clockedApp();
  const admin = await signedIn(services, 'admin');
  const lighting = await signedIn(services, 'handler', 'lighting');
  const { series: s, occurrences } = series(services, { capacity: '2' });
  const [busy, empty] = occurrences;
  const a = services.drives.signups.signUp(busy!.id, volunteer());
  services.drives.signups.signUp(busy!.id, volunteer());
  const waiting = services.drives.signups.signUp(busy!.id, volunteer());
  const occ = (id: number) => services.db.select().from(driveOccurrences).where(eq(driveOccurrences.id, id)).get()!;

  it('applies to the coming occurrences: empty ones move to the new time, ones with signups keep theirs, more places promote', async () => {
    assert.equal((await send(app, 'PUT', `/api/staff/drives/series/${s.id}`, EDIT, lighting.headers)).status, 404, 'not their unit');
    const bad = await send(app, 'PUT', `/api/staff/drives/series/${s.id}?lang=en`, { ...EDIT, endTime: '14:00' }, admin.headers);
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.fields.endTime, 'The end must be after the start.');
    const r = await send(app, 'PUT', `/api/staff/drives/series/${s.id}`, EDIT, admin.headers);
    const body = await r.json();
    assert.equal(r.status, 200);
    assert.deepEqual([body.updated, body.keptTime, body.promoted], [occurrences.length, 1, 1]);
    assert.equal(local(occ(busy!.id).startsAt), '15:00', 'people signed up for 15:00 keep it');
    assert.equal(local(occ(empty!.id).startsAt), '14:30');
    assert.deepEqual([occ(busy!.id).capacity, occ(empty!.id).capacity], [40, 40]);
    assert.equal(services.drives.signups.view(waiting.token).signup.status, 'confirmed', 'promoted from the waitlist');
    assert.equal(occ(empty!.id).sequence, 1, 'calendars see the change');
    assert.equal(services.drives.queries.series(s.id)!.titleZh, EDIT.titleZh);
  });

  it('stopping cancels the coming occurrences with the note; signup pages and the series calendar carry it; nothing new is generated', async () => {
    const r = await send(app, 'POST', `/api/staff/drives/series/${s.id}/deactivate`, { note: '汛期暂停' }, admin.headers);
    assert.deepEqual(await r.json(), { cancelled: occurrences.length });
    const v = services.drives.signups.view(a.token);
    assert.deepEqual([v.occ.status, v.occ.note], ['cancelled', '汛期暂停']);
    const ics = await (await app.request(`/feeds/drives/series/${s.id}.ics`)).text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    assert.ok(events.length >= occurrences.length && events.every((e) => e.getFirstPropertyValue('status') === 'CANCELLED'));
    assert.equal((await (await app.request(`/api/drives/occurrences/${busy!.id}`)).json()).status, 'cancelled');
    assert.equal(services.drives.organise.topUp(), 0);
    assert.equal((await send(app, 'PUT', `/api/staff/drives/series/${s.id}`, EDIT, admin.headers)).status, 409);
    assert.equal((await send(app, 'POST', `/api/drives/occurrences/${empty!.id}/signups`, volunteer())).status >= 400, true);
  });
});

describe('the upcoming-drives Atom feed', () => {
  const { app, services } = clockedApp();
  const { first } = series(services);
  const phone = '13912345678';
  services.drives.signups.signUp(first.id, volunteer({ name: '赵六', phone }));

  it('lists upcoming occurrences with places left, parses as Atom, and never names a volunteer', async () => {
    const res = await app.request('/feeds/drives/upcoming.atom');
    assert.match(res.headers.get('content-type')!, /application\/atom\+xml/);
    const text = await res.text();
    assert.ok(!text.includes('赵六') && !text.includes(phone) && !text.includes('5678'));
    const feed = new XMLParser({ ignoreAttributes: false }).parse(text).feed;
    const entries = [feed.entry].flat();
    assert.equal(entries.length, 8);
    assert.match(entries[0].title['#text'] ?? entries[0].title, /沿江南社区周五志愿清洁/);
    assert.match(JSON.stringify(entries[0].content), /剩余名额 29 个/);
    const en = await (await app.request('/feeds/drives/upcoming.atom?lang=en')).text();
    assert.match(en, /29 places left/);
  });
});

describe('signup rate limit', () => {
  const { app, services } = clockedApp({ RATE_LIMITS: 'on', RATE_LIMIT_SIGNUPS: '3/60m' });
  const { first } = series(services);

  it('answers a localized 429 after the limit, on the API and on the form page', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await send(app, 'POST', `/api/drives/occurrences/${first.id}/signups`, volunteer())).status, 201);
    const r = await send(app, 'POST', `/api/drives/occurrences/${first.id}/signups?lang=en`, volunteer());
    assert.equal(r.status, 429);
    const err = (await r.json()).error;
    assert.equal(err.code, 'signups_rate_limited');
    assert.match(err.message, /Too many signups/);
    assert.equal(services.drives.queries.occurrence(first.id)!.confirmed, 3, 'nothing written');
  });
});

describe('signup rate limit on the form page', () => {
  it('re-shows the form with the message and a 429 (no JavaScript needed)', async () => {
    const site = await siteServer({ RATE_LIMITS: 'on', RATE_LIMIT_SIGNUPS: '1/60m' });
    try {
      const { first } = series(site.services);
      const form = (phone: string) => new URLSearchParams({ name: '孙八', phone, team: 'individual', ageGroup: 'adult', consent: 'on' }).toString();
      const headers = { 'content-type': 'application/x-www-form-urlencoded' };
      assert.equal((await site.raw('POST', `/drives/${first.id}`, { headers, body: form('13600000001') })).status, 303);
      const limited = await site.raw('POST', `/drives/${first.id}`, { headers, body: form('13600000002') });
      assert.equal(limited.status, 429);
      assert.match(limited.body, /报名提交过于频繁，请稍后再试/);
      assert.match(limited.body, /value="孙八"/, 'what was typed is kept');
      assert.equal(site.services.drives.queries.occurrence(first.id)!.confirmed, 1);
    } finally {
      site.close();
    }
  });
});

describe('volunteer data retention', () => {
  const { services, advance } = clockedApp({ VOLUNTEER_RETENTION_DAYS: '365' });
  const { first } = series(services);
  const phone = '13700001111';
  const s = services.drives.signups.signUp(first.id, volunteer({ name: '钱七', phone, ageGroup: 'minor', guardianName: '钱大', guardianPhone: '13700002222' }));

  it('keeps the phone while the volunteer is active; afterwards masks it and the guardian, keeping hours and the certificate', async () => {
    advance(first.startsAt.getTime() - services.clock().getTime() + 60_000);
    await services.drives.organise.close(ADMIN, first.id, { attended: [s.id] });
    const cert = services.drives.volunteer.certify({ phone, code: s.code });
    advance(300 * 86_400_000);
    assert.equal(services.retention.run().volunteer_contacts, 0, 'within the period');
    advance(70 * 86_400_000);
    assert.equal(services.retention.run().volunteer_contacts, 1);
    const row = services.db.select().from(driveSignups).where(eq(driveSignups.id, s.id)).get()!;
    assert.deepEqual([row.phone.startsWith('erased:'), row.name, row.guardianName, row.guardianPhone, row.attendance, row.hours], [true, '钱*', null, null, 'attended', 2]);
    assert.equal(services.db.select().from(driveCertificates).where(eq(driveCertificates.no, cert.no)).get()!.phone, 'erased:');
    assert.deepEqual(services.drives.volunteer.verify(cert.no)!.hours, 2, 'still verifiable by number');
    assert.equal(services.retention.run().volunteer_contacts, 0, 'idempotent');
  });
});

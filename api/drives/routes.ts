import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { requireStaff } from '../staff/middleware.ts';
import { readBody } from '../staff/web.ts';
import { AppError } from '../shared/errors.ts';
import { apiLang, clientIp } from '../shared/http.ts';
import { shanghaiIso } from '../shared/time.ts';
import { driveCalendar } from './ics.ts';
import type { PublicOccurrence } from './queries.ts';
import { rosterCsv } from './export.ts';
import { certificatePdf } from './pdf.ts';
import { readClosing } from './closing.ts';
import { upcomingAtom } from './feed.ts';
import { apiMessages } from '../i18n/index.ts';

const idParam = (c: Context, name = 'id') => {
  const n = Number(c.req.param(name));
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError(404, 'drive_not_found');
  return n;
};

/** The public JSON shape of an occurrence: counts only, never a name. */
export const occurrenceJson = (o: PublicOccurrence) => ({
  id: o.id, seriesId: o.seriesId, date: o.date, startsAt: shanghaiIso(o.startsAt), endsAt: shanghaiIso(o.endsAt), status: o.status, note: o.note,
  title: o.title, community: o.community, address: o.address, location: o.lat !== null ? { lat: o.lat, lng: o.lng } : null,
  capacity: o.capacity, confirmed: o.confirmed, waitlisted: o.waitlisted, placesLeft: o.placesLeft, hours: o.hours, bring: o.bring, notes: o.notes,
  organiser: o.unitId, url: `/drives/${o.id}`,
});

/** /api/drives: public reads and the volunteer's own signup (no account: the secret link is the key). */
export const driveRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const { drives } = c.var.services;
    drives.keepAhead();
    return c.json({ items: drives.queries.upcoming().map(occurrenceJson) });
  })
  .get('/occurrences/:id', (c) => {
    const o = c.var.services.drives.queries.occurrence(idParam(c));
    if (!o) throw new AppError(404, 'drive_not_found');
    return c.json({ ...occurrenceJson(o), linkedCases: c.var.services.drives.queries.linkedCases(o.seriesId).map((x) => ({ trackingNo: x.trackingNo, state: x.state })) });
  })
  .post('/occurrences/:id/signups', async (c) => {
    const { drives } = c.var.services;
    const r = drives.signups.signUp(idParam(c), await readBody(c));
    const body = { status: r.status, position: r.position ?? undefined, code: r.code, manageUrl: drives.signups.manageUrl(r.token, apiLang(c)), existing: r.existing };
    return c.json(body, r.existing ? 200 : 201);
  })
  .get('/signups/:token', (c) => {
    const v = c.var.services.drives.signups.view(c.req.param('token'));
    return c.json({
      status: v.signup.status, position: v.position ?? undefined, code: v.signup.code, checkedIn: v.signup.checkedInAt !== null,
      attendance: v.signup.attendance, hours: v.signup.hours, occurrence: { id: v.occ.id, date: v.occ.date, status: v.occ.status, startsAt: shanghaiIso(v.occ.startsAt), endsAt: shanghaiIso(v.occ.endsAt), note: v.occ.note },
    });
  })
  .get('/records/:file', async (c) => {
    const { drives, config } = c.var.services;
    const file = c.req.param('file');
    if (!file.endsWith('.pdf')) throw new AppError(404, 'not_found');
    const no = file.slice(0, -4);
    const rec = drives.volunteer.record(no, c.req.query('k') ?? '');
    const lang = apiLang(c);
    const verifyUrl = `${config.PUBLIC_URL.replace(/\/$/, '')}${lang === 'en' ? '/en' : ''}/volunteer/verify?no=${no}`;
    const pdf = await certificatePdf(lang, { ...rec, verifyUrl });
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${no}.pdf"`, 'Cache-Control': 'private, no-store' });
  })
  .delete('/signups/:token', (c) => c.json(c.var.services.drives.signups.cancel(c.req.param('token'))))
  .post('/signups/:token/checkin', async (c) => {
    const body = await readBody(c);
    return c.json(c.var.services.drives.signups.checkIn(c.req.param('token'), String(body.code ?? '')));
  });

/** Calendar files: one per signup (behind its secret link), and a public feed per series. */
export const driveFeedRoutes = new Hono<AppEnv>()
  .get('/signups/:file', (c) => {
    const { drives, config } = c.var.services;
    const file = c.req.param('file');
    if (!file.endsWith('.ics')) throw new AppError(404, 'signup_not_found');
    const token = file.slice(0, -4);
    const v = drives.signups.view(token);
    const occ = drives.queries.occurrence(v.occ.id)!;
    const lang = apiLang(c);
    const ics = driveCalendar(lang, lang === 'zh' ? v.series.titleZh : v.series.titleEn, new URL(config.PUBLIC_URL).hostname, [{
      occ, uid: `drive-signup-${v.signup.id}`, sequence: v.occ.sequence + v.signup.sequence,
      cancelled: v.signup.status === 'cancelled' || v.occ.status === 'cancelled', waitPosition: v.position, url: drives.signups.manageUrl(token, lang),
    }]);
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'attachment; filename="drive.ics"', 'Cache-Control': 'private, no-store' });
  })
  .get('/upcoming.atom', (c) => {
    const { drives, config, clock } = c.var.services;
    drives.keepAhead();
    const lang = apiLang(c);
    const base = config.PUBLIC_URL.replace(/\/$/, '');
    const t = apiMessages[lang];
    const atom = upcomingAtom(lang, { base, self: `${base}/feeds/drives/upcoming.atom${lang === 'en' ? '?lang=en' : ''}`, site: t.site.name, bureau: t.site.bureau, items: drives.queries.upcoming(), now: clock() });
    return c.body(atom, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' });
  })
  .get('/series/:file{[0-9]+\\.ics}', (c) => {
    const { drives, config } = c.var.services;
    const s = drives.queries.series(Number(c.req.param('file').slice(0, -4)));
    if (!s) throw new AppError(404, 'drive_not_found'); // a stopped series still serves its cancellations
    drives.keepAhead();
    const lang = apiLang(c);
    const base = config.PUBLIC_URL.replace(/\/$/, '');
    const ics = driveCalendar(lang, lang === 'zh' ? s.titleZh : s.titleEn, new URL(config.PUBLIC_URL).hostname, drives.queries.ofSeries(s.id).map((occ) => ({
      occ, uid: `drive-occurrence-${occ.id}`, sequence: 0 + (drives.queries.occurrencesIn([occ.id])[0]?.sequence ?? 0), cancelled: occ.status === 'cancelled',
      url: `${base}${lang === 'en' ? '/en' : ''}/drives/${occ.id}`,
    })));
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
  });

const me = (c: Context<AppEnv>) => ({ ...c.var.staffSession!.staff, ip: clientIp(c, c.var.services.config.TRUST_PROXY) });

/** /api/staff/drives: the organiser's console. */
export const staffDriveRoutes = new Hono<AppEnv>()
  .use('*', requireStaff())
  .post('/series', async (c) => {
    const s = c.var.services.drives.organise.createSeries(me(c), await readBody(c), apiLang(c));
    return c.json({ id: s.id }, 201);
  })
  .put('/series/:id', async (c) => c.json(c.var.services.drives.seriesAdmin.edit(me(c), idParam(c), await readBody(c), apiLang(c))))
  .post('/series/:id/deactivate', async (c) => {
    const body = await readBody(c);
    return c.json(c.var.services.drives.seriesAdmin.deactivate(me(c), idParam(c), String(body.note ?? '')));
  })
  .get('/occurrences', (c) => c.json({ items: c.var.services.drives.organise.occurrencesFor(me(c)).map((r) => ({ id: r.occ.id, seriesId: r.series.id, date: r.occ.date, status: r.occ.status, capacity: r.occ.capacity, flag: r.flag, checkinCode: r.occ.checkinCode })) }))
  .put('/occurrences/:id', async (c) => c.json(c.var.services.drives.organise.editOccurrence(me(c), idParam(c), await readBody(c))))
  .post('/occurrences/:id/cancel', async (c) => {
    const body = await readBody(c);
    c.var.services.drives.organise.cancelOccurrence(me(c), idParam(c), String(body.note ?? ''));
    return c.json({ status: 'cancelled' });
  })
  .get('/occurrences/:id/roster', (c) => {
    const r = c.var.services.drives.organise.roster(me(c), idParam(c));
    return c.json({ occurrence: { id: r.occ.id, date: r.occ.date, status: r.occ.status, capacity: r.occ.capacity, checkinCode: r.occ.checkinCode, flag: r.flag }, people: r.people });
  })
  .get('/occurrences/:id/roster.csv', (c) => {
    const r = c.var.services.drives.organise.roster(me(c), idParam(c));
    return c.body(rosterCsv(apiLang(c), r.people), 200, {
      'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="roster-${r.occ.date}.csv"`, 'Cache-Control': 'private, no-store',
    });
  })
  .post('/occurrences/:id/close', async (c) => {
    const closing = await readClosing(await readBody(c), apiLang(c));
    return c.json(await c.var.services.drives.organise.close(me(c), idParam(c), closing));
  })
  .post('/signups/:id/checkin', (c) => {
    c.var.services.drives.organise.checkIn(me(c), idParam(c));
    return c.json({ checkedIn: true });
  })
  .post('/signups/:id/reveal', (c) => c.json(c.var.services.drives.organise.revealPhone(me(c), idParam(c))));

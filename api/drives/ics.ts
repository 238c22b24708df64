/** iCalendar by ical-generator: stable UIDs, SEQUENCE and STATUS on every change, times in Asia/Shanghai. */
import ical, { ICalEventStatus } from 'ical-generator';
import { apiMessages, fmt, type Lang } from '../i18n/index.ts';
import type { PublicOccurrence } from './queries.ts';

const TZ = 'Asia/Shanghai';
// Shanghai has had no daylight saving since 1991: one STANDARD block describes it.
const VTIMEZONE = ['BEGIN:VTIMEZONE', `TZID:${TZ}`, 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800', 'TZNAME:CST', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n');

/** Wall-clock time in Shanghai as the floating string ical-generator writes under TZID. */
const local = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19);

export type IcsEvent = { occ: PublicOccurrence; uid: string; sequence: number; cancelled: boolean; waitPosition?: number | null; url?: string };

export function driveCalendar(lang: Lang, name: string, host: string, events: IcsEvent[]): string {
  const t = apiMessages[lang].drives.ics;
  const cal = ical({ name: fmt(t.calendarName, { title: name }), prodId: { company: host, product: 'cityloop-drives', language: lang.toUpperCase() } });
  cal.timezone({ name: null, generator: () => VTIMEZONE });
  for (const e of events) {
    const title = lang === 'zh' ? e.occ.title.zh : e.occ.title.en;
    const prefix = e.cancelled ? t.cancelled : e.waitPosition ? fmt(t.waitlisted, { n: e.waitPosition }) : '';
    const lines = [fmt(t.meeting, { address: e.occ.address }), e.occ.bring ? fmt(t.bring, { bring: e.occ.bring }) : '', e.occ.note ?? '', e.url ? fmt(t.manage, { url: e.url }) : ''];
    cal.createEvent({
      id: `${e.uid}@${host}`, sequence: e.sequence, timezone: TZ, start: local(e.occ.startsAt), end: local(e.occ.endsAt),
      stamp: new Date(), summary: `${prefix}${title}`, location: `${e.occ.community} ${e.occ.address}`,
      description: lines.filter(Boolean).join('\n'), url: e.url ?? null,
      status: e.cancelled ? ICalEventStatus.CANCELLED : e.waitPosition ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      ...(e.occ.lat !== null && e.occ.lng !== null ? { location: { title: `${e.occ.community} ${e.occ.address}`, geo: { lat: e.occ.lat, lon: e.occ.lng } } } : {}),
    });
  }
  return cal.toString();
}

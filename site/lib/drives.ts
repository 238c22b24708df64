/** How drive dates, times and seat counts read on the pages. */
import { fmt, messages, type Lang } from '../i18n/index.ts';
import type { PublicOccurrence } from '../../api/drives/queries.ts';
import { isoWeekday } from '../../api/drives/schedule.ts';
import { shanghaiDateTime } from '../../api/shared/time.ts';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const hhmm = (at: Date) => shanghaiDateTime(at).slice(11);

/** '2026年12月4日（周五）15:00–17:00' / 'Friday 4 Dec 2026, 15:00–17:00'. */
export function driveWhen(lang: Lang, o: Pick<PublicOccurrence, 'date' | 'startsAt' | 'endsAt'>): string {
  const [y, m, d] = o.date.split('-').map(Number);
  const wd = messages[lang].drives.weekdays[isoWeekday(o.date)];
  return lang === 'zh'
    ? `${y}年${m}月${d}日（${wd}）${hhmm(o.startsAt)}–${hhmm(o.endsAt)}`
    : `${wd} ${d} ${MONTHS_EN[m - 1]} ${y}, ${hhmm(o.startsAt)}–${hhmm(o.endsAt)}`;
}

/** The seat line of a card: places left, or full with the waitlist. */
export function seatLine(lang: Lang, o: Pick<PublicOccurrence, 'placesLeft' | 'waitlisted'>): string {
  const t = messages[lang].drivePages.list;
  if (o.placesLeft > 0) return fmt(t.places, { n: o.placesLeft });
  return o.waitlisted ? fmt(t.full, { n: o.waitlisted }) : t.fullNoWait;
}

export const titleIn = (lang: Lang, o: { title: { zh: string; en: string } }) => (lang === 'zh' ? o.title.zh : o.title.en);

/** Hours without a trailing '.0'. */
export const hours = (n: number) => String(Math.round(n * 10) / 10);

/** How a drive's date and time read, on pages, in feeds and in case notes: '2026年12月4日（周五）15:00–17:00'. */
import { apiMessages, type Lang } from '../i18n/index.ts';
import { shanghaiDateTime } from '../shared/time.ts';
import { isoWeekday } from './schedule.ts';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const hhmm = (at: Date) => shanghaiDateTime(at).slice(11);

/** '2026年12月4日' / '4 Dec 2026'. */
export function driveDate(lang: Lang, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m! - 1]} ${y}`;
}

/** '2026年12月4日（周五）15:00–17:00' / 'Friday 4 Dec 2026, 15:00–17:00'. */
export function driveWhen(lang: Lang, o: { date: string; startsAt: Date; endsAt: Date }): string {
  const wd = apiMessages[lang].drives.weekdays[isoWeekday(o.date)];
  return lang === 'zh'
    ? `${driveDate(lang, o.date)}（${wd}）${hhmm(o.startsAt)}–${hhmm(o.endsAt)}`
    : `${wd} ${driveDate(lang, o.date)}, ${hhmm(o.startsAt)}–${hhmm(o.endsAt)}`;
}

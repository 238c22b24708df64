/** How drive dates, times and seat counts read on the pages. */
import { fmt, messages, type Lang } from '../i18n/index.ts';
import type { PublicOccurrence } from '../../api/drives/queries.ts';
export { driveWhen } from '../../api/drives/when.ts';

/** The seat line of a card: places left, or full with the waitlist. */
export function seatLine(lang: Lang, o: Pick<PublicOccurrence, 'placesLeft' | 'waitlisted'>): string {
  const t = messages[lang].drivePages.list;
  if (o.placesLeft > 0) return fmt(t.places, { n: o.placesLeft });
  return o.waitlisted ? fmt(t.full, { n: o.waitlisted }) : t.fullNoWait;
}

export const titleIn = (lang: Lang, o: { title: { zh: string; en: string } }) => (lang === 'zh' ? o.title.zh : o.title.en);

/** Hours without a trailing '.0'. */
export const hours = (n: number) => String(Math.round(n * 10) / 10);

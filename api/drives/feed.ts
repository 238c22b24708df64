/** Atom feed of upcoming drives, written by the same library as the case feeds. Counts only, never a name. */
import { Feed } from 'feed';
import { apiMessages, fmt, localePath, type Lang } from '../i18n/index.ts';
import { xmlSafe } from '../opendata/labels.ts';
import type { PublicOccurrence } from './queries.ts';
import { driveWhen } from './when.ts';

// The library writes titles and content as HTML in CDATA: escape the text, which also rules out "]]>".
const html = (s: string) => xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function upcomingAtom(lang: Lang, o: { base: string; self: string; site: string; bureau: string; items: PublicOccurrence[]; now: Date }) {
  const t = apiMessages[lang].drives.feed;
  const url = (path: string) => o.base + localePath(lang, path);
  const feed = new Feed({
    id: o.self, title: fmt(t.title, { site: o.site }), link: url('/drives'), feed: o.self, language: lang === 'zh' ? 'zh-CN' : 'en',
    generator: 'CityLoop', copyright: o.bureau, author: { name: o.bureau, link: o.base },
    // An edited or cancelled drive is an updated entry: readers then show the change.
    updated: o.items.reduce((max: Date | null, d) => (!max || d.updatedAt > max ? d.updatedAt : max), null) ?? o.now,
  });
  for (const d of o.items) {
    const title = lang === 'zh' ? d.title.zh : d.title.en;
    const seats = d.status === 'cancelled' ? t.cancelled : d.placesLeft > 0 ? fmt(t.places, { n: d.placesLeft }) : t.full;
    const lines = [driveWhen(lang, d), `${d.community} · ${d.address}`, seats, d.note ?? ''].filter(Boolean);
    feed.addItem({
      id: `${o.base}/drives/${d.id}`, link: url(`/drives/${d.id}`), date: d.updatedAt,
      title: html(fmt(t.entry, { date: driveWhen(lang, d), title })),
      content: lines.map((l) => `<p>${html(l)}</p>`).join(''),
    });
  }
  return feed.atom1();
}

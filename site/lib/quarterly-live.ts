/** The live view of a quarter's report (preview, and what publishing freezes), read through the page's services. */
import type { Services } from '../../api/services.ts';
import { quarterPeriod, sameQuarter, type Quarter } from '../../api/opendata/stats-period.ts';
import type { QuarterlySnapshot, QuarterlyView } from '../../api/opendata/quarterly-view.ts';
import { messages, nameIn, type Lang } from '../i18n/index.ts';
import { quarterlyView, type TypicalCase } from './quarterly.ts';

const previousQuarter = ({ year, q }: Quarter): Quarter => (q === 1 ? { year: year - 1, q: 4 } : { year, q: (q - 1) as Quarter['q'] });

export function liveQuarterlyView(services: Services, quarter: Quarter, key: string, lang: Lang): QuarterlyView {
  const { stats, catalog } = services;
  const known = (q: Quarter) => stats.quarters().some((x) => sameQuarter(x.quarter, q));
  const reportOf = (q: Quarter) => (known(q) ? stats.report(quarterPeriod(q)) : null);
  const period = quarterPeriod(quarter);
  const draft = services.quarterly.draft(key);
  const named = (x: { id: string; nameZh: string; nameEn: string }) => ({ id: x.id, name: nameIn(lang, x) });
  const units = catalog.units().map(named);
  const categories = catalog.allCategories().map(named);
  const typical: TypicalCase[] = draft.typicalCases.flatMap((no) => {
    const c = services.publicCases.detail(no);
    if (!c || c === 'gone') return [];
    return [{
      trackingNo: c.trackingNo, category: categories.find((x) => x.id === c.categoryId)?.name ?? '', place: c.address,
      description: c.description, unit: units.find((u) => u.id === c.unitId)?.name ?? null, state: messages[lang].states[c.state],
      acceptedAt: c.acceptedAt, resolvedAt: c.resolvedAt, closedAt: c.closedAt, photos: c.photos,
    }];
  });
  return quarterlyView({
    lang, report: stats.report(period), previous: reportOf(previousQuarter(quarter)), yearAgo: reportOf({ year: quarter.year - 1, q: quarter.q }),
    units, categories, current: stats.quarters().some((x) => x.current && sameQuarter(x.quarter, quarter)),
    drives: services.drives.summary(period.fromAt, period.toAt), typical,
    nextSteps: lang === 'en' && draft.nextStepsEn ? draft.nextStepsEn : draft.nextStepsZh,
    issuedOn: draft.publishedAt ?? services.clock(),
  });
}

export const liveSnapshot = (services: Services, quarter: Quarter, key: string): QuarterlySnapshot =>
  ({ zh: liveQuarterlyView(services, quarter, key, 'zh'), en: liveQuarterlyView(services, quarter, key, 'en') });

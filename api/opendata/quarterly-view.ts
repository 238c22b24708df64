/**
 * A quarterly report as plain data (strings, tables, photos): what the page and the PDF render. Built from live figures
 * by site/lib/quarterly.ts for the preview; frozen in the database when staff publish, so both outputs stay identical.
 */
export type ViewCell = { text: string; href?: string | null };
export type ViewTable = { id: string; caption: string; head: string[]; rows: { cells: ViewCell[]; total?: boolean }[] };
export type ViewPhoto = { url: string; thumbUrl: string; width: number; height: number; alt: string };
export type ViewCase = { trackingNo: string; href: string; heading: string; text: string; before: ViewPhoto | null; after: ViewPhoto | null };
export type ViewSection = {
  id: string; heading: string; paragraphs: string[]; table?: ViewTable;
  subsections?: { id: string; heading: string; paragraphs: string[]; table?: ViewTable }[];
  cases?: ViewCase[];
};
export type QuarterlyView = {
  lang: 'zh' | 'en';
  quarter: string; // '2026-Q3'
  title: string;
  asOf: string; // 数据截至 …, already worded
  sections: ViewSection[];
  notes: string[];
  issuer: string;
  issuedOn: string; // the date line, worded ('2026年10月15日')
};
export type QuarterlySnapshot = { zh: QuarterlyView; en: QuarterlyView };

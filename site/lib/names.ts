import type { Lang } from '../i18n/index.ts';

type Named = { id: string; nameZh: string; nameEn: string };

/** id → localized name, for categories and units. */
export function namesOf(rows: Named[], lang: Lang): Map<string, string> {
  return new Map(rows.map((r) => [r.id, lang === 'zh' ? r.nameZh : r.nameEn]));
}

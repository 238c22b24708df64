import { nameIn } from '../../api/i18n/lang.ts';
import type { Lang } from '../i18n/index.ts';

type Named = { id: string; nameZh: string; nameEn: string };

/** id → localized name, for categories and units. */
export function namesOf(rows: Named[], lang: Lang): Map<string, string> {
  return new Map(rows.map((r) => [r.id, nameIn(lang, r)]));
}

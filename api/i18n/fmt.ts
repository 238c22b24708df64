// Message formatting. Its own module so browser islands do not pull in every catalog.

// Plural forms exist only in the English catalogs (Chinese counts take a measure word, not a plural).
const plurals = new Intl.PluralRules('en');
const ordinals = new Intl.PluralRules('en', { type: 'ordinal' });
const numbers = new Intl.NumberFormat('en');
const SUFFIX: Partial<Record<Intl.LDMLPluralRule, string>> = { one: 'st', two: 'nd', few: 'rd' };

/**
 * Fills {name} placeholders. A count with its noun is written {n|one|other}: Intl.PluralRules picks the form
 * and Intl.NumberFormat writes the number ('{n|report|reports}' → '1 report', '1,204 reports').
 */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (m, k: string, one?: string, other?: string) => {
    if (!(k in vars)) return m;
    const v = vars[k]!;
    if (one === undefined) return String(v);
    const n = typeof v === 'number' ? v : Number(v);
    const shown = typeof v === 'number' ? numbers.format(v) : v;
    return `${shown} ${plurals.select(n) === 'one' ? one : other}`;
  });
}

/** An English ordinal: 1st, 2nd, 3rd, 11th, 22nd. */
export function ordinal(n: number): string {
  return `${n}${SUFFIX[ordinals.select(n)] ?? 'th'}`;
}

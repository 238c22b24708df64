/**
 * GeoReport XML written directly: the same text fast-xml-parser's builder gave (two-space indent, escaped text, null as an
 * empty element, a nested array as a wrapper of repeated elements), several times faster for a page of 1000 requests.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
const SPECIAL = /[&<>'"]/;
const escapeText = (s: string) => (SPECIAL.test(s) ? s.replace(/[&<>'"]/g, (ch) => ESCAPES[ch]!) : s);

// Arrays nested inside an item become wrapper + repeated elements, as GeoReport's examples show.
const XML_ITEM: Record<string, string> = { endpoints: 'endpoint', formats: 'format' };
const pads: string[] = [];
const pad = (depth: number) => (pads[depth] ??= '  '.repeat(depth));

const isEmpty = (v: object) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

function element(out: string[], name: string, v: unknown, depth: number): void {
  if (v === null || v === undefined || (typeof v === 'object' && isEmpty(v))) out.push(`${pad(depth)}<${name}></${name}>\n`);
  else if (Array.isArray(v)) {
    const item = XML_ITEM[name] ?? 'item';
    out.push(`${pad(depth)}<${name}>\n`);
    for (const x of v) element(out, item, x, depth + 1);
    out.push(`${pad(depth)}</${name}>\n`);
  } else if (typeof v === 'object') {
    out.push(`${pad(depth)}<${name}>\n`);
    for (const k of Object.keys(v)) element(out, k, (v as Record<string, unknown>)[k], depth + 1);
    out.push(`${pad(depth)}</${name}>\n`);
  } else out.push(`${pad(depth)}<${name}>${escapeText(String(v))}</${name}>\n`);
}

/** <?xml?> and <root>: a list's items each as <item> (`item` set), or a single object's fields. */
export function xmlDocument(root: string, item: string | null, value: unknown): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  if (isEmpty(value as object)) return `${out[0]}<${root}></${root}>\n`;
  out.push(`<${root}>\n`);
  if (item) for (const x of value as unknown[]) element(out, item, x, 1);
  else for (const k of Object.keys(value as object)) element(out, k, (value as Record<string, unknown>)[k], 1);
  out.push(`</${root}>\n`);
  return out.join('');
}

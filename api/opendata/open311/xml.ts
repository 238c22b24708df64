/**
 * GeoReport XML written directly: the same text fast-xml-parser's builder gave (two-space indent, escaped text, null as an
 * empty element, a nested array as a wrapper of repeated elements), several times faster for a page of 1000 requests.
 * One string grown by `+=` (V8 joins the pieces once, when the text is read): far less garbage than an array of pieces.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
const SPECIAL = /[&<>'"]/;
const escapeText = (s: string) => (SPECIAL.test(s) ? s.replace(/[&<>'"]/g, (ch) => ESCAPES[ch]!) : s);

// Arrays nested inside an item become wrapper + repeated elements, as GeoReport's examples show.
const XML_ITEM: Record<string, string> = { endpoints: 'endpoint', formats: 'format' };

// Each element's tags at each depth, indent included, made once: a page of 1000 requests writes 14,000 elements.
type Tags = { open: string; close: string; empty: string; wrapOpen: string; wrapClose: string };
const tagsAt: Map<string, Tags>[] = [];
function tagsOf(name: string, depth: number): Tags {
  const byName = (tagsAt[depth] ??= new Map());
  let t = byName.get(name);
  if (!t) {
    const pad = '  '.repeat(depth);
    t = { open: `${pad}<${name}>`, close: `</${name}>\n`, empty: `${pad}<${name}></${name}>\n`, wrapOpen: `${pad}<${name}>\n`, wrapClose: `${pad}</${name}>\n` };
    byName.set(name, t);
  }
  return t;
}

const isEmpty = (v: object) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

function element(name: string, v: unknown, depth: number): string {
  const t = tagsOf(name, depth);
  if (v === null || v === undefined) return t.empty;
  if (typeof v !== 'object') return t.open + escapeText(typeof v === 'string' ? v : String(v)) + t.close;
  if (isEmpty(v)) return t.empty;
  let out = t.wrapOpen;
  if (Array.isArray(v)) {
    const item = XML_ITEM[name] ?? 'item';
    for (const x of v) out += element(item, x, depth + 1);
  } else {
    for (const k in v) out += element(k, (v as Record<string, unknown>)[k], depth + 1);
  }
  return out + t.wrapClose;
}

/** <?xml?> and <root>: a list's items each as <item> (`item` set), or a single object's fields. */
export function xmlDocument(root: string, item: string | null, value: unknown): string {
  const head = '<?xml version="1.0" encoding="utf-8"?>\n';
  if (isEmpty(value as object)) return `${head}<${root}></${root}>\n`;
  let out = `${head}<${root}>\n`;
  if (item) for (const x of value as unknown[]) out += element(item, x, 1);
  else for (const k in value as object) out += element(k, (value as Record<string, unknown>)[k], 1);
  return `${out}</${root}>\n`;
}

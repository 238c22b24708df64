import type { Context } from 'hono';
import { XMLBuilder } from 'fast-xml-parser';
import { xmlSafe } from '../labels.ts';

/** GeoReport v2 answers in the format named by the path's suffix. */
export type Format = 'json' | 'xml';

/** 'requests.json' → ['requests', 'json']; null when the suffix is neither. */
export function splitFormat(file: string): [string, Format] | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? [m[1]!, m[2] as Format] : null;
}

/** The format an error is answered in: the path's suffix, JSON when there is none. */
export const formatOfPath = (path: string): Format => (path.endsWith('.xml') ? 'xml' : 'json');

/** An error in Open311's own shape: [{code, description}] / <errors><error>, status 400, 403 or 404 (a few others too). */
export class Open311Error extends Error {
  constructor(public status: 400 | 403 | 404 | 413 | 429 | 500, public descriptions: string[]) {
    super(descriptions.join('; '));
  }
}

// Arrays nested inside an item become wrapper + repeated elements in XML, as GeoReport's examples show.
const XML_ITEM: Record<string, string> = { endpoints: 'endpoint', formats: 'format' };

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false });

/** JSON and XML are built from the same cleaned value, so both carry exactly the same data. Plain loops: 1000 requests a page. */
function clean(v: unknown): unknown {
  if (typeof v === 'string') return xmlSafe(v);
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  if (Array.isArray(v)) return v.map(clean);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = clean(x);
  }
  return out;
}

function toXml(v: unknown, key = ''): unknown {
  if (v === null) return ''; // an empty element: JSON's null
  if (Array.isArray(v)) return { [XML_ITEM[key] ?? 'item']: v.map((x) => toXml(x)) };
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toXml(x, k)]));
  return v;
}

/**
 * One answer: a list (`item` set: a JSON array, XML <root><item>…) or a single object (<root>…).
 * Lists stay arrays even with one element.
 */
export function reply(c: Context, format: Format, root: string, item: string | null, data: unknown, status: 200 | 201 | 400 | 403 | 404 | 413 | 429 | 500 = 200) {
  const value = clean(data);
  if (format === 'json') return c.json(value, status);
  const body = item ? { [item]: (value as unknown[]).map((x) => toXml(x)) } : toXml(value);
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: body })}`;
  return c.body(xml, status, { 'Content-Type': 'text/xml; charset=utf-8' });
}

export function replyError(c: Context, format: Format, err: Open311Error) {
  return reply(c, format, 'errors', 'error', err.descriptions.map((description) => ({ code: err.status, description })), err.status);
}

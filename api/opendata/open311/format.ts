import type { Context } from 'hono';
import { xmlSafe } from '../labels.ts';
import { xmlDocument } from './xml.ts';
import { bytesResponse } from '../../cache/bodies.ts';

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

/**
 * One answer: a list (`item` set: a JSON array, XML <root><item>…) or a single object (<root>…).
 * Lists stay arrays even with one element.
 */
export function reply(c: Context, format: Format, root: string, item: string | null, data: unknown, status: 200 | 201 | 400 | 403 | 404 | 413 | 429 | 500 = 200) {
  const value = clean(data);
  if (format === 'json') return c.json(value, status);
  return c.body(xmlDocument(root, item, value), status, { 'Content-Type': 'text/xml; charset=utf-8' });
}

/** A list whose strings are XML-safe already (requestMapper): no cleaning copy, and the body goes out as bytes. */
export function replyCleanList(c: Context, format: Format, root: string, item: string, list: Record<string, unknown>[]) {
  // Bytes, not a string: a string body would be checked for lone surrogates and then encoded again by the Response.
  const bytes = Buffer.from(format === 'json' ? JSON.stringify(list) : xmlDocument(root, item, list));
  return bytesResponse(c.body(bytes, 200, { 'Content-Type': format === 'json' ? 'application/json' : 'text/xml; charset=utf-8' }), bytes);
}

export function replyError(c: Context, format: Format, err: Open311Error) {
  return reply(c, format, 'errors', 'error', err.descriptions.map((description) => ({ code: err.status, description })), err.status);
}

import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Coding } from './negotiation.ts';

/** Bodies smaller than this are sent as they are: compressing saves too few bytes to pay for itself. */
export const MIN_COMPRESS_BYTES = 1024;

const TEXTUAL = /^(?:text\/|application\/(?:json|xml|javascript|geo\+json|ld\+json|[\w.+-]+\+(?:json|xml))|image\/svg\+xml)/i;

/** Text is compressible (and needs a charset); images, PDFs and fonts already are compressed. */
export const isTextual = (contentType: string | null | undefined) => !!contentType && TEXTUAL.test(contentType.trim());

/** Every text response says it is UTF-8 (a browser would otherwise guess, and may guess GBK for Chinese). */
export function withCharset(contentType: string): string {
  if (!isTextual(contentType) || /;\s*charset=/i.test(contentType)) return contentType;
  return `${contentType}; charset=utf-8`;
}

/**
 * A strong entity tag from the identity body; a compressed variant is a different representation, so it gets its
 * own tag (the same hash with the coding as suffix), as RFC 9110 §8.8.3 asks for strong validators.
 */
export const etagOf = (body: Uint8Array) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
export const variantTag = (etag: string, coding: Coding | null) => (coding ? `${etag.slice(0, -1)}-${coding === 'br' ? 'br' : 'gz'}"` : etag);

/**
 * Compresses once for storing or per response (the cold path, a lower quality: the time is paid on every request).
 * Stored bodies use brotli 6, not 10: measured on /reports and /stats (32–35 KB), 10 took 16–25 ms for 6–8% fewer
 * bytes (about 0.5 KB) where 6 takes about 1 ms, and every write that drops a page pays it again on the next read
 * (a 620 KB Open311 page took 2–5 s at 10).
 */
export function compress(body: Uint8Array, coding: Coding, effort: 'store' | 'fast'): Buffer {
  if (coding === 'gzip') return gzipSync(body, { level: effort === 'store' ? 9 : 6 });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: effort === 'fast' ? 4 : 6,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}

// Bodies a route built as bytes (a page of 1000 Open311 requests, ~0.7 MB): the cache takes them as they are instead of
// reading them back through the Response's stream and copying the chunks together. Keyed by the body stream, which
// Hono carries over when it rebuilds a Response to add headers.
const held = new WeakMap<ReadableStream, Buffer>();

/** A response whose body is `bytes`, remembered so the cache need not read the stream back. */
export function bytesResponse(res: Response, bytes: Buffer): Response {
  if (res.body) held.set(res.body, bytes);
  return res;
}
export const heldBytes = (res: Response): Buffer | undefined => (res.body ? held.get(res.body) : undefined);

/** A Buffer as a Response body (the DOM typings do not take Node's Buffer). */
export const bodyInit = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

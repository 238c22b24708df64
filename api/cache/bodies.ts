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

// Brotli 10 takes seconds for a big body (a 1000-request Open311 page, 620 KB: 2–5 s, the event loop blocked, and
// its window's memory) where 5 takes ~0.1 s for ~10% more bytes.
const BIG_BODY = 256 * 1024;

/**
 * Compresses once for storing (brotli at a high quality: a cached page is compressed once and sent thousands of
 * times) or per response (a lower quality: the time is paid on every request).
 */
export function compress(body: Uint8Array, coding: Coding, effort: 'store' | 'fast'): Buffer {
  if (coding === 'gzip') return gzipSync(body, { level: effort === 'store' ? 9 : 6 });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: effort === 'fast' ? 4 : body.byteLength > BIG_BODY ? 5 : 10,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}

/** A Buffer as a Response body (the DOM typings do not take Node's Buffer). */
export const bodyInit = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

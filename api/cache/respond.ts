import { Readable } from 'node:stream';
import { createBrotliCompress, createGzip, constants } from 'node:zlib';
import { bodyInit, compress, heldBytes, isTextual, MIN_COMPRESS_BYTES, withCharset } from './bodies.ts';
import { pickCoding } from './negotiation.ts';
import { pullStream } from '../shared/streams.ts';

type Read = { complete: true; body: Buffer } | { complete: false; response: Response };

/** Reads a response's body up to `limit` bytes; a longer one comes back as a response streaming the rest. */
export async function readBody(res: Response, limit: number): Promise<Read> {
  if (!res.body) return { complete: true, body: Buffer.alloc(0) };
  const bytes = heldBytes(res);
  if (bytes && bytes.byteLength <= limit) return { complete: true, body: bytes };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { complete: true, body: Buffer.concat(chunks, size) };
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) break;
  }
  const rest = new ReadableStream<Uint8Array>({
    start(ctl) { for (const ch of chunks) ctl.enqueue(ch); },
    async pull(ctl) {
      const { done, value } = await reader.read();
      if (done) ctl.close(); else ctl.enqueue(value);
    },
    cancel(reason) { return reader.cancel(reason); },
  });
  return { complete: false, response: new Response(rest, res) };
}

/**
 * An answer that is not cached, as it goes out: charset on text, and compressed (br or gzip as the client accepts)
 * when it is text of at least 1 KB; a long body (an export) is compressed as it streams.
 */
export async function compressResponse(res: Response, acceptEncoding: string | undefined, opts: { allow: boolean }): Promise<Response> {
  const type = res.headers.get('content-type');
  if (type) res.headers.set('content-type', withCharset(type));
  if (!isTextual(type) || res.headers.get('x-hono-already-sent')) return res;
  if (!res.body || res.headers.has('content-encoding') || res.status === 204 || res.status === 304) return res;
  if (!/accept-encoding/i.test(res.headers.get('vary') ?? '')) res.headers.append('Vary', 'Accept-Encoding');
  const coding = opts.allow ? pickCoding(acceptEncoding) : null;
  if (!coding) return res;
  const read = await readBody(res, 1 << 20);
  const headers = new Headers(res.headers);
  if (read.complete) {
    if (read.body.byteLength < MIN_COMPRESS_BYTES) return new Response(bodyInit(read.body), { status: res.status, statusText: res.statusText, headers });
    const body = compress(read.body, coding, 'fast');
    headers.set('Content-Encoding', coding);
    headers.set('Content-Length', String(body.byteLength));
    return new Response(bodyInit(body), { status: res.status, statusText: res.statusText, headers });
  }
  const zip = coding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : createGzip({ level: 6 });
  const source = Readable.fromWeb(read.response.body! as import('node:stream/web').ReadableStream<Uint8Array>);
  headers.set('Content-Encoding', coding);
  headers.delete('Content-Length');
  // Pulled as the client reads (not Readable.toWeb, which would run the compressor over the whole export at once).
  return new Response(pullStream(source.pipe(zip)), { status: res.status, statusText: res.statusText, headers });
}

import { EventEmitter } from 'node:events';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Stands in for the socket's ServerResponse while Astro's node handler writes a page, so the page comes back as a
 * Web Response (status, headers, body) the app can cache, tag and compress. It implements what the handler uses:
 * setHeader/writeHead, write/end, the finish/close events and destroy.
 */
export class PageCapture extends EventEmitter {
  statusCode = 200;
  statusMessage = '';
  headersSent = false;
  writableEnded = false;
  private readonly head: OutgoingHttpHeaders = {};
  private readonly chunks: Buffer[] = [];
  private failed: Error | undefined;

  constructor(readonly req: IncomingMessage) { super(); }

  setHeader(name: string, value: string | number | readonly string[]) { this.head[name.toLowerCase()] = value as OutgoingHttpHeaders[string]; return this; }
  getHeader(name: string) { return this.head[name.toLowerCase()]; }
  removeHeader(name: string) { delete this.head[name.toLowerCase()]; }
  hasHeader(name: string) { return name.toLowerCase() in this.head; }

  writeHead(status: number, ...rest: unknown[]) {
    this.statusCode = status;
    if (typeof rest[0] === 'string') this.statusMessage = rest[0];
    const headers = rest.find((x) => typeof x === 'object' && x !== null) as OutgoingHttpHeaders | undefined;
    for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) this.head[k.toLowerCase()] = v;
    this.headersSent = true;
    return this;
  }

  write(chunk: string | Uint8Array, ...rest: unknown[]) {
    this.headersSent = true;
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    const cb = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  }

  end(chunk?: string | Uint8Array | (() => void)) {
    if (chunk && typeof chunk !== 'function') this.write(chunk);
    this.headersSent = true;
    this.writableEnded = true;
    this.emit('finish');
    this.emit('close');
    return this;
  }

  destroy(err?: Error) {
    this.failed = err ?? new Error('page render aborted');
    this.writableEnded = true;
    this.emit('close');
    return this;
  }

  /** The page as written, its headers shaped by `edit` (the CSP is completed there). */
  toResponse(edit: (headers: OutgoingHttpHeaders) => OutgoingHttpHeaders = (h) => h): Response {
    if (this.failed) throw this.failed;
    const headers = new Headers();
    for (const [k, v] of Object.entries(edit({ ...this.head }))) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) headers.append(k, String(one));
    }
    const empty = this.statusCode === 204 || this.statusCode === 304;
    return new Response(empty ? null : Buffer.concat(this.chunks), { status: this.statusCode, statusText: this.statusMessage || undefined, headers });
  }

  asServerResponse() { return this as unknown as ServerResponse; }
}

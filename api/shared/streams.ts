/**
 * A web stream that pulls from `parts` only when its reader asks for more (one chunk queued ahead): a slow client slows
 * the producer instead of the process buffering the rest for it. Not Node's Readable.toWeb: it counts queued chunks,
 * not bytes, against the stream's 16384 high-water mark, so behind a compressor or csv-stringify (a chunk per record) it
 * drains a whole-city export into memory as fast as the CPU allows. Text parts are gathered into chunks of ~16 KB.
 */
export function pullStream(parts: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const it = Symbol.asyncIterator in parts ? parts[Symbol.asyncIterator]() : parts[Symbol.iterator]();
  const enc = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(ctrl) {
      let text = '';
      for (;;) {
        const r = await it.next();
        if (r.done) {
          if (text) ctrl.enqueue(enc.encode(text));
          ctrl.close();
          return;
        }
        if (typeof r.value !== 'string') { // bytes go on as they come
          if (text) ctrl.enqueue(enc.encode(text));
          ctrl.enqueue(r.value);
          return;
        }
        text += r.value;
        if (text.length >= 16 * 1024) { ctrl.enqueue(enc.encode(text)); return; }
      }
    },
    async cancel() { await it.return?.(); }, // the client went away: the generator's finally runs, its batches stop
  }, { highWaterMark: 1 });
}

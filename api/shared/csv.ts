import { stringify } from 'csv-stringify/sync';
import { pullStream } from './streams.ts';

const ROWS_PER_CHUNK = 200;

/** The CSV text of `rows`, a batch of rows at a time (BOM and header with the first). */
async function* csvText<K extends string>(rows: Iterable<Record<K, unknown>> | AsyncIterable<Record<K, unknown>>, header: Record<K, string>) {
  const columns = (Object.keys(header) as K[]).map((key) => ({ key, header: header[key] }));
  let batch: Record<K, unknown>[] = [];
  let first = true;
  const text = () => {
    const out = stringify(batch, { bom: first, header: first, record_delimiter: 'windows', escape_formulas: true, columns });
    first = false;
    batch = [];
    return out;
  };
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= ROWS_PER_CHUNK) yield text();
  }
  if (batch.length || first) yield text();
}

/**
 * Rows as a streamed CSV that Excel and WPS open right: UTF-8 with a BOM, CRLF, and every text cell that a
 * spreadsheet would run as a formula (= + - @, tab, CR) neutralised with a leading apostrophe.
 * Pulled only as fast as the client reads (shared/streams.ts); a client going away ends the generator.
 */
export function csvStream<K extends string>(
  rows: Iterable<Record<K, unknown>> | AsyncIterable<Record<K, unknown>>, header: Record<K, string>,
): ReadableStream<Uint8Array> {
  return pullStream(csvText(rows, header));
}

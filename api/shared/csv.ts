import { stringify } from 'csv-stringify';
import { Readable, pipeline } from 'node:stream';

/**
 * Rows as a streamed CSV that Excel and WPS open right: UTF-8 with a BOM, CRLF, and every text cell that a
 * spreadsheet would run as a formula (= + - @, tab, CR) neutralised with a leading apostrophe.
 * Pulled only as fast as the client reads; a client going away destroys the stream and ends the generator.
 */
export function csvStream<K extends string>(
  rows: Iterable<Record<K, unknown>> | AsyncIterable<Record<K, unknown>>, header: Record<K, string>,
): ReadableStream<Uint8Array> {
  const columns = (Object.keys(header) as K[]).map((key) => ({ key, header: header[key] }));
  const csv = stringify({ bom: true, header: true, record_delimiter: 'windows', escape_formulas: true, columns });
  pipeline(Readable.from(rows), csv, () => {});
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

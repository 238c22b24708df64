/**
 * npm run build's last step: a .br and a .gz beside every compressible built asset (dist/client), at the highest
 * levels since this runs once; the server sends them to clients that accept them (serveStatic `precompressed`).
 * A variant that would not be smaller is not written.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|mjs|css|svg|html|json|txt|xml|webmanifest|map|ico)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(name)) yield path;
  }
}

const root = process.argv[2] ?? 'dist/client';
let n = 0;
for (const path of files(root)) {
  const body = readFileSync(path);
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } });
  const gz = gzipSync(body, { level: 9 });
  if (br.byteLength < body.byteLength) writeFileSync(`${path}.br`, br);
  if (gz.byteLength < body.byteLength) writeFileSync(`${path}.gz`, gz);
  n++;
}
console.log(`precompressed ${n} files in ${root}`);

// Where a photo report's time goes, step by step, in one process (`tsx tests/bench/photo-steps.ts [reps]`): the
// multipart parse (undici's formData, as before, and the app's streaming reader), the copies, the header and EXIF
// reads, the app's encode (both sizes) and the bare sharp pipeline of the ceiling (tests/bench/bare-sharp.ts). Medians
// and p95 of many repetitions, one at a time, so the steps compare; CPU time (all of the process's threads, libvips'
// included) is the steadier figure on a shared machine.
import sharp from 'sharp';
import exifr from 'exifr';
import { encodePhoto } from '../../api/reports/photos.ts';
import { readMultipart } from '../../api/shared/multipart.ts';
import { barePhoto, bareBothSizes } from './bare-sharp.ts';
import { percentile } from './load.ts';
import { phonePhoto } from './photo.ts';

const REPS = Number(process.argv[2] ?? 15);
const photo = await phonePhoto();
const form = new FormData();
form.append('description', '垃圾');
form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'IMG.jpg');
const req = new Response(form);
const type = req.headers.get('content-type')!;
const body = Buffer.from(await req.arrayBuffer());

const steps: [string, () => Promise<unknown>][] = [
  ['multipart parse (Request.formData)', () => new Request('http://x/', { method: 'POST', body, headers: { 'content-type': type } }).formData()],
  ['multipart stream (readMultipart, the app\'s)', () => readMultipart(new Request('http://x/', { method: 'POST', body, headers: { 'content-type': type } }),
    (f) => f === 'photos', { maxFiles: 6, maxFileBytes: 10 * 1048576 })],
  ['File.arrayBuffer copy', async () => Buffer.from(await new Blob([new Uint8Array(photo)]).arrayBuffer())],
  ['sharp metadata', () => sharp(photo, { limitInputPixels: false }).metadata()],
  ['exifr gps', async () => exifr.gps((await sharp(photo).metadata()).exif!.subarray(6))],
  ['app encode (2048 + thumb)', () => encodePhoto(photo, 50_000_000)],
  ['bare rotate-resize-encode (2048)', () => barePhoto(photo)],
  ['bare, both sizes (2048 + thumb)', () => bareBothSizes(photo)],
];

const table = [];
for (const [name, run] of steps) {
  await run();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await run();
    ms.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  table.push({ step: name, 'p50 ms': percentile(ms, 50), 'p95 ms': percentile(ms, 95), 'CPU p50 ms': percentile(cpu, 50) });
}
console.log(`sharp.concurrency() = ${sharp.concurrency()}, ${REPS} repetitions each`);
console.table(table);

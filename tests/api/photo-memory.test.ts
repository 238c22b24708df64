// Issue 9 item 8: six 49-megapixel PNGs in one report. Before the fix the server (started as `npm start` does) peaked
// at ~595 MB and stayed there. The 250 MB target is a measurement, printed below (232–277 MB seen from run to run);
// this regression test holds a margin above that noise, so it fails on the old pipeline, not on a busy machine.
const PEAK_LIMIT_MB = 350;
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { startServer } from '../helpers/server-process.ts';

/** A 7000×7000 PNG (49 MP) that still fits the 10 MB upload limit: noise blown up 10× compresses well. */
async function bigPng(seed: number) {
  const tile = await sharp({ create: { width: 700, height: 700, channels: 3, background: { r: seed * 40, g: 120, b: 80 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
  return sharp(tile).resize(7000, 7000, { kernel: 'nearest' }).png({ compressionLevel: 9 }).toBuffer();
}

test(`six 49 MP PNGs in one report: peak RSS under ${PEAK_LIMIT_MB} MB, and it comes back down`, { timeout: 300_000 }, async () => {
  const photos = await Promise.all([0, 1, 2, 3, 4, 5].map(bigPng));
  assert.ok(photos.every((p) => p.length < 10 * 1048576), `each under 10 MB: ${photos.map((p) => p.length)}`);
  const server = await startServer({ dataDir: 'tests/.tmp/memory-data', env: process.env.MEM_ENV ? JSON.parse(process.env.MEM_ENV) : {} }); // MEM_ENV to compare allocator settings
  try {
    const before = server.memory();
    const fd = new FormData();
    for (const [k, v] of Object.entries({ category: 'exposed_garbage', address: '人民广场', description: '大图' })) fd.append(k, v);
    photos.forEach((p, i) => fd.append('photos', new Blob([new Uint8Array(p)], { type: 'image/png' }), `p${i}.png`));
    const res = await fetch(`${server.base}/api/reports`, { method: 'POST', body: fd, headers: { origin: server.base } });
    assert.equal(res.status, 201, await res.text());
    await new Promise((r) => setTimeout(r, 1500));
    const after = server.memory();
    console.log(`# RSS before ${before.rssMb} MB, peak ${after.peakMb} MB, after ${after.rssMb} MB`);
    assert.ok(after.peakMb < PEAK_LIMIT_MB, `peak RSS ${after.peakMb} MB`);
    assert.ok(after.rssMb < after.peakMb, `RSS stays at its peak (${after.rssMb} MB)`);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});

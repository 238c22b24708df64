// SIGTERM: the request in flight finishes, new connections are refused, the database is closed cleanly, exit 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import sharp from 'sharp';
import Database from 'better-sqlite3';
import { startServer } from '../helpers/server-process.ts';

test('graceful shutdown: an upload in progress completes, then the database closes', { timeout: 120_000 }, async () => {
  // A large photo keeps the request busy for a while after SIGTERM arrives.
  const tile = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
  const png = await sharp(tile).resize(6000, 6000, { kernel: 'nearest' }).png().toBuffer();
  const server = await startServer({ dataDir: 'tests/.tmp/shutdown-data' });
  const fd = new FormData();
  for (const [k, v] of Object.entries({ category: 'exposed_garbage', address: '人民广场', description: '大图' })) fd.append(k, v);
  fd.append('photos', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'big.png');
  const encoded = new Response(fd);
  const type = encoded.headers.get('content-type')!;
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  // The body is held back half-way, so the request is surely in flight when SIGTERM arrives, however slow the machine.
  let release!: () => void;
  const released = new Promise<void>((r) => { release = r; });
  const body = new ReadableStream<Uint8Array>({
    async start(c) { c.enqueue(bytes.subarray(0, 64 * 1024)); await released; c.enqueue(bytes.subarray(64 * 1024)); c.close(); },
  });
  const inFlight = fetch(`${server.base}/api/reports`, { method: 'POST', body, headers: { origin: server.base, 'content-type': type }, duplex: 'half' } as RequestInit);
  await new Promise((r) => setTimeout(r, 500));
  server.child.kill('SIGTERM');
  let late: number | 'refused' = 200;
  for (const until = Date.now() + 10_000; late !== 'refused' && Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    late = await fetch(`${server.base}/healthz`).then((r) => r.status, () => 'refused' as const);
  }
  release();
  const res = await inFlight;
  assert.equal(res.status, 201, 'the request in flight was answered');
  const { trackingNo } = await res.json();
  assert.equal(await server.exited, 0, server.output());
  assert.equal(late, 'refused', 'no new connections once stopping');
  const wal = 'tests/.tmp/shutdown-data/cityloop.sqlite-wal';
  assert.ok(!existsSync(wal) || statSync(wal).size === 0, 'the database was closed (WAL checkpointed)');
  const db = new Database('tests/.tmp/shutdown-data/cityloop.sqlite', { readonly: true });
  assert.ok(db.prepare('select 1 from cases where tracking_no = ?').get(trackingNo), 'the report is stored');
  db.close();
});

// Regressions for issue 9 item 7: storage faults are named, not blamed on the resident; every cache sees every process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServices } from '../../api/services.ts';
import { logLines, testServices } from '../helpers/services.ts';
import { insertCases } from '../helpers/opendata.ts';
import { phoneJpeg } from '../helpers/images.ts';
import { createApp } from '../../api/app.ts';

test('7a. uploads/ that cannot be written: a 503 that says so, and a log line; never "your photo is damaged"', async () => {
  const logged = logLines();
  const services = testServices({ LOG_LEVEL: 'error' }, undefined, logged.stream);
  rmSync(services.config.uploadsDir, { recursive: true, force: true });
  writeFileSync(services.config.uploadsDir, 'not a folder'); // works as root too, unlike chmod
  const app = createApp(services);
  const fd = new FormData();
  for (const [k, v] of Object.entries({ category: 'exposed_garbage', address: '人民广场', description: '垃圾' })) fd.append(k, v);
  fd.append('photos', new Blob([new Uint8Array(await phoneJpeg())], { type: 'image/jpeg' }), 'a.jpg');
  const res = await app.request('/api/reports', { method: 'POST', body: fd, headers: { origin: 'http://localhost' } });
  const body = await res.json();
  assert.equal(res.status, 503, JSON.stringify(body));
  assert.equal(body.error.code, 'storage_unavailable');
  assert.ok(logged.lines.some((l) => /uploads/.test(l) && /"level":50/.test(l)), `the fault is logged: ${logged.lines}`);
});

test('7b. DATA_DIR that is a file or cannot be written: one line naming the variable, no stack trace', () => {
  const dir = mkdtempSync(join(process.cwd(), 'tests/.tmp/datadir-'));
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  const run = spawnSync(process.execPath, ['dist/server.mjs'], { env: { ...process.env, DATA_DIR: file, PORT: '4429', DEMO: '0' }, encoding: 'utf8', timeout: 20_000 });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /DATA_DIR/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
});

test('7c. a second process writing to the same database is seen by every cache (map, statistics, home counts)', () => {
  const a = testServices();
  const b = createServices(a.config, { clock: a.clock });
  const count = () => a.map.cells({ bbox: [111.9, 21.8, 112.1, 21.95] }, 14).reduce((n, c) => n + c.count, 0);
  const before = count();
  const summaryBefore = a.summary.lastDays(30).received;
  insertCases(b, [{ createdAt: new Date(a.clock().getTime() - 3600_000) }]);
  assert.equal(count(), before + 1, 'map clusters');
  assert.equal(a.summary.lastDays(30).received, summaryBefore + 1, 'home page counts');
  b.close();
});

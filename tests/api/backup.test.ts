// `npm run backup` under write load, then `npm run restore`: the restored database and uploads compare equal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { startServer } from '../helpers/server-process.ts';
import { phoneJpeg } from '../helpers/images.ts';
import { referencedUploads } from '../../api/ops/backup.ts';

const tree = (dir: string): string[] => readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? tree(join(dir, e)) : [join(dir, e)]));

test('a backup taken while reports with photos keep arriving restores to a matching database and upload folder', { timeout: 180_000 }, async () => {
  const data = 'tests/.tmp/backup-live', target = 'tests/.tmp/backup-copy', restored = 'tests/.tmp/backup-restored';
  for (const d of [target, restored]) rmSync(d, { recursive: true, force: true });
  const server = await startServer({ dataDir: data });
  const jpeg = new Uint8Array(await phoneJpeg());
  let writing = true, written = 0;
  const writer = async () => {
    while (writing) {
      const fd = new FormData();
      for (const [k, v] of Object.entries({ category: 'exposed_garbage', address: `人民广场 ${written}`, description: '垃圾', phone: '13800138000' })) fd.append(k, v);
      fd.append('photos', new Blob([jpeg], { type: 'image/jpeg' }), 'a.jpg');
      const res = await fetch(`${server.base}/api/reports`, { method: 'POST', body: fd, headers: { origin: server.base } });
      if (res.status === 201) written++;
      else throw new Error(`${res.status} ${await res.text()}`);
    }
  };
  try {
    const load = Promise.all([writer(), writer(), writer()]);
    while (written < 15) await new Promise((r) => setTimeout(r, 50));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/ops/cli.ts', 'backup', '--to', target], { env: { ...process.env, DATA_DIR: data }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /database: \d+\/\d+ pages[\s\S]*uploads: \d+\/\d+ files[\s\S]*backup done/, 'progress is shown');
    while (written < 30) await new Promise((r) => setTimeout(r, 50));
    writing = false;
    await load;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }

  const backupDb = new Database(join(target, 'cityloop.sqlite'), { readonly: true });
  const snapshot = backupDb.prepare('select tracking_no, address from cases order by id').all();
  backupDb.close();
  assert.ok(snapshot.length >= 15 && snapshot.length < written, `the backup holds ${snapshot.length} of ${written} reports: a moment in the middle`);

  const r = spawnSync(process.execPath, ['--import', 'tsx', 'api/ops/cli.ts', 'restore', target], { env: { ...process.env, DATA_DIR: restored }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const db = new Database(join(restored, 'cityloop.sqlite'), { readonly: true });
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  assert.deepEqual(db.prepare('select tracking_no, address from cases order by id').all(), snapshot, 'the same cases');
  db.close();
  const referenced = referencedUploads(join(restored, 'cityloop.sqlite'));
  const files = tree(join(restored, 'uploads')).map((f) => relative(join(restored, 'uploads'), f)).sort();
  assert.deepEqual(files, referenced, 'exactly the photos the database refers to');
  assert.equal(referenced.length, snapshot.length * 2, 'a photo and a thumbnail per report');
  for (const f of referenced) assert.ok(readFileSync(join(restored, 'uploads', f)).equals(readFileSync(join(data, 'uploads', f))), `${f} byte for byte`);
});

// 200 simultaneous signups over HTTP, half to each of two server processes on one SQLite file, at capacity 30.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { eq } from 'drizzle-orm';
import { driveSignups } from '../../db/schema.ts';
import { testServices } from '../helpers/services.ts';
import { phoneOf, series, volunteer } from '../helpers/drives.ts';

const services = testServices({}, () => new Date()); // the servers run on the real clock
const { first } = series(services, { capacity: '30' }, 3);
const procs: ChildProcess[] = [];
const bases: string[] = [];

async function start(): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/api-server.ts'], {
    env: { ...process.env, DATA_DIR: services.config.DATA_DIR, DEMO: '0', RATE_LIMITS: 'off', SECRET: services.config.SECRET!, PUBLIC_URL: 'http://localhost:4321' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  procs.push(child);
  let out = '';
  for await (const chunk of child.stdout!) {
    out += chunk;
    const m = /ready (\d+)/.exec(out);
    if (m) return `http://127.0.0.1:${m[1]}`;
  }
  throw new Error('server did not start');
}

before(async () => { bases.push(...(await Promise.all([start(), start()]))); });
after(async () => {
  for (const p of procs) { p.kill('SIGTERM'); await once(p, 'exit'); }
  services.close();
});

test('200 simultaneous signups on two processes: exactly 30 confirmed, 170 waitlisted 1–170; 10 cancellations promote the first 10 in order', async () => {
  const phones = Array.from({ length: 200 }, (_, i) => phoneOf(50_000 + i));
  const started = performance.now();
  const answers = await Promise.all(phones.map(async (phone, i) => {
    const res = await fetch(`${bases[i % 2]}/api/drives/occurrences/${first.id}/signups`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(volunteer({ phone })),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return { phone, ...(await res.json()) as { status: string; position?: number; manageUrl: string } };
  }));
  const seconds = (performance.now() - started) / 1000;
  console.log(`# 200 signups over 2 processes in ${seconds.toFixed(2)} s = ${(200 / seconds).toFixed(0)} signups/s`);

  const confirmed = answers.filter((a) => a.status === 'confirmed');
  const waiting = answers.filter((a) => a.status === 'waitlisted').sort((a, b) => a.position! - b.position!);
  assert.equal(confirmed.length, 30);
  assert.equal(waiting.length, 170);
  assert.deepEqual(waiting.map((w) => w.position), Array.from({ length: 170 }, (_, i) => i + 1));
  const rows = services.db.select().from(driveSignups).where(eq(driveSignups.occurrenceId, first.id)).all();
  assert.equal(rows.length, 200);
  assert.equal(new Set(rows.map((r) => r.phone)).size, 200, 'no phone twice');
  assert.equal(rows.filter((r) => r.status === 'confirmed').length, 30);

  // 10 confirmed volunteers cancel at once, through both processes.
  const cancels = await Promise.all(confirmed.slice(0, 10).map((a, i) => fetch(`${bases[i % 2]}/api/drives/signups/${a.manageUrl.split('/').pop()}`, { method: 'DELETE', headers: { origin: bases[i % 2] } })));
  assert.deepEqual(cancels.map((r) => r.status), Array(10).fill(200));
  const after = new Map(services.db.select().from(driveSignups).where(eq(driveSignups.occurrenceId, first.id)).all().map((r) => [r.phone, r]));
  const promoted = waiting.slice(0, 10).map((w) => after.get(w.phone)!.status);
  assert.deepEqual(promoted, Array(10).fill('confirmed'), 'the first 10 on the waitlist got the seats');
  assert.equal([...after.values()].filter((r) => r.status === 'confirmed').length, 30);
  // Everyone else moved up by ten, in the same order.
  const still = await Promise.all(waiting.slice(10, 13).map(async (w) => (await (await fetch(`${bases[0]}/api/drives/signups/${w.manageUrl.split('/').pop()}`)).json()).position));
  assert.deepEqual(still, [1, 2, 3]);
});

import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

const PORT = 4398;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA = 'tests/.tmp/durability-data';

async function start(): Promise<ChildProcess> {
  const child = spawn('node', ['dist/server.mjs'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: DATA, DEMO: '0', PUBLIC_URL: BASE },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${BASE}/healthz`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

test('an acknowledged report survives kill -9 of the server', async () => {
  rmSync(DATA, { recursive: true, force: true });
  let server = await start();
  const form = new FormData();
  form.append('category', 'manhole_cover');
  form.append('address', '中医院路段人行道');
  form.append('description', '井盖缺了一块，很危险');
  const res = await fetch(`${BASE}/api/reports`, { method: 'POST', body: form, headers: { origin: BASE } });
  expect(res.status).toBe(201);
  const { trackingNo, code } = await res.json();
  server.kill('SIGKILL');
  await new Promise((r) => server.once('exit', r));

  server = await start();
  try {
    const track = await fetch(`${BASE}/api/track?no=${trackingNo}&code=${code}`);
    expect(track.status).toBe(200);
    expect((await track.json()).address).toBe('中医院路段人行道');
  } finally {
    server.kill('SIGTERM');
  }
});

/**
 * Durability under mixed load: reports and staff actions against the built server, SIGKILL at a random moment,
 * restart, and every acknowledged write must be there. `rounds` short in CI, 20 in `npm run bench`.
 */
import Database from 'better-sqlite3';
import { startServer } from './server-process.ts';
import { loadConfig } from '../../api/config.ts';
import { createServices } from '../../api/services.ts';
import { seedCatalog } from '../../db/catalog.ts';

type Ack = { no: string; code: string; accepted: boolean };

export async function durabilityRounds(rounds: number, port: number, dataDir: string, log: (m: string) => void = () => {}) {
  const setup = createServices(loadConfig({ DATA_DIR: dataDir, DEMO: '0', LOG_LEVEL: 'silent' }));
  seedCatalog(setup.db);
  if (!setup.staff.accounts.list().some((a) => a.username === 'durable')) {
    await setup.staff.accounts.create({ username: 'durable', displayName: '值班', role: 'dispatcher', unitId: null, password: 'durable-password-2026' }, { id: null, username: '(test)' });
  }
  setup.close();
  const acked: Ack[] = [];
  const problems: string[] = [];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  for (let round = 1; round <= rounds; round++) {
    const server = await startServer({ port, dataDir, fresh: false });
    const login = await fetch(`${server.base}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.base }, body: JSON.stringify({ username: 'durable', password: 'durable-password-2026' }) });
    const { csrfToken } = await login.json();
    const staff = { cookie: login.headers.get('set-cookie')!.split(';')[0], 'x-csrf-token': csrfToken, origin: server.base, 'content-type': 'application/json' };
    let running = true;
    const reporter = async () => {
      while (running) {
        const fd = new FormData();
        for (const [k, v] of Object.entries({ category: 'exposed_garbage', address: `第${round}轮 人民广场`, description: '垃圾', phone: '13800138000' })) fd.append(k, v);
        const res = await fetch(`${server.base}/api/reports`, { method: 'POST', body: fd, headers: { origin: server.base } }).catch(() => null);
        if (res?.status === 201) { const b = await res.json(); acked.push({ no: b.trackingNo, code: b.code, accepted: false }); }
      }
    };
    const dispatcher = async () => {
      while (running) {
        const next = acked.find((a) => !a.accepted);
        if (!next) { await new Promise((r) => setTimeout(r, 5)); continue; }
        const res = await fetch(`${server.base}/api/staff/cases/${next.no}/actions/accept`, { method: 'POST', headers: staff, body: JSON.stringify({ version: 1 }) }).catch(() => null);
        if (res?.status === 200) next.accepted = true;
        else if (res && res.status !== 409) await res.text();
        if (res?.status === 409) next.accepted = true; // someone (an earlier, killed attempt) already did it: verified below
      }
    };
    const load = Promise.all([reporter(), reporter(), dispatcher()]);
    await new Promise((r) => setTimeout(r, 500 + random() * 1500));
    server.child.kill('SIGKILL');
    running = false;
    await Promise.all([load, server.exited]);
    log(`round ${round}: ${acked.length} reports acknowledged, ${acked.filter((a) => a.accepted).length} accepted`);
  }

  const db = new Database(`${dataDir}/cityloop.sqlite`); // not read-only: it replays the WAL the killed server left
  const states = new Map((db.prepare('select tracking_no no, state from cases').all() as { no: string; state: string }[]).map((r) => [r.no, r.state]));
  const integrity = db.pragma('integrity_check', { simple: true });
  db.close();
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  for (const a of acked) {
    const state = states.get(a.no);
    if (!state) problems.push(`${a.no} acknowledged but lost`);
    else if (a.accepted && state === 'submitted') problems.push(`${a.no} accept acknowledged but lost`);
  }
  return { acked: acked.length, accepted: acked.filter((a) => a.accepted).length, problems };
}

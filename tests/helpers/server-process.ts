/** The built server (dist/server.mjs) as a child process on a port of ours, for tests of the process itself. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';

/** The environment `npm start` sets before node starts (glibc's allocator settings, which keep photo processing small). */
export const START_ENV: Record<string, string> = Object.fromEntries(
  [...String(JSON.parse(readFileSync('package.json', 'utf8')).scripts.start).matchAll(/(\w+)=('[^']*'|\S+)/g)]
    .map((m) => [m[1], m[2]!.replace(/^'(.*)'$/, '$1')]),
);

export type ServerProcess = { child: ChildProcess; base: string; port: number; dataDir: string; output: () => string;
  /** Peak and current resident memory in MB (Linux /proc). */
  memory: () => { peakMb: number; rssMb: number }; exited: Promise<number | null> };

/** A port nobody listens on now: a fixed one could answer /healthz from another checkout's server running the same tests. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer(opts: { port?: number; dataDir: string; env?: Record<string, string>; fresh?: boolean }): Promise<ServerProcess> {
  if (opts.fresh !== false) rmSync(opts.dataDir, { recursive: true, force: true });
  const port = opts.port ?? await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/server.mjs'], {
    env: { ...process.env, ...START_ENV, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: opts.dataDir, DEMO: '0', PUBLIC_URL: base, RATE_LIMITS: 'off', LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const memory = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) return { child, base, port, dataDir: opts.dataDir, output: () => out, memory, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${out}`);
}

// Load and processes for the benchmark: autocannon with our own latency list (autocannon has no p95), child
// processes on our ports, and their peak resident memory (VmHWM).
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// autocannon decodes every response body into a string (`req.body += chunk`) that nothing here reads. A compressed
// page is binary, not valid UTF-8: decoding a 7 KB one took the client ~130 µs, so the load generator, not the server,
// capped the bigger warm pages (/reports at ~6,000 req/s with the server 40% busy). Bytes are still counted.
const queue = createRequire(import.meta.url)('autocannon/lib/pipelinedRequestsQueue.js') as { prototype: { addBody(data: Buffer): void } };
queue.prototype.addBody = () => {};

export type Row = {
  size: string; name: string; reqPerSec: number; p50: number; p95: number; p99: number;
  ratio: number | null; ratioTo: string; non2xx: number; errors: number; requests: number;
  /** The measured process's peak VmRSS during this row, and its VmHWM (peak so far) after it, in MB. */
  rssMb?: number; hwmMb?: number;
};

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(2) : 0;

const rate = (x: number) => +x.toFixed(x < 1 ? 3 : x < 100 ? 1 : 0);

type LoadOpts = Partial<autocannon.Options> & { url: string; next?: () => string | Buffer };

/** One autocannon run; `next` gives each request its own body (signups need a new phone each). */
export async function load(opts: LoadOpts, connections: number, seconds: number) {
  const latencies: number[] = [];
  const { next, ...rest } = opts;
  const r = await autocannon({
    connections, ...(rest.amount ? {} : { duration: seconds }), ...rest,
    headers: { 'accept-encoding': 'br, gzip', ...rest.headers },
    setupClient: (client) => {
      if (next) client.setBody(next());
      client.on('response', (_status: number, _bytes: number, ms: number) => {
        latencies.push(ms);
        if (next) client.setBody(next());
      });
    },
  });
  latencies.sort((a, b) => a - b);
  return {
    reqPerSec: rate(r.requests.total / (r.duration || seconds)), p50: percentile(latencies, 50), p95: percentile(latencies, 95),
    p99: percentile(latencies, 99), non2xx: r.non2xx, errors: r.errors + r.timeouts, requests: r.requests.total,
  };
}

/** A line of a process's /proc status in MB (Linux): VmHWM is its peak resident memory so far, VmRSS the current. */
function statusMb(pid: number | undefined, key: 'VmHWM' | 'VmRSS'): number {
  try {
    return Math.round(Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

export const peakMb = (pid: number | undefined) => statusMb(pid, 'VmHWM');
export const rssMb = (pid: number | undefined) => statusMb(pid, 'VmRSS');

/**
 * Samples a process's VmRSS every `everyMs` until stopped: the peak of one phase of the run (VmHWM only ever grows, so
 * it cannot tell which phase set it). A spike shorter than the interval may be missed; VmHWM still catches it overall.
 */
export function rssSampler(pid: number | undefined, everyMs = 20) {
  let peak = rssMb(pid);
  const timer = setInterval(() => { peak = Math.max(peak, rssMb(pid)); }, everyMs);
  return { stop: () => { clearInterval(timer); return Math.max(peak, rssMb(pid)); } };
}

export type Proc = { child: ChildProcess; base: string; output: () => string; stop: () => Promise<void> };

/** Starts `args` with node on `port` and waits until `probe` answers (a seeding server may take minutes). */
export async function startProcess(args: string[], port: number, env: Record<string, string>, probe = '/'): Promise<Proc> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out = (out + d).slice(-20_000); });
  child.stderr!.on('data', (d) => { out = (out + d).slice(-20_000); });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  for (let i = 0; i < 3000; i++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited: ${out}`);
    if (await fetch(base + probe).then(() => true, () => false)) return { child, base, output: () => out, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`${args.join(' ')} did not start: ${out}`);
}

// Wall and CPU time of a step, p50 and p95 over `runs` after one warm-up run, printed as one line. CPU time beside wall
// time: on a shared 2-core machine the wall clock includes waiting for a core.
import { percentile } from './load.ts';

function show(name: string, ms: number[], cpu: number[]) {
  ms.sort((a, b) => a - b); cpu.sort((a, b) => a - b);
  console.log(`${name.padEnd(52)} wall p50 ${percentile(ms, 50).toFixed(2)} p95 ${percentile(ms, 95).toFixed(2)} | cpu p50 ${percentile(cpu, 50).toFixed(2)} p95 ${percentile(cpu, 95).toFixed(2)} ms`);
}

function sample(ms: number[], cpu: number[], t: number, c: NodeJS.CpuUsage) {
  ms.push(performance.now() - t);
  const d = process.cpuUsage(c);
  cpu.push((d.user + d.system) / 1000);
}

/** A synchronous step (no awaiting, so no microtask turns in the figure). */
export function timeSync(name: string, runs: number, fn: () => unknown) {
  fn();
  const ms: number[] = [], cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now(), c = process.cpuUsage();
    fn();
    sample(ms, cpu, t, c);
  }
  show(name, ms, cpu);
}

export async function timeAsync(name: string, runs: number, fn: () => Promise<unknown>) {
  await fn();
  const ms: number[] = [], cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now(), c = process.cpuUsage();
    await fn();
    sample(ms, cpu, t, c);
  }
  show(name, ms, cpu);
}

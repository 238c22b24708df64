// `npm run bench` part: 20 rounds of mixed load with SIGKILL at random moments (tests/api/durability.test.ts runs 3).
import { rmSync } from 'node:fs';
import { durabilityRounds } from '../helpers/durability.ts';

const dir = 'tests/.tmp/bench-durability';
rmSync(dir, { recursive: true, force: true });
const result = await durabilityRounds(Number(process.env.DURABILITY_ROUNDS ?? 20), Number(process.env.BENCH_PORT ?? 4390) + 3, dir, (m) => console.log(m));
console.log(`durability: ${result.acked} reports and ${result.accepted} accepts acknowledged over the rounds; ${result.problems.length} lost`);
for (const p of result.problems) console.log(`  ${p}`);
process.exitCode = result.problems.length ? 1 : 0;

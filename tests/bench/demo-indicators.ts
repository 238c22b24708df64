/** Seeds the demo city into a scratch folder and prints its headline indicators per quarter (`npx tsx tests/bench/demo-indicators.ts`). */
import { seedDemo } from '../../api/demo/demo.ts';
import { FIXED_NOW, testServices } from '../helpers/services.ts';

const services = testServices();
await seedDemo(services, { now: FIXED_NOW });
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
for (const { quarter } of services.stats.quarters()) {
  const t = services.stats.report(services.stats.quarterPeriod(quarter)).totals;
  console.log(`${quarter.year}-Q${quarter.q}: received ${t.received}, closed ${t.closed}, due ${t.due}; 按期处置率 ${pct(t.handleRate)}, 按期结案率 ${pct(t.onTimeRate)}, 返工率 ${pct(t.reworkRate)}, 满意率 ${pct(t.satisfactionRate)} (${t.rated} rated); unit ${t.unitHours?.toFixed(1)} h, 核查 ${t.verifyHours?.toFixed(1)} h`);
}
services.db.$client.close();

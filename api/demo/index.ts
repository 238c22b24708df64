/** Seeding at start-up: the default catalog always, the demo city when asked for and nothing is there yet. */
import type { Services } from '../services.ts';
import { cases } from '../../db/schema.ts';
import { seedCatalog } from '../../db/catalog.ts';
import { seedDemo, type SeedDemoResult } from './demo.ts';
import { seedDemoStaff } from './staff.ts';
import { seedDemoDrives } from './drives.ts';
import { seedDemoGazetteer } from './gazetteer.ts';
import { seedInbox } from './inbox.ts';
import { seedDemoPhrases } from './phrases.ts';

export { CATEGORIES, UNITS, seedCatalog } from '../../db/catalog.ts';
export { DEMO_SEED, demoFollowCode, seedDemo, type SeedDemoOptions, type SeedDemoResult } from './demo.ts';

export const hasCases = (services: Services) => services.db.select({ id: cases.id }).from(cases).limit(1).get() !== undefined;

export async function seedOnStart(
  services: Services, opts: { demo: boolean; now: Date; log?: (msg: string) => void },
): Promise<{ catalog: { units: number; categories: number }; demo: SeedDemoResult | null }> {
  const log = opts.log ?? (() => {});
  const catalog = seedCatalog(services.db);
  if (catalog.units || catalog.categories) log(`seeded ${catalog.units} units and ${catalog.categories} categories`);
  services.cases.calendar.get(); // the first read seeds calendar_days from CN_HOLIDAYS (once)
  const demo = opts.demo && !hasCases(services) ? await seedDemo(services, { now: opts.now, log }) : null;
  if (demo) log(`seeded the dispatcher's morning: ${seedInbox(services, opts.now)} new reports waiting`);
  if (opts.demo) await seedDemoStaff(services, { log });
  if (opts.demo && seedDemoPhrases(services)) log('seeded the ready phrases (常用语)');
  if (opts.demo) {
    const n = seedDemoGazetteer(services, opts.now);
    if (n) log(`seeded the demo gazetteer: ${n} roads, places and the district outline`);
  }
  if (opts.demo) {
    const d = seedDemoDrives(services, opts.now);
    if (d.occurrences) log(`seeded the Friday drive at 沿江南社区: ${d.occurrences} occurrences, ${d.signups} signups`);
  }
  services.drives.organise.topUp(); // keep the weeks ahead generated for every series
  return { catalog, demo };
}

/**
 * npm run seed -- [--reset] [--count N]
 * Fills DATA_DIR with the demo city. --reset deletes the database and the uploads first.
 * Without --reset, a database that already has cases is left alone.
 */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { createServices } from '../services.ts';
import { hasCases, seedCatalog, seedDemo } from './index.ts';

async function main(): Promise<number> {
  let values: { reset?: boolean; count?: string };
  try {
    ({ values } = parseArgs({ options: { reset: { type: 'boolean', default: false }, count: { type: 'string' } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\nusage: npm run seed -- [--reset] [--count N]`);
    return 2;
  }
  const count = values.count === undefined ? undefined : Number(values.count);
  if (count !== undefined && !(Number.isInteger(count) && count > 0)) {
    console.error('--count must be a positive whole number');
    return 2;
  }
  const config = loadConfig();
  if (values.reset) {
    for (const f of [config.dbFile, `${config.dbFile}-wal`, `${config.dbFile}-shm`]) await rm(f, { force: true });
    await rm(config.uploadsDir, { recursive: true, force: true });
    console.log(`reset: removed ${config.dbFile} and ${config.uploadsDir}`);
  }
  const services = createServices(config);
  try {
    seedCatalog(services.db);
    if (hasCases(services)) {
      console.log(`${config.dbFile} already has reports: already seeded, nothing to do (use --reset to start over).`);
      return 0;
    }
    await seedDemo(services, { now: new Date(), count, log: (m) => console.log(m) });
    return 0;
  } finally {
    services.close();
  }
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exitCode = 1;
});

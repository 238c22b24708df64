/**
 * npm run staff -- create|reset-password|deactivate|list …  (see STAFF_USAGE)
 * Accounts for real deployments, on DATA_DIR's database; the default units are created first if missing.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { createServices } from '../services.ts';
import { seedCatalog } from '../../db/catalog.ts';
import { runStaffCommand } from './cli-commands.ts';

async function main(): Promise<number> {
  const services = createServices(loadConfig());
  try {
    seedCatalog(services.db);
    return await runStaffCommand(services, process.argv.slice(2));
  } finally {
    services.close();
  }
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exitCode = 1;
});

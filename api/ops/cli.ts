/**
 * npm run backup [-- --to DIR]      consistent online copy of DATA_DIR (default: backups/<UTC time>)
 * npm run restore -- DIR            puts a backup back into DATA_DIR (stop the server first)
 */
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { backup, restore } from './backup.ts';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { DATA_DIR } = loadConfig();
  const say = (m: string) => console.log(m);
  if (command === 'backup') {
    const i = rest.indexOf('--to');
    const target = i >= 0 && rest[i + 1] ? rest[i + 1] : join('backups', new Date().toISOString().replace(/[:.]/g, '-'));
    const { files } = await backup(DATA_DIR, target, say);
    say(`backup done: ${target} (${files} upload files)`);
    return 0;
  }
  if (command === 'restore' && rest[0]) {
    restore(rest[0], DATA_DIR, say);
    say(`restore done into ${DATA_DIR}; start the server`);
    return 0;
  }
  console.error('usage: npm run backup [-- --to DIR] | npm run restore -- DIR');
  return 2;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : `error: ${(e as Error).message}`);
  process.exitCode = 1;
});

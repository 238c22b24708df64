/**
 * Online backup and restore of DATA_DIR: SQLite's backup API (a consistent copy while the server keeps writing),
 * then the photos that copy refers to. Photos are written before their transaction commits and never change, so
 * copying them after the database gives a pair that matches.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Progress = (message: string) => void;
const DB_FILE = 'cityloop.sqlite';

/** Every upload file the database at `dbFile` refers to (photos and their thumbnails). */
export function referencedUploads(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('select file, thumb from case_photos').all() as { file: string; thumb: string }[];
    return [...new Set(rows.flatMap((r) => [r.file, r.thumb]))].sort();
  } finally {
    db.close();
  }
}

export async function backup(dataDir: string, target: string, progress: Progress = () => {}) {
  const source = join(dataDir, DB_FILE);
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  mkdirSync(join(target, 'uploads'), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    await db.backup(join(target, DB_FILE), {
      progress: ({ totalPages, remainingPages }) => {
        progress(`database: ${totalPages - remainingPages}/${totalPages} pages`);
        return 2000; // pages per step: big steps, so a busy server cannot keep restarting the copy
      },
    });
  } finally {
    db.close();
  }
  const files = referencedUploads(join(target, DB_FILE));
  let copied = 0;
  for (const f of files) {
    const from = join(dataDir, 'uploads', f);
    if (!existsSync(from)) { progress(`missing upload (kept going): ${f}`); continue; }
    mkdirSync(dirname(join(target, 'uploads', f)), { recursive: true });
    copyFileSync(from, join(target, 'uploads', f));
    if (++copied % 200 === 0 || copied === files.length) progress(`uploads: ${copied}/${files.length} files`);
  }
  return { files: copied };
}

/** Puts a backup in place of DATA_DIR's database and uploads (the server must be stopped). The old ones are kept aside. */
export function restore(backupDir: string, dataDir: string, progress: Progress = () => {}) {
  const source = join(backupDir, DB_FILE);
  if (!existsSync(source)) throw new Error(`no ${DB_FILE} in ${backupDir}`);
  const check = new Database(source, { readonly: true });
  const ok = check.pragma('integrity_check', { simple: true });
  check.close();
  if (ok !== 'ok') throw new Error(`the backup's database is damaged: ${ok}`);
  mkdirSync(dataDir, { recursive: true });
  const aside = join(dataDir, `replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  for (const name of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, 'uploads']) {
    if (existsSync(join(dataDir, name))) {
      mkdirSync(aside, { recursive: true });
      renameSync(join(dataDir, name), join(aside, name));
    }
  }
  copyFileSync(source, join(dataDir, DB_FILE));
  progress('database restored');
  let n = 0;
  const copyTree = (from: string, to: string) => {
    mkdirSync(to, { recursive: true });
    for (const e of readdirSync(from)) {
      if (statSync(join(from, e)).isDirectory()) copyTree(join(from, e), join(to, e));
      else { copyFileSync(join(from, e), join(to, e)); n++; }
    }
  };
  if (existsSync(join(backupDir, 'uploads'))) copyTree(join(backupDir, 'uploads'), join(dataDir, 'uploads'));
  progress(`uploads restored: ${n} files${existsSync(aside) ? `; the previous data is in ${aside}` : ''}`);
  return { files: n, aside: existsSync(aside) ? aside : null };
}

export const removeBackup = (dir: string) => rmSync(dir, { recursive: true, force: true });

import type { Db } from '../../db/client.ts';
import { writeStamp } from '../shared/cache.ts';

/**
 * What was written since this process last looked, by anyone: the tags SQLite triggers bumped in cache_changes.
 * `poll()` costs two pragmas when nothing was committed; otherwise it reads only the rows bumped since. A table that
 * went backwards (the database restored or reset under the server) answers 'all'.
 */
export function changeFeed(db: Db) {
  const stamp = writeStamp(db);
  const sql = db.$client;
  const maxSeq = sql.prepare('select coalesce(max(seq), 0) from cache_changes').pluck() as unknown as { get(): number };
  const since = sql.prepare('select seq, tag from cache_changes where seq > ? order by seq') as unknown as { all(seq: number): { seq: number; tag: string }[] };
  let seen = maxSeq.get();
  let seenStamp = stamp();
  return {
    /** Tags changed since the last poll ([] when nothing was committed), or 'all'. */
    poll(): string[] | 'all' {
      const now = stamp();
      if (now === seenStamp) return [];
      seenStamp = now;
      const rows = since.all(seen);
      const top = maxSeq.get();
      if (top < seen) { seen = top; return 'all'; }
      if (rows.length) seen = rows[rows.length - 1]!.seq;
      return rows.map((r) => r.tag);
    },
    /** The commit stamp now: a render is kept only if nothing was committed while it ran. */
    stamp,
  };
}

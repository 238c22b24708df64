import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { STATES_OF } from '../cases/workflow.ts';
import type { Db } from '../../db/client.ts';
import { cases } from '../../db/schema.ts';
import { writeAwareCache } from '../shared/cache.ts';
import { isPublicSql } from './public-cases.ts';
import { CHANNELS, type Channel } from '../../db/vocabulary.ts';

/** Figures for the home page: the latest public cases and the counts of the last days. */
export function createSummary(db: Db, clock: () => Date) {
  const recentStmt = db.select({
    trackingNo: cases.trackingNo, categoryId: cases.categoryId, state: cases.state, address: cases.address,
    createdAt: cases.createdAt, acceptedAt: cases.acceptedAt,
  }).from(cases).where(isPublicSql).orderBy(desc(cases.acceptedAt)).limit(sql.placeholder('limit')).prepare();

  // The home page asks on every visit; the figures only change with a write.
  const cache = writeAwareCache<{ received: number; closed: number; open: number; channels: Record<Channel, number> }>(db, 60_000, 4);

  return {
    recent: (limit = 6) => recentStmt.all({ limit }),
    lastDays: (days: number) => cache(`${days}|${Math.floor(clock().getTime() / 60_000)}`, () => {
      const since = new Date(clock().getTime() - days * 86_400_000);
      const row = db.select({
        received: sql<number>`count(*)`,
        closed: sql<number>`sum(case when ${inArray(cases.state, STATES_OF.fixed)} then 1 else 0 end)`,
        open: sql<number>`sum(case when ${inArray(cases.state, STATES_OF.open)} then 1 else 0 end)`,
      }).from(cases).where(and(gte(cases.createdAt, since), eq(cases.hidden, false))).get()!;
      const channels = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
      for (const r of db.select({ channel: cases.channel, n: sql<number>`count(*)` }).from(cases)
        .where(and(gte(cases.createdAt, since), eq(cases.hidden, false))).groupBy(cases.channel).all()) channels[r.channel] = r.n;
      return { received: row.received, closed: row.closed ?? 0, open: row.open ?? 0, channels };
    }),
  };
}

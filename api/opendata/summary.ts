import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { STATES_OF } from '../cases/workflow.ts';
import type { Db } from '../../db/client.ts';
import { cases } from '../../db/schema.ts';
import { writeAwareCache } from '../shared/cache.ts';
import { isPublicSql } from './public-cases.ts';
import { dayNumber } from './stats-rollups.ts';
import { CHANNELS, type Channel } from '../../db/vocabulary.ts';

export type LastDays = { received: number; closed: number; open: number; channels: Record<Channel, number> };
const DAY = 86_400_000;
const FIXED = new Set<string>(STATES_OF.fixed);
const OPEN = new Set<string>(STATES_OF.open);

function tally(rows: [state: string, channel: Channel, n: number][]): LastDays {
  const out: LastDays = { received: 0, closed: 0, open: 0, channels: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number> };
  for (const [state, channel, n] of rows) {
    out.received += n;
    if (FIXED.has(state)) out.closed += n;
    if (OPEN.has(state)) out.open += n;
    out.channels[channel] += n;
  }
  return out;
}

/** The home page's counts straight from the cases (the definition; tests/api/rollups.test.ts compares). */
export function lastDaysByCount(db: Db, now: Date, days: number): LastDays {
  const since = new Date(now.getTime() - days * DAY);
  return tally(db.select({ state: cases.state, channel: cases.channel, n: sql<number>`count(*)` }).from(cases)
    .where(and(gte(cases.createdAt, since), eq(cases.hidden, false))).groupBy(cases.state, cases.channel).all()
    .map((r) => [r.state, r.channel, r.n]));
}

/** Figures for the home page: the latest public cases and the counts of the last days. */
export function createSummary(db: Db, clock: () => Date) {
  const recentStmt = db.select({
    trackingNo: cases.trackingNo, categoryId: cases.categoryId, state: cases.state, address: cases.address,
    createdAt: cases.createdAt, acceptedAt: cases.acceptedAt,
  }).from(cases).where(isPublicSql).orderBy(desc(cases.acceptedAt)).limit(sql.placeholder('limit')).prepare();
  // Whole days from the rollups; the first, partial day (from the instant `days` ago to its midnight) from the cases.
  const wholeDays = db.$client.prepare('SELECT state, channel, sum(cases) FROM rollup_received WHERE day >= ? GROUP BY state, channel').raw();
  const partDay = db.$client.prepare(`SELECT state, channel, count(*) FROM cases WHERE created_at >= ? AND created_at < ? AND hidden = 0
    GROUP BY state, channel`).raw();

  // The home page asks on every visit; the figures only change with a write.
  const cache = writeAwareCache<LastDays>(db, 60_000, 4);

  return {
    recent: (limit = 6) => recentStmt.all({ limit }),
    lastDays: (days: number) => cache(`${days}|${Math.floor(clock().getTime() / 60_000)}`, () => {
      const since = new Date(clock().getTime() - days * DAY);
      const firstWhole = dayNumber(since) + 1;
      const midnight = firstWhole * DAY - 8 * 3_600_000;
      return tally([...wholeDays.all(firstWhole), ...partDay.all(since.getTime(), midnight)] as [string, Channel, number][]);
    }),
  };
}

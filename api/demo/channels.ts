/**
 * The demo city's other sources (issue 11): about one case in six is a 12345 hotline transfer (with a ticket number)
 * and one in ten an inspector's patrol find; most closed ones with a phone got a 回访 within two working days of closing,
 * whose satisfaction is the case's rating (mostly 满意, as a working bureau's is). Deterministic from the seed.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseLog, cases } from '../../db/schema.ts';
import { shanghaiDate } from '../shared/time.ts';
import { demoCalendar } from '../cases/calendar-data.ts';
import { addWorkingTime } from '../cases/deadlines.ts';
import { mulberry32 } from './rng.ts';
import { SURNAMES } from './texts.ts';

const INSPECTORS = ['巡查员', '网格员', '城管队员'];

export function seedDemoChannels(db: Db, seed: number, now: Date) {
  const rng = mulberry32(seed ^ 0x1234_5);
  const cal = demoCalendar();
  const rows = db.select().from(cases).where(eq(cases.source, 'demo')).orderBy(asc(cases.id)).all();
  let ticket = 0, callbacks = 0;
  db.transaction((tx) => {
    for (const c of rows) {
      const channel = rng.weighted([['web', 74], ['hotline', 16], ['patrol', 10]] as const);
      if (channel === 'web') continue;
      const set: Partial<typeof cases.$inferInsert> = { channel };
      if (channel === 'hotline') {
        set.attributes = { ticketNo: `GD${shanghaiDate(c.createdAt).replaceAll('-', '')}${String(++ticket).padStart(4, '0')}` };
        set.reporterName = c.reporterName ?? `${rng.pick(SURNAMES)}${rng.pick(['先生', '女士'])}`;
        set.reporterPhone = c.reporterPhone ?? `13800139${String(rng.int(0, 999)).padStart(3, '0')}`;
      } else {
        set.reporterName = `${rng.pick(SURNAMES)}${rng.pick(INSPECTORS)}`;
        set.reporterPhone = `13800137${String(rng.int(0, 999)).padStart(3, '0')}`;
        set.reporterEmail = null;
      }
      // 回访 of closed cases, not in the future: a caller or an inspector is asked on the phone, so the 回访 replaces the
      // web rating the plan may have given the case.
      const at = c.closedAt ? addWorkingTime(c.closedAt, rng.int(2, 14), 'hours', cal) : null;
      if (c.state === 'closed' && at && at < now && rng.chance(0.8)) {
        tx.delete(caseLog).where(and(eq(caseLog.caseId, c.id), eq(caseLog.action, 'rate'))).run();
        const rating = rng.weighted([['satisfied', 80], ['basically_satisfied', 14], ['unsatisfied', 6]] as const);
        tx.insert(caseLog).values({ caseId: c.id, at, actorKind: 'staff', action: 'callback', detail: { result: 'solved', rating, counted: true, reopened: false } }).run();
        Object.assign(set, { rating, ratedAt: at, version: c.version + 1 });
        callbacks++;
      }
      tx.update(cases).set(set).where(eq(cases.id, c.id)).run();
    }
  }, { behavior: 'immediate' });
  return { tickets: ticket, callbacks };
}

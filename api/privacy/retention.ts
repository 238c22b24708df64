/**
 * Retention: personal data is erased a fixed time after it stops being needed, by a job that keeps the record itself.
 * Each task erases one kind of data; services.ts lists them (cleanup drives add their volunteers' task there).
 */
import { and, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cases } from '../../db/schema.ts';
import type { Log } from '../shared/log.ts';
import { STATES_OF } from '../cases/workflow.ts';

export type RetentionContext = { db: Db; cutoff: Date; now: Date }; // cutoff: RETENTION_DAYS ago; a task with its own period uses now
export type RetentionTask = { name: string; run: (ctx: RetentionContext) => number };

// Finished: fixed, rejected or merged (the public buckets 'fixed' and 'closed' of the one state table).
const FINISHED = [...STATES_OF.fixed, ...STATES_OF.closed];

/** Reporters' name, phone and email on cases finished before the cutoff (closing time, else the last change). */
export const reporterContacts: RetentionTask = {
  name: 'reporter_contacts',
  run: ({ db, cutoff }) => db.update(cases).set({ reporterName: null, reporterPhone: null, reporterEmail: null }).where(and(
    inArray(cases.state, FINISHED),
    lt(sql`coalesce(${cases.closedAt}, ${cases.updatedAt})`, cutoff.getTime()),
    or(isNotNull(cases.reporterName), isNotNull(cases.reporterPhone), isNotNull(cases.reporterEmail)),
  )).run().changes,
};

export function createRetention(deps: { db: Db; clock: () => Date; days: number; log: Log }, tasks: RetentionTask[]) {
  /** Runs every task in one transaction; returns what each erased. */
  function run(): Record<string, number> {
    const now = deps.clock();
    const cutoff = new Date(now.getTime() - deps.days * 86_400_000);
    const erased = deps.db.transaction((tx) => Object.fromEntries(tasks.map((t) => [t.name, t.run({ db: tx as unknown as Db, cutoff, now })])), { behavior: 'immediate' });
    deps.log.info({ erased, cutoff: cutoff.toISOString() }, 'retention');
    return erased;
  }

  /** At start-up, then once a day; stop() for shutdown. */
  function schedule(everyMs = 86_400_000) {
    const tick = () => { try { run(); } catch (err) { deps.log.error({ err }, 'retention failed'); } };
    tick();
    const timer = setInterval(tick, everyMs);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  return { run, schedule, tasks: tasks.map((t) => t.name) };
}

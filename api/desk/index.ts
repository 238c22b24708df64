/** The dispatcher's desk: the queue table, 督办, ready phrases. Built once per process (api/services.ts). */
import type { Db } from '../../db/client.ts';
import type { Cases } from '../cases/index.ts';
import type { Audit } from '../staff/audit.ts';
import { createPhrases } from './phrases.ts';
import { createQueue } from './queue.ts';
import { createSupervision } from './supervision.ts';

export function createDesk(d: { db: Db; clock: () => Date; audit: Audit; cases: Cases }) {
  const { calendar, duplicates } = d.cases;
  return {
    queue: createQueue({ db: d.db, clock: d.clock, calendar, duplicates }),
    supervision: createSupervision({ db: d.db, clock: d.clock, calendar, audit: d.audit }),
    phrases: createPhrases({ db: d.db, clock: d.clock, audit: d.audit }),
  };
}

export type Desk = ReturnType<typeof createDesk>;

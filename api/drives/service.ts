/** The drives feature, built once per process (api/services.ts); pages reach it through locals. */
import type { Db } from '../../db/client.ts';
import type { WorkCalendar } from '../cases/deadlines.ts';
import type { Audit } from '../staff/audit.ts';
import type { CaseActions } from '../cases/service.ts';
import type { PhotoLimits } from '../reports/photos.ts';
import { createHotspots } from './hotspots.ts';
import { createSeriesAdmin } from './series.ts';
import { createOrganise } from './organise.ts';
import { createDriveQueries } from './queries.ts';
import { createSignups } from './signups.ts';
import { createVolunteer } from './volunteer.ts';
import { drivesSummary } from './summary.ts';

export type DrivesDeps = {
  db: Db; clock: () => Date; secret: string; publicUrl: string; audit: Audit; calendar: { get(): WorkCalendar };
  caseActions: Pick<CaseActions, 'apply'>; uploadsDir: string; photoLimits: PhotoLimits;
};

export function createDrives(d: DrivesDeps) {
  const hotspots = createHotspots(d);
  const organise = createOrganise({ ...d, hotspots });
  const queries = createDriveQueries(d.db, d.clock);
  let filledAt = 0;
  /** Keeps WEEKS_AHEAD weeks of occurrences generated; checked at most hourly, on reads. */
  const keepAhead = () => {
    const now = d.clock().getTime();
    if (Math.abs(now - filledAt) < 3600_000) return;
    filledAt = now;
    organise.topUp();
  };
  return {
    keepAhead,
    queries,
    signups: createSignups(d),
    organise,
    hotspots,
    seriesAdmin: createSeriesAdmin({ ...d, hotspots }),
    volunteer: createVolunteer(d.db, d.clock, d.secret),
    /** Drives held in [from, to): counts for the statistics. */
    summary: (from: Date, to: Date) => drivesSummary(d.db, from, to),
  };
}

export type Drives = ReturnType<typeof createDrives>;

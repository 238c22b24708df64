/** The case workflow's services, built once per process (api/services.ts). */
import type { Db } from '../../db/client.ts';
import type { Config } from '../config.ts';
import type { Catalog } from '../reports/categories.ts';
import type { ReportsService } from '../reports/service.ts';
import type { Audit } from '../staff/audit.ts';
import { createCalendar } from './calendar.ts';
import { createComments } from './comments.ts';
import { createModeration } from './moderation.ts';
import { createCaseQueries } from './queries.ts';
import { createRating } from './rating.ts';
import { createCaseActions } from './service.ts';
import { actionBody, isModerationAction, isStaffAction } from './schema.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import type { StaffUser } from '../staff/sessions.ts';

export type CasesDeps = {
  db: Db; clock: () => Date; config: Config; secret: string; catalog: Catalog; audit: Audit; reports: ReportsService;
};

export function createCases(d: CasesDeps) {
  const calendar = createCalendar(d.db, d.audit);
  const photoLimits = { maxPhotos: d.config.MAX_PHOTOS, maxBytes: d.config.MAX_PHOTO_MB * 1048576, maxPixels: d.config.MAX_PHOTO_PIXELS };
  const actions = createCaseActions({ db: d.db, clock: d.clock, catalog: d.catalog, calendar, audit: d.audit, uploadsDir: d.config.uploadsDir, photoLimits });
  const moderation = createModeration({ db: d.db, clock: d.clock, audit: d.audit });

  /** One staff action (workflow or moderation) from the fields as sent: the API route and the console page both call it. */
  async function act(actor: StaffUser, no: string, action: string, fields: unknown, uploads: Buffer[], ip?: string) {
    const body = parseInput(actionBody, fields);
    if (isStaffAction(action)) return actions.perform(actor, no, action, body, uploads, ip);
    if (isModerationAction(action)) return moderation.moderate(actor, no, action, body, ip);
    throw new AppError(404, 'not_found');
  }

  return {
    calendar,
    actions,
    comments: createComments({ db: d.db, clock: d.clock, uploadsDir: d.config.uploadsDir, photoLimits }),
    moderation,
    act,
    queries: createCaseQueries({ db: d.db, clock: d.clock, calendar, secret: d.secret }),
    rating: createRating({ db: d.db, clock: d.clock, reports: d.reports, catalog: d.catalog, calendar }),
  };
}

export type Cases = ReturnType<typeof createCases>;

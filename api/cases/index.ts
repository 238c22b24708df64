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
import { createDuplicates } from './duplicates.ts';
import { createRating } from './rating.ts';
import { createCaseActions } from './service.ts';
import { createAround } from './around.ts';
import { createCallbacks } from './callback.ts';
import { createContact } from './contact.ts';
import { createIntake } from './intake.ts';
import { createRequests } from './requests.ts';
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
  const duplicates = createDuplicates(d.db);

  const requests = createRequests({ db: d.db, clock: d.clock, audit: d.audit });
  const callbacks = createCallbacks({ db: d.db, clock: d.clock, audit: d.audit, catalog: d.catalog, calendar });

  /** Issue 11's steps that move no state themselves (requests, decisions, 回访); each reads its own schema. */
  function handlerStep(actor: StaffUser, no: string, action: string, fields: unknown, ip?: string) {
    switch (action) {
      case 'request_extension': return requests.request(actor, no, 'extension', fields, ip);
      case 'request_hold': return requests.request(actor, no, 'hold', fields, ip);
      case 'approve_request': return requests.decide(actor, no, true, fields, ip);
      case 'refuse_request': return requests.decide(actor, no, false, fields, ip);
      case 'callback': return callbacks.record(actor, no, fields, ip);
      default: return null;
    }
  }

  /** One staff action (workflow or moderation) from the fields as sent: the API route and the console page both call it. */
  async function act(actor: StaffUser, no: string, action: string, fields: unknown, uploads: Buffer[], ip?: string) {
    if (!isStaffAction(action) && uploads.length) throw new AppError(400, 'invalid_input', { photos: 'photos_not_allowed' });
    const step = handlerStep(actor, no, action, fields, ip);
    if (step) return step;
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
    requests,
    callbacks,
    contact: createContact({ db: d.db, audit: d.audit }),
    intake: createIntake({ reports: d.reports, audit: d.audit }),
    around: createAround(d.db),
    duplicates,
    queries: createCaseQueries({ db: d.db, clock: d.clock, calendar, secret: d.secret, duplicates }),
    rating: createRating({ db: d.db, clock: d.clock, reports: d.reports, catalog: d.catalog, calendar }),
  };
}

export type Cases = ReturnType<typeof createCases>;

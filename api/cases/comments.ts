/**
 * A reporter's follow-up comment sent by the integrating system that filed the case (Open311
 * servicerequestupdates, FixMyStreet's extension). It lands in the case log for staff only, its text
 * as the entry's internal note, until a dispatcher publishes it (moderation.ts: publish_comment).
 * One transaction; a client that sends the same update_id_ext again gets the same entry back.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseLog, casePhotos, cases } from '../../db/schema.ts';
import { processPhotos, removePhotos, type PhotoLimits } from '../reports/photos.ts';
import { AppError } from '../shared/errors.ts';
import { mayNote, type CaseState } from './workflow.ts';

export type CommentInput = {
  trackingNo: string;
  apiKeyId: number | null;
  /** The client's own id of the update (update_id_ext), for retries. */
  ref: string | null;
  text: string;
  status: string | null;
  contact: { name: string | null; email: string | null; phone: string | null };
  mediaUrl: string | null;
};

export const COMMENT_MAX = 1000;

export function createComments(deps: { db: Db; clock: () => Date; uploadsDir: string; photoLimits: PhotoLimits }) {
  const { db, clock } = deps;

  function validate(input: CommentInput, photoCount: number) {
    const fields: Record<string, string> = {};
    if (!input.text.trim() && photoCount === 0) fields.description = 'description_required';
    if (input.text.length > COMMENT_MAX) fields.description = 'description_too_long';
    if (Object.keys(fields).length) throw new AppError(400, 'invalid_input', fields);
  }

  /** Adds the comment; a case the client did not file, a hidden one or an unknown one is the same 404. */
  async function add(input: CommentInput, uploads: Buffer[]) {
    validate(input, uploads.length);
    const photos = await processPhotos(uploads, deps.uploadsDir, deps.photoLimits);
    const now = clock();
    try {
      const result = db.transaction((tx) => {
        const c = tx.select().from(cases).where(eq(cases.trackingNo, input.trackingNo.trim().toUpperCase())).get();
        if (!c || c.hidden || c.source !== 'open311' || c.apiKeyId !== input.apiKeyId) throw new AppError(404, 'not_found');
        if (!mayNote('comment', c.state as CaseState, 'reporter')) throw new AppError(409, 'illegal_transition');
        if (input.ref) {
          const earlier = tx.select({ id: caseLog.id }).from(caseLog)
            .where(and(eq(caseLog.caseId, c.id), eq(caseLog.action, 'comment'), sql`json_extract(${caseLog.detail}, '$.ref') = ${input.ref}`)).get();
          if (earlier) return { updateId: earlier.id, repeated: true };
        }
        if (photos.length) {
          tx.insert(casePhotos).values(photos.map((p) => ({
            caseId: c.id, kind: 'before' as const, file: p.file, thumb: p.thumb, width: p.width, height: p.height, bytes: p.bytes, createdAt: now,
          }))).run();
        }
        const detail = Object.fromEntries(Object.entries({
          ref: input.ref, status: input.status, ...input.contact, mediaUrl: input.mediaUrl, photos: photos.length || null,
        }).filter(([, v]) => v !== null && v !== ''));
        const row = tx.insert(caseLog).values({
          caseId: c.id, at: now, actorKind: 'reporter', action: 'comment', internalNote: input.text.trim() || null, detail,
        }).returning({ id: caseLog.id }).get();
        // The case's updated time is public: it moves when staff publish the comment, not before.
        return { updateId: row.id, repeated: false };
      }, { behavior: 'immediate' });
      if (result.repeated) await removePhotos(deps.uploadsDir, photos);
      return result;
    } catch (e) {
      await removePhotos(deps.uploadsDir, photos);
      throw e;
    }
  }

  return { add };
}

export type Comments = ReturnType<typeof createComments>;

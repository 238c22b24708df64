/**
 * Moderation by dispatchers and admins: the public wording of a description (the original is kept
 * in `description`), hiding a photo, taking a whole case out of public view. Not state changes, so
 * they go to the audit log, not to the case's (public) timeline; they still bump the version so
 * an open form built before the change cannot silently undo it.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseLog, casePhotos, cases } from '../../db/schema.ts';
import type { Audit } from '../staff/audit.ts';
import type { StaffUser } from '../staff/sessions.ts';
import { AppError } from '../shared/errors.ts';
import { canModerate, conflict, loadVisible, type CaseRow } from './access.ts';
import type { ActionBody, ModerationAction } from './schema.ts';
import { mayNote, type CaseState } from './workflow.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Change = { set?: Partial<CaseRow>; detail: Record<string, unknown> };

export function createModeration(deps: { db: Db; clock: () => Date; audit: Audit }) {
  const { db, clock, audit } = deps;

  function run(actor: StaffUser, trackingNo: string, action: ModerationAction, version: number, ip: string | undefined,
    change: (tx: Tx, row: CaseRow) => Change) {
    const now = clock();
    return db.transaction((tx) => {
      const row = loadVisible(tx, actor, trackingNo);
      if (!canModerate(actor)) throw new AppError(403, 'action_forbidden');
      if (row.version !== version) throw conflict();
      const { set, detail } = change(tx, row);
      const next = row.version + 1;
      const changed = tx.update(cases).set({ ...set, version: next, updatedAt: now })
        .where(sql`${cases.id} = ${row.id} and ${cases.version} = ${row.version}`).run().changes;
      if (changed !== 1) throw conflict();
      audit.record({ staffId: actor.id, username: actor.username, action: `case.${action}`, target: row.trackingNo, detail, ip }, tx);
      return { trackingNo: row.trackingNo, state: row.state, version: next };
    }, { behavior: 'immediate' });
  }

  function photoOf(tx: Tx, row: CaseRow, photoId: number | undefined) {
    const photo = photoId ? tx.select().from(casePhotos).where(and(eq(casePhotos.id, photoId), eq(casePhotos.caseId, row.id))).get() : undefined;
    if (!photo) throw new AppError(400, 'invalid_input', { photoId: 'photo_invalid' });
    return photo;
  }

  const setPhotoHidden = (hidden: boolean, photoId: number | undefined) => (tx: Tx, row: CaseRow): Change => {
    const photo = photoOf(tx, row, photoId);
    tx.update(casePhotos).set({ hidden }).where(eq(casePhotos.id, photo.id)).run();
    return { detail: { photoId: photo.id, kind: photo.kind, hidden } };
  };

  /** A reporter's comment goes public as written (masked when shown, like every public note). */
  const publishComment = (logId: number | undefined) => (tx: Tx, row: CaseRow): Change => {
    const entry = logId ? tx.select().from(caseLog).where(and(eq(caseLog.id, logId), eq(caseLog.caseId, row.id), eq(caseLog.action, 'comment'))).get() : undefined;
    if (!entry || entry.publicNote !== null || !entry.internalNote) throw new AppError(400, 'invalid_input', { logId: 'comment_invalid' });
    tx.update(caseLog).set({ publicNote: entry.internalNote, internalNote: null }).where(eq(caseLog.id, entry.id)).run();
    return { detail: { logId: entry.id } };
  };

  /** One moderation command; `body.version` must be the case's current version. */
  function moderate(actor: StaffUser, trackingNo: string, action: ModerationAction, body: ActionBody, ip?: string) {
    switch (action) {
      case 'edit_description':
        return run(actor, trackingNo, action, body.version, ip, (_tx, row) => {
          // Empty text goes back to the reporter's words, masked.
          const text = body.description?.trim() || null;
          return { set: { publicDescription: text }, detail: { before: row.publicDescription, after: text } };
        });
      case 'hide_photo':
        return run(actor, trackingNo, action, body.version, ip, setPhotoHidden(true, body.photoId));
      case 'unhide_photo':
        return run(actor, trackingNo, action, body.version, ip, setPhotoHidden(false, body.photoId));
      case 'hide_case':
        if (!body.reason) throw new AppError(400, 'invalid_input', { reason: 'hide_reason_required' });
        return run(actor, trackingNo, action, body.version, ip, () => ({ set: { hidden: true, hiddenReason: body.reason! }, detail: { reason: body.reason } }));
      case 'unhide_case':
        return run(actor, trackingNo, action, body.version, ip, () => ({ set: { hidden: false, hiddenReason: null }, detail: {} }));
      case 'publish_comment':
        return run(actor, trackingNo, action, body.version, ip, (tx, row) => {
          if (!mayNote('publish_comment', row.state as CaseState, actor.role)) throw new AppError(403, 'action_forbidden');
          return publishComment(body.logId)(tx, row);
        });
    }
  }

  return { moderate };
}

export type Moderation = ReturnType<typeof createModeration>;

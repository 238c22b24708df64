/**
 * The reporter's phone and email are masked on the staff case page too; calling the reporter (tap-to-call) starts
 * with a reveal, and every reveal is in the audit log, as the drives' roster does for volunteers' phones.
 */
import type { Db } from '../../db/client.ts';
import type { Audit } from '../staff/audit.ts';
import type { StaffUser } from '../staff/sessions.ts';
import { AppError } from '../shared/errors.ts';
import { maskPersonalData, maskPhone } from '../shared/masking.ts';
import { loadVisible } from './access.ts';

/** The reporter as the case page shows them before a reveal. */
export const maskedReporter = (r: { reporterName: string | null; reporterPhone: string | null; reporterEmail: string | null }) => ({
  name: r.reporterName, phone: r.reporterPhone ? maskPhone(r.reporterPhone) : null, email: r.reporterEmail ? maskPersonalData(r.reporterEmail) : null,
});

export function createContact(deps: { db: Db; audit: Audit }) {
  /** Viewers may not; a handler only on their unit's case (loadVisible). */
  function reveal(actor: StaffUser, no: string, ip?: string) {
    if (actor.role === 'viewer') throw new AppError(403, 'action_forbidden');
    return deps.db.transaction((tx) => {
      const row = loadVisible(tx, actor, no);
      if (!row.reporterPhone && !row.reporterEmail) throw new AppError(404, 'contact_none');
      deps.audit.record({ staffId: actor.id, username: actor.username, action: 'case.reveal_contact', target: row.trackingNo, ip }, tx);
      return { trackingNo: row.trackingNo, name: row.reporterName, phone: row.reporterPhone, email: row.reporterEmail };
    }, { behavior: 'immediate' });
  }
  return { reveal };
}

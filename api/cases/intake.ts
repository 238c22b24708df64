/**
 * Staff enter cases from the other sources (issue 11): a 12345 hotline transfer (热线转办) or an inspector's patrol find
 * (巡查上报). It is the resident's report path (validation, photos, tracking number, follow code) with the channel set,
 * the caller's or inspector's name and phone as the reporter's contact (never public), the 12345 ticket number as a
 * staff-only attribute, and the audit row in the same transaction. The case lands in the queue like any report.
 */
import type { ReportsService } from '../reports/service.ts';
import type { Audit } from '../staff/audit.ts';
import type { StaffUser } from '../staff/sessions.ts';
import { AppError, isAppError, parseInput, zodFields } from '../shared/errors.ts';
import { intakeExtra } from './handler-schema.ts';

export function createIntake(deps: { reports: ReportsService; audit: Audit }) {
  async function enter(actor: StaffUser, fields: Record<string, unknown>, uploads: Buffer[], ip?: string) {
    if (actor.role !== 'dispatcher' && actor.role !== 'admin') throw new AppError(403, 'action_forbidden');
    // Both parts' field errors at once, so the form shows everything wrong in one go.
    const extra = intakeExtra.safeParse(fields);
    let reportFields: Record<string, string> = {};
    try {
      deps.reports.validate(fields, uploads.length);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'invalid_input') throw e;
      reportFields = e.fields ?? {};
    }
    if (!extra.success || Object.keys(reportFields).length) {
      throw new AppError(400, 'invalid_input', { ...reportFields, ...(extra.success ? {} : zodFields(extra.error.issues)) });
    }
    const { channel, ticketNo } = parseInput(intakeExtra, fields);
    const filed = await deps.reports.submit(fields, uploads, {
      source: 'staff', channel, attributes: ticketNo ? { ticketNo } : null,
      within: (tx, f) => deps.audit.record({
        staffId: actor.id, username: actor.username, action: 'case.intake', target: f.trackingNo, ip, detail: { channel },
      }, tx),
    });
    return { trackingNo: filed.trackingNo, code: filed.code };
  }
  return { enter };
}

export type Intake = ReturnType<typeof createIntake>;

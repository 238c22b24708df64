/**
 * Inputs of issue 11's handler and intake use cases (延期申请, 挂账 request, their decision, 回访, staff entry of
 * hotline and patrol cases), shared by the JSON API and the console's forms. Messages are error codes.
 */
import { z } from 'zod';
import { RATINGS, instant, LOCAL_DATE } from './schema.ts';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());
const version = z.coerce.number({ error: 'version_required' }).int('version_required').min(1, 'version_required');
const reason = z.preprocess(blank, z.string({ error: 'request_reason_required' }).trim().min(1, 'request_reason_required').max(500, 'note_too_long'));
const localDate = z.string().trim().refine((s) => LOCAL_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'date_invalid');

export const REQUEST_KINDS = ['extension', 'hold'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** request_extension: reason + proposed due time; request_hold: reason + planned date. */
export const requestBody = z.object({
  version,
  reason,
  proposedDueAt: opt(instant),
  plannedDate: opt(localDate),
});

/** approve_request / refuse_request: which request; a dispatcher may set another due time when approving. */
export const decideBody = z.object({
  version,
  requestId: z.coerce.number({ error: 'request_invalid' }).int('request_invalid').positive('request_invalid'),
  dueAt: opt(instant),
  decisionNote: opt(z.string().trim().max(500, 'note_too_long')),
});

export const CALLBACK_RESULTS = ['solved', 'unsolved', 'unreachable'] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];

/** 回访: whether the problem is solved and how satisfied the caller is (none when nobody answered). */
export const callbackBody = z.object({
  version,
  result: z.enum(CALLBACK_RESULTS, { error: 'callback_result_required' }),
  rating: opt(z.enum(RATINGS, { error: 'rating_required' })),
  internalNote: opt(z.string().trim().max(1000, 'note_too_long')),
}).superRefine((v, ctx) => {
  if (v.result !== 'unreachable' && !v.rating) ctx.addIssue({ code: 'custom', path: ['rating'], message: 'rating_required' });
});

export const INTAKE_CHANNELS = ['hotline', 'patrol'] as const;

/** The part of a staff-entered case that a resident's report does not have; the rest is the report form's schema. */
export const intakeExtra = z.object({
  channel: z.enum(INTAKE_CHANNELS, { error: 'channel_required' }),
  ticketNo: opt(z.string().trim().max(50, 'ticket_too_long')), // 12345 工单号
});

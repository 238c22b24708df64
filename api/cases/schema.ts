/**
 * Inputs of the case workflow, one zod schema each, shared by the JSON API and the console's forms
 * (forms send strings, so numbers are coerced and '' means "not given"). Messages are error codes.
 */
import { z } from 'zod';
import { CASE_STATES } from './workflow.ts';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());
const text = (max: number, code: string) => opt(z.string().trim().max(max, code));

const LOCAL_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/; // <input type="datetime-local">, read as Asia/Shanghai
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A due time from a form (Shanghai wall clock) or an API client (ISO 8601 with an offset). */
export const instant = z.string().trim().transform((s, ctx) => {
  const d = new Date(LOCAL_MINUTE.test(s) ? `${s}:00+08:00` : s);
  if (Number.isNaN(d.getTime()) || !/\d{4}-\d{2}-\d{2}T/.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'due_invalid' });
    return z.NEVER;
  }
  return d;
});

const localDate = z.string().trim().refine((s) => LOCAL_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'date_invalid');

export const STAFF_ACTIONS = ['accept', 'reject', 'merge', 'dispatch', 'start', 'hold', 'resume', 'resolve', 'close', 'rework', 'send_back'] as const;
export const MODERATION_ACTIONS = ['edit_description', 'hide_photo', 'unhide_photo', 'hide_case', 'unhide_case', 'publish_comment'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
export const isStaffAction = (a: string): a is StaffAction => (STAFF_ACTIONS as readonly string[]).includes(a);
export const isModerationAction = (a: string): a is ModerationAction => (MODERATION_ACTIONS as readonly string[]).includes(a);

export const actionBody = z.object({
  version: z.coerce.number({ error: 'version_required' }).int('version_required').min(1, 'version_required'),
  publicNote: text(1000, 'note_too_long'),
  internalNote: text(1000, 'note_too_long'),
  reasonCode: opt(z.string()),
  transferTo: text(100, 'transfer_to_too_long'),
  target: opt(z.string().trim().toUpperCase()),
  unitId: opt(z.string().trim()),
  dueAt: opt(instant),
  plannedDate: opt(localDate),
  // moderation
  description: z.string().trim().max(1000, 'description_too_long').optional(),
  photoId: opt(z.coerce.number().int().positive()),
  reason: text(200, 'reason_too_long'),
  logId: opt(z.coerce.number().int().positive()), // publish_comment: the reporter's comment in the case log
});
export type ActionBody = z.infer<typeof actionBody>;

/** Bulk: accept, dispatch (from 待受理 that is accept and dispatch in one), reject with a reason; an optional public note. */
export const BULK_ACTIONS = ['accept', 'dispatch', 'reject'] as const;
export const bulkBody = z.object({
  action: z.enum(BULK_ACTIONS, { error: 'invalid' }),
  items: z.array(z.object({ trackingNo: z.string().trim().toUpperCase().min(1), version: z.coerce.number().int().min(1) }))
    .min(1, 'selection_required').max(200, 'selection_too_large'),
  unitId: opt(z.string().trim()),
  dueAt: opt(instant),
  publicNote: text(1000, 'note_too_long'),
  reasonCode: opt(z.string()),
  transferTo: text(100, 'transfer_to_too_long'),
});
export type BulkBody = z.infer<typeof bulkBody>;

export const LIGHTS = ['green', 'yellow', 'red'] as const;
export const SORTS = ['new', 'old', 'due'] as const;
export const PAGE_SIZE = 50;

export const listQuery = z.object({
  state: opt(z.enum([...CASE_STATES, 'open'])),
  category: opt(z.string().max(50)),
  unit: opt(z.string().max(50)),
  light: opt(z.enum(LIGHTS)),
  from: opt(localDate),
  to: opt(localDate),
  q: text(100, 'query_too_long'),
  sort: z.preprocess(blank, z.enum(SORTS).default('new')),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type ListQuery = z.infer<typeof listQuery>;

export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const rateBody = z.object({
  no: z.string().trim().toUpperCase().min(1, 'track_not_found'),
  code: z.string().trim().min(1, 'track_not_found'),
  rating: z.enum(RATINGS, { error: 'rating_required' }),
});

export const calendarDayBody = z.object({
  date: localDate,
  kind: z.enum(['holiday', 'workday'], { error: 'invalid' }),
  note: text(100, 'note_too_long'),
});

const clock = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'periods_invalid');
export const periodsBody = z.array(z.object({ start: clock, end: clock })).min(1, 'periods_invalid').max(4, 'periods_invalid');

import { z } from 'zod';
import { isRealDate } from './schedule.ts';

// One schema for the signup form and POST /api/drives/occurrences/<id>/signups; messages are error codes.
export const MOBILE = /^1[3-9]\d{9}$/;
/** '+86 138-0013-8000' → '13800138000'. */
export const normalizeMobile = (v: string) => v.replace(/[\s-]/g, '').replace(/^(?:\+?86)(?=1\d{10}$)/, '');

const mobile = (code: string) => z.string({ error: code }).trim().transform(normalizeMobile).refine((v) => MOBILE.test(v), code);
const checkbox = z.union([z.boolean(), z.literal('on'), z.literal('1'), z.literal('true'), z.literal('')]).optional()
  .transform((v) => v === true || v === 'on' || v === '1' || v === 'true');
const optionalText = (max: number, code: string) => z.string().trim().max(max, code).default('');

export const TEAMS = ['individual', 'party', 'company', 'school'] as const;
export const AGE_GROUPS = ['adult', 'minor', 'child'] as const; // child = under 14: refused

export const signupInput = z.object({
  name: z.string({ error: 'volunteer_name_required' }).trim().min(1, 'volunteer_name_required').max(30, 'volunteer_name_too_long'),
  phone: mobile('mobile_invalid'),
  team: z.enum(TEAMS, { error: 'team_invalid' }).default('individual'),
  org: optionalText(60, 'org_too_long'),
  ageGroup: z.enum(AGE_GROUPS, { error: 'age_required' }),
  guardianName: optionalText(30, 'volunteer_name_too_long'),
  guardianPhone: z.string().trim().default('').transform(normalizeMobile),
  consent: checkbox,
}).superRefine((v, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.team !== 'individual' && !v.org) issue('org', 'org_required');
  if (v.ageGroup === 'child') issue('ageGroup', 'age_too_young');
  if (v.ageGroup === 'minor') {
    if (!v.guardianName) issue('guardianName', 'guardian_name_required');
    if (!MOBILE.test(v.guardianPhone)) issue('guardianPhone', 'guardian_phone_invalid');
  }
  if (!v.consent) issue('consent', 'consent_required');
});
export type SignupInput = z.infer<typeof signupInput>;
export type SignupFields = z.input<typeof signupInput>;

const hhmm = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_invalid');
const coordinate = z.union([z.literal(''), z.coerce.number().finite()]).optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

const seriesFields = z.object({
  titleZh: z.string().trim().min(1, 'title_required').max(60, 'title_too_long'),
  titleEn: z.string().trim().max(100, 'title_too_long').default(''),
  community: z.string().trim().min(1, 'community_required').max(40, 'title_too_long'),
  address: z.string().trim().min(1, 'address_required').max(200, 'address_too_long'),
  lat: coordinate,
  lng: coordinate,
  weekday: z.coerce.number().int().min(1, 'weekday_invalid').max(7, 'weekday_invalid'),
  startTime: hhmm,
  endTime: hhmm,
  firstDate: z.string().trim().refine(isRealDate, 'date_invalid'),
  capacity: z.coerce.number().int('capacity_invalid').min(1, 'capacity_invalid').max(500, 'capacity_invalid'),
  hours: z.coerce.number().min(0.5, 'drive_hours_invalid').max(12, 'drive_hours_invalid'),
  bring: optionalText(200, 'text_too_long'),
  notes: optionalText(500, 'text_too_long'),
  unitId: z.string().trim().min(1, 'organiser_required'),
  cases: optionalText(500, 'text_too_long'), // tracking numbers, separated by spaces or commas
});
const seriesRules = (v: { startTime: string; endTime: string; lat: number | null; lng: number | null }, ctx: z.RefinementCtx) => {
  if (v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'end_before_start' });
  if ((v.lat === null) !== (v.lng === null)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'location_incomplete' });
};

/** A new series (staff form and API). */
export const seriesInput = seriesFields.superRefine(seriesRules);
export type SeriesInput = z.infer<typeof seriesInput>;

/** Editing a series: everything but its day, first date and organiser (to move the day, stop it and start a new one). */
export const seriesEdit = seriesFields.omit({ weekday: true, firstDate: true, unitId: true }).superRefine(seriesRules);

export const occurrenceEdit = z.object({
  capacity: z.coerce.number().int('capacity_invalid').min(1, 'capacity_invalid').max(500, 'capacity_invalid'),
  note: optionalText(200, 'text_too_long'),
});

export const lookupInput = z.object({
  phone: mobile('mobile_invalid'),
  code: z.string({ error: 'lookup_failed' }).trim().toUpperCase().min(1, 'lookup_failed').max(20, 'lookup_failed'),
});

import { z } from 'zod';
import { PASSWORD_MAX, passwordProblem } from './policy.ts';
import { CHANNELS } from '../../db/vocabulary.ts';

// One schema per input, shared by the /api/staff routes (JSON or form) and the console's forms (strings).
// Messages are error codes; the auth catalogs say them in zh and en.

import { STAFF_ROLES, type StaffRole } from '../../db/vocabulary.ts';

export { STAFF_ROLES, type StaffRole };

const text = (max: number, code: string) => z.string().trim().max(max, code).default('');
const required = (max: number, code: string, tooLong = 'too_long') => z.string().default('').transform((s) => s.trim())
  .pipe(z.string().min(1, code).max(max, tooLong));
const slug = (code: string) => z.string().default('').transform((s) => s.trim().toLowerCase())
  .pipe(z.string().min(1, code).regex(/^[a-z][a-z0-9_-]{1,31}$/, 'slug_invalid'));
const optionalSlug = z.string().nullish().transform((s) => s?.trim().toLowerCase() || null)
  .pipe(z.string().regex(/^[a-z][a-z0-9_-]{1,31}$/, 'unit_not_found').nullable());
const int = (min: number, max: number, code: string) => z.coerce.number({ error: code }).int(code).min(min, code).max(max, code);
// A checkbox posts "on" when ticked and nothing otherwise; JSON sends a boolean.
const checkbox = z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || ['on', '1', 'true'].includes(String(v)));
const newPassword = z.string().default('').superRefine((v, ctx) => {
  const problem = passwordProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const loginInput = z.object({
  username: z.string().default('').transform((s) => s.trim().toLowerCase()).pipe(z.string().min(1, 'username_required').max(64, 'login_invalid')),
  password: z.string().default('').pipe(z.string().min(1, 'password_required').max(PASSWORD_MAX, 'login_invalid')),
});

export const totpCodeInput = z.object({
  code: z.string().default('').transform((s) => s.replace(/[\s-]/g, '')).pipe(z.string().regex(/^\d{6}$/, 'totp_format')),
});

export const passwordChangeInput = z.object({
  current: z.string().default('').pipe(z.string().min(1, 'password_required').max(PASSWORD_MAX, 'password_wrong')),
  password: newPassword,
  confirm: z.string().default(''),
}).superRefine((v, ctx) => {
  if (v.confirm !== v.password) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'password_mismatch' });
});

const unitFields = {
  nameZh: required(50, 'name_required'),
  nameEn: required(100, 'name_required'),
  sort: int(0, 100_000, 'number_invalid').default(0),
};
export const unitCreateInput = z.object({ id: slug('slug_required'), ...unitFields });
export const unitUpdateInput = z.object(unitFields);

export const categoryUpdateInput = z.object({
  nameZh: required(50, 'name_required'),
  nameEn: required(100, 'name_required'),
  // GB/T 47678.5 matter codes have 5 digits; a partial one ends in x ('010xx').
  nationalCode: z.string().nullish().transform((s) => s?.trim().toLowerCase() || null)
    .pipe(z.string().regex(/^(?=.{5}$)\d{2,5}x*$/, 'national_code_invalid').nullable()),
  unitId: optionalSlug,
  acceptHours: int(1, 720, 'hours_invalid'),
  handleAmount: int(1, 365, 'amount_invalid'),
  handleUnit: z.enum(['hours', 'days'], { error: 'invalid' }),
  active: checkbox,
  sort: int(0, 100_000, 'number_invalid').default(0),
});

const staffFields = {
  displayName: required(50, 'display_name_required'),
  role: z.enum(STAFF_ROLES, { error: 'role_invalid' }),
  unitId: optionalSlug,
};
// Handlers belong to one unit; the other roles to none.
const unitForRole = <T extends { role: StaffRole; unitId: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.role === 'handler' && !v.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'handler_unit_required' });
};
const dropUnit = <T extends { role: StaffRole; unitId: string | null }>(v: T): T => ({ ...v, unitId: v.role === 'handler' ? v.unitId : null });

export const usernameField = z.string().default('').transform((s) => s.trim().toLowerCase())
  .pipe(z.string().min(1, 'username_required').regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'username_invalid'));

/** A new account; an empty password means "generate one and show it once". */
export const staffCreateInput = z.object({ username: usernameField, ...staffFields, password: z.string().default('') })
  .superRefine((v, ctx) => {
    unitForRole(v, ctx);
    const problem = v.password ? passwordProblem(v.password, v.username) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  }).transform(dropUnit);

export const staffUpdateInput = z.object(staffFields).superRefine(unitForRole).transform(dropUnit);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).or(z.literal('')).catch('').default('');

/** The audit log's filters (a bad value is ignored rather than refused: it is a GET of a list). */
export const auditQuery = z.object({
  action: text(64, 'invalid').catch(''),
  staff: text(64, 'invalid').catch('').transform((s) => s.toLowerCase()),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});

export type LoginInput = z.infer<typeof loginInput>;
export type PasswordChangeInput = z.infer<typeof passwordChangeInput>;
export type UnitCreateInput = z.infer<typeof unitCreateInput>;
export type UnitUpdateInput = z.infer<typeof unitUpdateInput>;
export type CategoryUpdateInput = z.infer<typeof categoryUpdateInput>;
export type StaffCreateInput = z.infer<typeof staffCreateInput>;
export type StaffUpdateInput = z.infer<typeof staffUpdateInput>;
export type AuditQuery = z.infer<typeof auditQuery>;

export const apiKeyCreateInput = z.object({
  name: z.string({ error: 'name_required' }).trim().min(1, 'name_required').max(50, 'too_long'),
  channel: z.enum(CHANNELS, { error: 'channel_invalid' }),
});
export type ApiKeyCreateInput = z.infer<typeof apiKeyCreateInput>;

export { parseInput } from '../shared/errors.ts';

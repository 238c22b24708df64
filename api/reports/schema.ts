import { z } from 'zod';

// One schema for the report form and POST /api/reports: both send form fields as strings.
// Messages are error codes; the i18n catalogs say them in zh and en.
const text = (max: number, code: string) => z.string().trim().max(max, code).default('');
const coordinate = z.union([z.literal(''), z.coerce.number().finite()]).optional()
  .transform((v) => (v === '' || v === undefined ? null : v));
const checkbox = z.union([z.literal('on'), z.literal('1'), z.literal('true'), z.literal('')]).optional()
  .transform((v) => v !== undefined && v !== '');

const EMAIL = z.email(); // built once, not per report

export const PHONE = /^(?:\+?86[\s-]?)?(?:1[3-9]\d{9}|0\d{2,3}[\s-]?\d{7,8})$/;

export const reportInput = z.object({
  category: z.string({ error: 'category_required' }).trim().min(1, 'category_required'),
  lat: coordinate,
  lng: coordinate,
  address: text(200, 'address_too_long'),
  description: text(1000, 'description_too_long'),
  name: text(50, 'name_too_long'),
  phone: text(20, 'phone_invalid').refine((v) => v === '' || PHONE.test(v.replace(/[\s-]/g, '')), 'phone_invalid'),
  email: text(200, 'email_invalid').refine((v) => v === '' || EMAIL.safeParse(v).success, 'email_invalid'),
  publish: checkbox, // the description, once staff accept (the web form says so and always sends it)
  publish_photos: checkbox, // the photos: their own, opt-in consent (PIPL art. 25)
  place: z.union([z.literal(''), z.coerce.number().int().positive()]).optional()
    .transform((v) => (v === '' || v === undefined ? null : v)), // a gazetteer place the resident chose among candidates
  website: z.string().optional(), // honeypot: people never see it, bots fill it
}).superRefine((v, ctx) => {
  if ((v.lat === null) !== (v.lng === null)) ctx.addIssue({ code: 'custom', path: ['location'], message: 'location_incomplete' });
});

export type ReportInput = z.infer<typeof reportInput>;
export type ReportFields = z.input<typeof reportInput>;

export const nearbyQuery = z.object({
  category: z.string().min(1, 'category_required'),
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
});

export const trackQuery = z.object({
  no: z.string().trim().toUpperCase().min(1, 'track_not_found'),
  code: z.string().trim().min(1, 'track_not_found'),
});

import { sqliteTable, text, integer, real, blob, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { CASE_STATES, CHANNELS, PHRASE_ACTIONS, STAFF_ROLES } from './vocabulary.ts';

// Instants are stored as UTC milliseconds (Drizzle maps them to Date).
const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const units = sqliteTable('units', {
  id: text('id').primaryKey(), // slug, e.g. 'sanitation'
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
});

export const categories = sqliteTable('categories', {
  id: text('id').primaryKey(), // slug, e.g. 'exposed_garbage'
  groupId: text('group_id').notNull(), // environment | order | air | ads | facilities | greenery | other
  nationalCode: text('national_code'), // GB/T 47678.5 matter code, may be partial ('010xx') or absent
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  unitId: text('unit_id').references(() => units.id), // null: the dispatcher decides
  acceptHours: integer('accept_hours').notNull().default(2), // working hours to accept (立案)
  handleAmount: integer('handle_amount').notNull(),
  handleUnit: text('handle_unit', { enum: ['hours', 'days'] }).notNull(), // working hours (urgent) or days
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sort: integer('sort').notNull().default(0),
});

export const cases = sqliteTable('cases', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  trackingNo: text('tracking_no').notNull(),
  followCodeHash: text('follow_code_hash').notNull(), // sha256 of the reporter's secret code
  categoryId: text('category_id').notNull().references(() => categories.id),
  state: text('state', { enum: CASE_STATES }).notNull().default('submitted'),
  lat: real('lat'), // WGS84; null when only a typed address was given
  lng: real('lng'),
  address: text('address').notNull().default(''),
  description: text('description').notNull().default(''), // as typed (staff only)
  publicDescription: text('public_description'), // staff moderation override; null = masked original
  publish: integer('publish', { mode: 'boolean' }).notNull().default(true), // reporter consents to publish the text
  publishPhotos: integer('publish_photos', { mode: 'boolean' }).notNull().default(true), // …and the photos (the form's one box sets both)
  reporterName: text('reporter_name'),
  reporterPhone: text('reporter_phone'),
  reporterEmail: text('reporter_email'),
  source: text('source', { enum: ['web', 'open311', 'staff', 'demo'] }).notNull().default('web'), // the code path that filed it
  channel: text('channel', { enum: CHANNELS }).notNull().default('web'),
  apiKeyId: integer('api_key_id').references(() => apiKeys.id), // the integrating system that sent it (Open311)
  sourceName: text('source_name'), // that system's name as it was when the case came in
  attributes: text('attributes', { mode: 'json' }).$type<Record<string, string>>(), // Open311 attribute[...] (staff only)
  mediaUrl: text('media_url'), // Open311 media_url, kept as a link for staff and never fetched
  unitId: text('unit_id').references(() => units.id),
  supporters: integer('supporters').notNull().default(0), // "me too" count
  duplicateOf: integer('duplicate_of'),
  hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
  hiddenReason: text('hidden_reason'),
  version: integer('version').notNull().default(1), // optimistic concurrency for staff actions
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  acceptedAt: instant('accepted_at'),
  dueAt: instant('due_at'),
  resolvedAt: instant('resolved_at'),
  closedAt: instant('closed_at'),
  holdUntil: instant('hold_until'), // planned date of an on-hold (挂账) case
  reworkCount: integer('rework_count').notNull().default(0), // 返工: verification failed
  rating: text('rating', { enum: ['satisfied', 'basically_satisfied', 'unsatisfied'] }),
  ratedAt: instant('rated_at'),
}, (t) => [
  uniqueIndex('cases_tracking_no').on(t.trackingNo),
  index('cases_state_category').on(t.state, t.categoryId),
  index('cases_lat_lng').on(t.lat, t.lng),
  index('cases_unit_state').on(t.unitId, t.state), // a unit's own cases
  index('cases_duplicate_of').on(t.duplicateOf), // merged duplicates of a case
  index('cases_due').on(t.dueAt), // statistics by due time
  // /stats durations (median time to close): covers the closed cases read by report day, without touching the rows
  index('cases_closed_durations').on(t.createdAt, t.unitId, t.categoryId, t.acceptedAt, t.resolvedAt, t.closedAt)
    .where(sql`state = 'closed' and hidden = 0`),
  // By created time (replaces cases_created, same leading column): the public lists (/reports, /api/cases, Open311,
  // feeds, exports) walk it newest first from a keyset cursor with every list filter read from the index itself, so a
  // page never sorts and a filter that matches little skips entries without reading rows. whereOf keeps the planner
  // on it: its state/category/unit terms are written `+col` (not indexable), else SQLite without statistics prefers
  // cases_state_category and sorts the whole table.
  index('cases_accepted').on(t.acceptedAt), // the home page's latest accepted cases (no sort of every case)
  index('cases_public_list').on(t.createdAt, t.id, t.hidden, t.state, t.categoryId, t.unitId, t.lat, t.lng, t.dueAt),
  index('cases_source_created').on(t.source, t.createdAt), // an Open311 client's retries within 24 hours
]);

export const casePhotos = sqliteTable('case_photos', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['before', 'after'] }).notNull().default('before'),
  file: text('file').notNull(), // path under uploads/, random name
  thumb: text('thumb').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
  createdAt: instant('created_at').notNull(),
}, (t) => [
  index('case_photos_case').on(t.caseId),
  // Open311 (a page of 1000): each case's first public photo by one seek, read from the index alone.
  index('case_photos_shown').on(t.caseId, t.id, t.kind, t.file).where(sql`hidden = 0`),
]);

// Every state change and public update; the public timeline is this log minus internal notes and actors.
export const caseLog = sqliteTable('case_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  at: instant('at').notNull(),
  actorKind: text('actor_kind', { enum: ['reporter', 'staff', 'system', 'public'] }).notNull(),
  actorId: integer('actor_id'), // staff id; never shown publicly
  action: text('action').notNull(), // submit, accept, dispatch, ...
  fromState: text('from_state', { enum: CASE_STATES }),
  toState: text('to_state', { enum: CASE_STATES }),
  publicNote: text('public_note'),
  internalNote: text('internal_note'),
  detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(), // e.g. {unitId, dueAt, reasonCode, transferTo, targetCaseId}
}, (t) => [
  index('case_log_case').on(t.caseId, t.at),
  index('case_log_at').on(t.at), // by time: feeds, updates
  // Open311's status_notes (a page of 1000): each case's latest public status note by one seek, not a walk of its log.
  index('case_log_status_notes').on(t.caseId, t.at, t.id).where(sql`public_note is not null and action <> 'comment'`),
]);

export const caseSupports = sqliteTable('case_supports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  at: instant('at').notNull(),
  clientHash: text('client_hash').notNull(), // salted hash of IP + day: one "me too" per client per day
}, (t) => [uniqueIndex('case_supports_once').on(t.caseId, t.clientHash)]);

// Per-day sequence for tracking numbers (YJ-20261125-0042); the day is the Asia/Shanghai date.
export const trackingSeq = sqliteTable('tracking_seq', {
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// A handler's 延期申请 or 挂账 request, decided by a dispatcher or admin (issue 11). Each step is also a case_log row.
export const caseRequests = sqliteTable('case_requests', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['extension', 'hold'] }).notNull(),
  status: text('status', { enum: ['pending', 'approved', 'refused'] }).notNull().default('pending'),
  reason: text('reason').notNull(), // public once approved (the new due time's or the hold's reason)
  proposedDueAt: instant('proposed_due_at'), // extension: the due time asked for
  plannedDate: text('planned_date'), // hold: 'YYYY-MM-DD' Asia/Shanghai
  requestedBy: integer('requested_by').notNull(), // staff id
  requestedAt: instant('requested_at').notNull(),
  decidedBy: integer('decided_by'),
  decidedAt: instant('decided_at'),
  decisionNote: text('decision_note'), // why refused (staff only)
}, (t) => [index('case_requests_status').on(t.status, t.requestedAt), index('case_requests_case').on(t.caseId)]);

// ── Staff (issue: the bureau's console) ─────────────────────────────────────────────

export const staff = sqliteTable('staff', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(), // argon2id
  role: text('role', { enum: STAFF_ROLES }).notNull(),
  unitId: text('unit_id').references(() => units.id), // required for handlers
  totpSecret: text('totp_secret'), // base32; two-factor is on when set and confirmed
  totpEnabled: integer('totp_enabled', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0), // consecutive wrong passwords
  lockedUntil: instant('locked_until'),
  createdAt: instant('created_at').notNull(),
  passwordChangedAt: instant('password_changed_at').notNull(),
}, (t) => [uniqueIndex('staff_username').on(t.username)]);

export const staffSessions = sqliteTable('staff_sessions', {
  id: text('id').primaryKey(), // sha256 of the cookie token; the token itself is never stored
  staffId: integer('staff_id').notNull().references(() => staff.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  twoFactorPending: integer('two_factor_pending', { mode: 'boolean' }).notNull().default(false),
  createdAt: instant('created_at').notNull(),
  expiresAt: instant('expires_at').notNull(),
  ip: text('ip'),
}, (t) => [index('staff_sessions_staff').on(t.staffId)]);

// Every staff action, logins included (admins read and export it).
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: instant('at').notNull(),
  staffId: integer('staff_id'),
  username: text('username'), // kept as typed for failed logins of unknown names
  action: text('action').notNull(), // login, login_failed, logout, case.accept, category.update, ...
  target: text('target'), // e.g. a tracking number or a category id
  detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  ip: text('ip'),
}, (t) => [index('audit_log_at').on(t.at)]);

// The working calendar's exceptions: public holidays and adjusted working weekends (调休), editable by admins.
export const calendarDays = sqliteTable('calendar_days', {
  date: text('date').primaryKey(), // Asia/Shanghai 'YYYY-MM-DD'
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  note: text('note'),
});

// Keys of the systems that file cases through Open311 (a 12345 platform, a mini-program vendor…); only a hash is kept.
export const apiKeys = sqliteTable('api_keys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  channel: text('channel', { enum: CHANNELS }).notNull(),
  keyHash: text('key_hash').notNull(), // sha256 of the key; the key is shown once
  keyHint: text('key_hint').notNull(), // its first characters, so an admin can tell keys apart
  createdAt: instant('created_at').notNull(),
  createdBy: integer('created_by'),
  lastUsedAt: instant('last_used_at'),
  revokedAt: instant('revoked_at'),
}, (t) => [uniqueIndex('api_keys_hash').on(t.keyHash)]);

// ── Volunteer cleanup drives (志愿清洁活动) ─────────────────────────────────────────

// A weekly series; its occurrences are generated ahead and each keeps its own roster.
export const driveSeries = sqliteTable('drive_series', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  titleZh: text('title_zh').notNull(),
  titleEn: text('title_en').notNull(),
  community: text('community').notNull(), // 社区
  address: text('address').notNull(), // typed meeting point
  lat: real('lat'),
  lng: real('lng'),
  weekday: integer('weekday').notNull(), // 1 = Monday … 7 = Sunday (ISO)
  startTime: text('start_time').notNull(), // 'HH:MM' Asia/Shanghai
  endTime: text('end_time').notNull(),
  firstDate: text('first_date').notNull(), // 'YYYY-MM-DD'
  capacity: integer('capacity').notNull(),
  hours: real('hours').notNull(), // credited per attended occurrence
  bring: text('bring').notNull().default(''),
  notes: text('notes').notNull().default(''),
  unitId: text('unit_id').notNull().references(() => units.id), // the organising unit
  createdBy: integer('created_by'), // staff id
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: instant('created_at').notNull(),
});

export const driveOccurrences = sqliteTable('drive_occurrences', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  seriesId: integer('series_id').notNull().references(() => driveSeries.id, { onDelete: 'cascade' }),
  date: text('date').notNull(), // Asia/Shanghai 'YYYY-MM-DD'
  startsAt: instant('starts_at').notNull(),
  endsAt: instant('ends_at').notNull(),
  capacity: integer('capacity').notNull(),
  status: text('status', { enum: ['scheduled', 'cancelled', 'closed'] }).notNull().default('scheduled'),
  note: text('note'), // public note, e.g. why it was cancelled or moved
  checkinCode: text('checkin_code').notNull(), // shown at the meeting point
  sequence: integer('sequence').notNull().default(0), // iCalendar SEQUENCE: bumped on every change
  closedAt: instant('closed_at'),
  updatedAt: instant('updated_at').notNull(),
}, (t) => [uniqueIndex('drive_occurrences_day').on(t.seriesId, t.date), index('drive_occurrences_starts').on(t.startsAt)]);

export const driveSignups = sqliteTable('drive_signups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  occurrenceId: integer('occurrence_id').notNull().references(() => driveOccurrences.id, { onDelete: 'cascade' }),
  code: text('code').notNull(), // 8-character confirmation code; with the phone it opens /volunteer (the manage link is an HMAC of id + code)
  name: text('name').notNull(), // staff only
  phone: text('phone').notNull(), // 11 digits; staff only (masked in the roster)
  team: text('team', { enum: ['individual', 'party', 'company', 'school'] }).notNull(),
  org: text('org').notNull().default(''),
  ageGroup: text('age_group', { enum: ['adult', 'minor'] }).notNull(),
  guardianName: text('guardian_name'),
  guardianPhone: text('guardian_phone'),
  status: text('status', { enum: ['confirmed', 'waitlisted', 'cancelled'] }).notNull(),
  waitSeq: integer('wait_seq'), // order on the waitlist (position = waitlisted ahead + 1)
  checkedInAt: instant('checked_in_at'),
  checkinBy: text('checkin_by', { enum: ['staff', 'self'] }),
  attendance: text('attendance', { enum: ['attended', 'no_show'] }), // set by the organiser on closing
  hours: real('hours'), // credited on closing, attended only
  sequence: integer('sequence').notNull().default(0), // iCalendar SEQUENCE of this signup's own changes
  createdAt: instant('created_at').notNull(),
  promotedAt: instant('promoted_at'),
  cancelledAt: instant('cancelled_at'),
}, (t) => [
  uniqueIndex('drive_signups_phone').on(t.occurrenceId, t.phone), // one seat per phone per occurrence
  index('drive_signups_status').on(t.occurrenceId, t.status, t.waitSeq),
  index('drive_signups_by_phone').on(t.phone),
]);

// Open cases a series will clean up; closing an occurrence may resolve them through the case workflow.
export const driveCases = sqliteTable('drive_cases', {
  seriesId: integer('series_id').notNull().references(() => driveSeries.id, { onDelete: 'cascade' }),
  caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  cleanedOccurrenceId: integer('cleaned_occurrence_id'),
}, (t) => [uniqueIndex('drive_cases_pair').on(t.seriesId, t.caseId)]);

// 服务记录证明: a snapshot of a volunteer's credited service when it was issued; verifiable by its number.
export const driveCertificates = sqliteTable('drive_certificates', {
  no: text('no').primaryKey(),
  phone: text('phone').notNull(), // whose record (never shown; the verify page masks the name)
  name: text('name').notNull(),
  hours: real('hours').notNull(),
  items: text('items', { mode: 'json' }).notNull().$type<{ date: string; titleZh: string; titleEn: string; hours: number }[]>(),
  issuedAt: instant('issued_at').notNull(),
}, (t) => [index('drive_certificates_phone').on(t.phone)]);

// ── Gazetteer (地名库): what residents type, where it is, and what the schematic map draws ─────────────

export const PLACE_KINDS = ['road', 'landmark', 'community', 'school', 'market', 'bus_stop', 'district'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const places = sqliteTable('places', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(), // other names residents type (简称, 旧称)
  kind: text('kind', { enum: PLACE_KINDS }).notNull(),
  lat: real('lat').notNull(), // where a typed match puts the pin (a road's middle)
  lng: real('lng').notNull(),
  /** A road's polyline or a district's outline as [lat, lng] pairs; null for a point. */
  line: text('line', { mode: 'json' }).$type<[number, number][]>(),
  updatedAt: instant('updated_at').notNull(),
}, (t) => [index('places_name').on(t.name)]);

// ── Quarterly reports (季度通报) ─────────────────────────────────────────────────────

// Staff's draft (典型案例, 下一步工作) until published; then the frozen report: the rendered view in both languages and
// the PDFs, so the published report stays byte-identical whatever happens to the cases afterwards.
export const quarterlyReports = sqliteTable('quarterly_reports', {
  quarter: text('quarter').primaryKey(), // '2026-Q3'
  typicalCases: text('typical_cases', { mode: 'json' }).notNull().$type<string[]>(), // tracking numbers, in order
  nextStepsZh: text('next_steps_zh').notNull().default(''),
  nextStepsEn: text('next_steps_en').notNull().default(''),
  snapshot: text('snapshot', { mode: 'json' }).$type<Record<string, unknown>>(), // { zh: QuarterlyView, en: QuarterlyView }
  pdfZh: blob('pdf_zh', { mode: 'buffer' }),
  pdfEn: blob('pdf_en', { mode: 'buffer' }),
  publishedAt: instant('published_at'),
  publishedBy: integer('published_by').references(() => staff.id),
  updatedAt: instant('updated_at').notNull(),
});

// ── Ready phrases (常用语) staff insert into notes and reasons, kept by admins ─────────────

export const phrases = sqliteTable('phrases', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  action: text('action', { enum: PHRASE_ACTIONS }).notNull(),
  textZh: text('text_zh').notNull(),
  textEn: text('text_en').notNull(),
  sort: integer('sort').notNull().default(0),
  createdAt: instant('created_at').notNull(),
}, (t) => [index('phrases_action').on(t.action, t.sort)]);

export * from './schema-rollups.ts';

// ── Response cache invalidation (api/cache) ─────────────────────────────────────────

// One row per thing that changed ('case:YJ-…', 'drives', 'all'), its seq bumped on every change by SQLite triggers
// (migration cache_triggers), so a write by any process — a second server, the staff CLI, a bulk loader — is seen.
export const cacheChanges = sqliteTable('cache_changes', {
  seq: integer('seq').primaryKey(),
  tag: text('tag').notNull(),
}, (t) => [uniqueIndex('cache_changes_tag').on(t.tag)]);

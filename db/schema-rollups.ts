/**
 * Per-day (and per-quarter: 0016) rollups of the cases for /stats, the quarterly report and the home page, kept by
 * SQLite triggers (migrations 0011_rollup_triggers, 0016_quarter_rollups) in the same transaction as every write to
 * cases and case_log, whoever writes (the server, another process, the staff CLI, a bulk loader). db/rollups.ts rebuilds them from scratch.
 * `day` is the Asia/Shanghai day number: (epoch ms + 8 h) / 1 day, integer division. Hidden cases never count.
 */
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Received reports in their state as of now (the /stats cohort), counted under these keys. unit_id/rating '' = none. */
const receivedCounts = () => ({
  categoryId: text('category_id').notNull(),
  unitId: text('unit_id').notNull(),
  channel: text('channel').notNull(),
  state: text('state').notNull(),
  rating: text('rating').notNull(),
  cases: integer('cases').notNull(),
  reworks: integer('reworks').notNull(), // 'rework' entries in these cases' logs (返工)
  reworked: integer('reworked').notNull(), // cases with at least one
});
/** Reports by the day they came in. */
export const rollupReceived = sqliteTable('rollup_received', { day: integer('day').notNull(), ...receivedCounts() },
  (t) => [primaryKey({ columns: [t.day, t.categoryId, t.unitId, t.channel, t.state, t.rating] })]);

/** Judged deadlines by the day they fall due (not rejected, merged or on hold), with how each ended. */
export const rollupDue = sqliteTable('rollup_due', {
  day: integer('day').notNull(),
  categoryId: text('category_id').notNull(),
  unitId: text('unit_id').notNull(),
  closedOnTime: integer('closed_on_time').notNull(), // 0/1: 按期结案
  handledOnTime: integer('handled_on_time').notNull(), // 0/1: 按期处置
  cases: integer('cases').notNull(),
}, (t) => [primaryKey({ columns: [t.day, t.categoryId, t.unitId, t.closedOnTime, t.handledOnTime] })]);

/** Public reports (not pending) by day, typed address and ~100 m cell (stats-places.ts cellOf; '' = no pin). */
const placeCounts = () => ({
  address: text('address').notNull(),
  cell: text('cell').notNull(),
  lat: real('lat'), // a latitude in the cell, to place its centre
  cases: integer('cases').notNull(),
});
export const rollupPlaces = sqliteTable('rollup_places', { day: integer('day').notNull(), ...placeCounts() },
  (t) => [primaryKey({ columns: [t.day, t.address, t.cell] })]);

/**
 * The same counts per quarter (migration 0016): a quarter (the default /stats period, the quarterly report) reads its ~500
 * received and few thousand place rows in key order, instead of grouping 5,000 + 9,500 daily rows. `quarter` is the
 * Asia/Shanghai quarter of created_at as year * 4 + (q - 1) (stats-period.ts quarterNumber).
 */
export const rollupReceivedQ = sqliteTable('rollup_received_q', { quarter: integer('quarter').notNull(), ...receivedCounts() },
  (t) => [primaryKey({ columns: [t.quarter, t.categoryId, t.unitId, t.channel, t.state, t.rating] })]);

export const rollupPlacesQ = sqliteTable('rollup_places_q', { quarter: integer('quarter').notNull(), ...placeCounts() },
  (t) => [primaryKey({ columns: [t.quarter, t.address, t.cell] })]);

/**
 * Each closed (not hidden) case's handling times in ms, by the quarter it was received in: kind 0 report → 结案,
 * 1 受理 → 处置完毕, 2 处置完毕 → 结案 (1 and 2 only once resolved). Indexed by (quarter, group, kind, ms), so a median or
 * P90 is two index seeks at a rank (LIMIT/OFFSET), not a sort of every closed case. Exact: the very values `compute` sorts.
 */
export const rollupDurations = sqliteTable('rollup_durations', {
  caseId: integer('case_id').notNull(),
  kind: integer('kind').notNull(),
  quarter: integer('quarter').notNull(),
  unitId: text('unit_id').notNull(),
  categoryId: text('category_id').notNull(),
  ms: integer('ms').notNull(),
}, (t) => [
  primaryKey({ columns: [t.caseId, t.kind] }),
  index('rollup_durations_total').on(t.quarter, t.kind, t.ms),
  index('rollup_durations_unit').on(t.quarter, t.unitId, t.kind, t.ms),
  index('rollup_durations_category').on(t.quarter, t.categoryId, t.kind, t.ms),
]);

/** How many rows rollup_durations holds per quarter, group ('' all, 'u:<unit>', 'c:<category>') and kind: the ranks. */
export const rollupDurationCounts = sqliteTable('rollup_duration_counts', {
  quarter: integer('quarter').notNull(),
  grp: text('grp').notNull(),
  kind: integer('kind').notNull(),
  cases: integer('cases').notNull(),
}, (t) => [primaryKey({ columns: [t.quarter, t.grp, t.kind] })]);

/** Set by a migration that needs the rollups recounted; openDb recounts and clears it. */
export const rollupRebuild = sqliteTable('rollup_rebuild', {
  reason: text('reason').primaryKey(),
});

import { and, asc, between, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { OPEN_STATES, isOpen, isPublicState } from '../cases/workflow.ts';
import type { Db } from '../../db/client.ts';
import { casePhotos, caseLog, cases, caseSupports } from '../../db/schema.ts';
import type { Channel } from '../../db/vocabulary.ts';
import { AppError, zodFields } from '../shared/errors.ts';
import { boxAround, distanceMeters, inBounds, type Bounds } from '../shared/geo.ts';
import { hmac, newFollowCode, normalizeCode, sameHash, sha256, trackingNumber } from '../shared/ids.ts';
import { shanghaiDate } from '../shared/time.ts';
import type { Catalog } from './categories.ts';
import { processPhotos, removePhotos, type PhotoLimits } from './photos.ts';
import { isRetryOf, RETRY_WINDOW_MS } from './retry.ts';
import { reportInput, trackQuery } from './schema.ts';
import { maskPersonalData } from '../shared/masking.ts';
import { isPublicCase } from './view.ts';
import type { Log } from '../shared/log.ts';
import type { Gazetteer } from '../gazetteer/service.ts';

/** Where a report came from and what else its sender gave, stored in the same transaction as the report. */
export type Origin = {
  source: 'web' | 'open311' | 'staff' | 'demo';
  channel: Channel;
  apiKeyId?: number | null;
  sourceName?: string | null;
  attributes?: Record<string, string> | null;
  mediaUrl?: string | null;
  /** The photos' own consent; by default the form's publish_photos box (with the text's consent). */
  publishPhotos?: boolean;
  /** An integrating system's retry of the same report (retry.ts) gets the first case back. */
  dedupe?: boolean;
  /** More writes in the filing's transaction (a staff entry's audit row): `tx` is the connection, inside it. */
  within?: (tx: Pick<Db, 'insert' | 'select' | 'update'>, filed: { id: number; trackingNo: string }) => void;
};
const WEB: Origin = { source: 'web', channel: 'web' };
type Filed = { trackingNo: string; id: number; repeated: boolean };

export type ReportsDeps = {
  db: Db;
  catalog: Catalog;
  gazetteer: Gazetteer;
  uploadsDir: string;
  cityPrefix: string;
  bounds: Bounds;
  photoLimits: PhotoLimits;
  secret: string;
  clock: () => Date;
  log: Log;
};

const NEARBY_METERS = 100;

export function createReportsService(deps: ReportsDeps) {
  const { db, catalog, bounds, clock } = deps;

  // The filing's writes, prepared once: building them with Drizzle on every report was a fifth of its CPU time.
  const sqlite = db.$client;
  const nextSeq = sqlite.prepare('insert into tracking_seq (day, last) values (?, 1) on conflict (day) do update set last = last + 1 returning last').pluck();
  const insertCase = sqlite.prepare(`insert into cases (tracking_no, follow_code_hash, category_id, state, lat, lng, address,
    description, publish, publish_photos, reporter_name, reporter_phone, reporter_email, source, channel, api_key_id, source_name,
    attributes, media_url, unit_id, created_at, updated_at) values (@trackingNo, @followCodeHash, @categoryId, 'submitted', @lat,
    @lng, @address, @description, @publish, @publishPhotos, @reporterName, @reporterPhone, @reporterEmail, @source, @channel,
    @apiKeyId, @sourceName, @attributes, @mediaUrl, @unitId, @at, @at)`);
  const insertPhoto = sqlite.prepare(`insert into case_photos (case_id, kind, file, thumb, width, height, bytes, created_at)
    values (?, 'before', ?, ?, ?, ?, ?, ?)`);
  const insertSubmitLog = sqlite.prepare(`insert into case_log (case_id, at, actor_kind, action, to_state)
    values (?, ?, 'reporter', 'submit', 'submitted')`);
  const activeUnit = sqlite.prepare('select unit_id unitId from categories where id = ? and active = 1').pluck();
  const isActive = (id: string) => activeUnit.get(id) !== undefined;

  /** Checks everything cheap first and all at once, so the resident sees every field error in one go. */
  function validate(raw: Record<string, unknown>, photoCount: number) {
    if (typeof raw.website === 'string' && raw.website.trim() !== '') throw new AppError(400, 'spam');
    const parsed = reportInput.safeParse(raw);
    const fields: Record<string, string> = parsed.success ? {} : zodFields(parsed.error.issues);
    const text = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');
    const [lat, lng] = [Number(text('lat') || NaN), Number(text('lng') || NaN)];
    const hasPin = Number.isFinite(lat) && Number.isFinite(lng);
    if (text('category') && !isActive(text('category'))) fields.category = 'category_invalid';
    if (hasPin && !inBounds(bounds, lat, lng)) fields.location = 'location_outside';
    if (!hasPin && !text('address') && photoCount === 0) fields.location ??= 'location_required';
    if (!text('description') && photoCount === 0) fields.description ??= 'description_required';
    if (!parsed.success || Object.keys(fields).length) throw new AppError(400, 'invalid_input', fields);
    return parsed.data;
  }

  /** An earlier case this filing repeats (same client, contact, service, text and place within 24 hours). */
  function retried(tx: Pick<Db, 'select'>, filing: Parameters<typeof isRetryOf>[0]) {
    return tx.select({
      id: cases.id, trackingNo: cases.trackingNo, apiKeyId: cases.apiKeyId, categoryId: cases.categoryId, description: cases.description,
      lat: cases.lat, lng: cases.lng, address: cases.address, reporterName: cases.reporterName, reporterPhone: cases.reporterPhone,
      reporterEmail: cases.reporterEmail, createdAt: cases.createdAt,
    }).from(cases).where(and(
      eq(cases.source, 'open311'), gte(cases.createdAt, new Date(filing.createdAt.getTime() - RETRY_WINDOW_MS)),
      eq(cases.categoryId, filing.categoryId), filing.apiKeyId === null ? isNull(cases.apiKeyId) : eq(cases.apiKeyId, filing.apiKeyId),
    )).all().find((c) => isRetryOf(filing, c));
  }

  // better-sqlite3's own transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on a throw): Drizzle's wrapper built two
  // objects per report for nothing. The answer goes out only after COMMIT returned.
  const file = sqlite.transaction((fn: () => Filed) => fn());

  /**
   * Files a report with its photos, its origin and what its sender added, in one transaction. Returns the
   * tracking number and the secret follow code (shown once); `repeated` when it was a retry of an earlier case.
   */
  async function submit(raw: Record<string, unknown>, uploads: Buffer[], origin: Origin = WEB) {
    const v = validate(raw, uploads.length);
    const photos = await processPhotos(uploads, deps.uploadsDir, deps.photoLimits, deps.log);
    let { lat, lng } = v;
    let address = v.address;
    if (lat === null) {
      const gps = photos.find((p) => p.gps && inBounds(bounds, p.gps.lat, p.gps.lng))?.gps;
      if (gps) ({ lat, lng } = gps);
    }
    if (lat === null) {
      // The pin, else the photo's GPS, else the place chosen among candidates, else the typed place if it names one.
      const found = locate(v.place, address, origin.source === 'web');
      if (found.error) {
        await removePhotos(deps.uploadsDir, photos);
        throw found.error;
      }
      if (found.place) {
        ({ lat, lng } = found.place);
        if (address === '') address = found.place.name;
      }
    }
    if (lat === null && address === '') {
      await removePhotos(deps.uploadsDir, photos);
      throw new AppError(400, 'invalid_input', { location: 'location_required' });
    }
    const code = newFollowCode();
    const now = clock();
    try {
      const filed = file.immediate(() => {
        const tx = db; // the same connection: Drizzle's statements run inside this transaction
        const contact = { reporterName: v.name || null, reporterPhone: v.phone || null, reporterEmail: v.email || null };
        const earlier = origin.dedupe ? retried(tx, {
          apiKeyId: origin.apiKeyId ?? null, categoryId: v.category, description: v.description, lat, lng, address, createdAt: now, ...contact,
        }) : undefined;
        if (earlier) return { trackingNo: earlier.trackingNo, id: earlier.id, repeated: true };
        const seq = nextSeq.get(shanghaiDate(now)) as number;
        const no = trackingNumber(deps.cityPrefix, now, seq);
        const id = Number(insertCase.run({
          trackingNo: no, followCodeHash: sha256(code), categoryId: v.category, lat, lng, address, description: v.description,
          publish: v.publish ? 1 : 0, publishPhotos: (origin.publishPhotos ?? (v.publish && v.publish_photos)) ? 1 : 0,
          reporterName: contact.reporterName, reporterPhone: contact.reporterPhone, reporterEmail: contact.reporterEmail,
          source: origin.source, channel: origin.channel, apiKeyId: origin.apiKeyId ?? null, sourceName: origin.sourceName ?? null,
          attributes: origin.attributes && Object.keys(origin.attributes).length ? JSON.stringify(origin.attributes) : null,
          mediaUrl: origin.mediaUrl || null, unitId: activeUnit.get(v.category) ?? null, at: now.getTime(),
        }).lastInsertRowid);
        for (const p of photos) insertPhoto.run(id, p.file, p.thumb, p.width, p.height, p.bytes, now.getTime());
        insertSubmitLog.run(id, now.getTime());
        origin.within?.(tx, { id, trackingNo: no });
        return { trackingNo: no, id, repeated: false };
      });
      // A retry keeps the first case as it was: the photos sent again are not kept twice.
      if (filed.repeated) await removePhotos(deps.uploadsDir, photos);
      return { ...filed, code: filed.repeated ? '' : code }; // the first filing's code was given once and is stored only hashed
    } catch (e) {
      await removePhotos(deps.uploadsDir, photos);
      throw e;
    }
  }

  /**
   * Where a report without a pin is, from the gazetteer: the chosen candidate, or the typed text when it names one
   * place. Several matches are a question back to a resident on the form (`place_ambiguous` with the candidates);
   * an integrating system's report keeps its address without a pin, as before, for staff to place.
   */
  function locate(placeId: number | null, address: string, ask: boolean): { place?: { lat: number; lng: number; name: string }; error?: AppError } {
    const chosen = placeId !== null ? deps.gazetteer.byId(placeId) : null;
    if (chosen) return { place: chosen };
    if (address === '') return {};
    const r = deps.gazetteer.resolve(address);
    if (r.kind === 'one') return { place: { ...r.place, name: address } };
    if (r.kind === 'many' && ask) return { error: new AppError(400, 'invalid_input', { address: 'place_ambiguous' }) };
    return {};
  }

  /**
   * Public open reports of the same category within ~100 m, nearest first (the "is it one of these?" list). A report
   * not yet accepted is not public, so it is not listed; addresses are masked like everywhere else in public.
   */
  function nearby(categoryId: string, lat: number, lng: number) {
    const box = boxAround(lat, lng, NEARBY_METERS);
    const rows = db.select({
      trackingNo: cases.trackingNo, state: cases.state, lat: cases.lat, lng: cases.lng, address: cases.address,
      createdAt: cases.createdAt, supporters: cases.supporters,
    }).from(cases).where(and(
      eq(cases.categoryId, categoryId), inArray(cases.state, OPEN_STATES.filter(isPublicState)), eq(cases.hidden, false),
      between(cases.lat, box.south, box.north), between(cases.lng, box.west, box.east),
    )).all();
    return rows
      .map((r) => ({ ...r, distance: Math.round(distanceMeters(lat, lng, r.lat!, r.lng!)) }))
      .filter((r) => r.distance <= NEARBY_METERS)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 5)
      .map(({ lat: _lat, lng: _lng, address, ...r }) => ({ ...r, address: maskPersonalData(address) }));
  }

  let popular: { at: number; ids: string[] } | null = null;
  /**
   * The categories residents report most (the last year's cases), for the form's short picker; the catalog's order
   * fills up a young city's list. Kept for ten minutes: it moves slowly.
   */
  function popularCategories(n = 6): string[] {
    const now = clock().getTime();
    if (!popular || now - popular.at > 600_000) {
      const rows = db.select({ id: cases.categoryId, n: sql<number>`count(*)` }).from(cases)
        .where(gte(cases.createdAt, new Date(now - 365 * 86_400_000))).groupBy(cases.categoryId).orderBy(sql`count(*) desc`).all();
      popular = { at: now, ids: rows.map((r) => r.id) };
    }
    const active = catalog.activeCategories().filter((c) => c.id !== 'other').map((c) => c.id);
    return [...popular.ids.filter((id) => active.includes(id)), ...active].filter((id, i, all) => all.indexOf(id) === i).slice(0, n);
  }

  /** "Me too": one more resident following an open report, once a day per client. */
  function support(trackingNo: string, clientIp: string) {
    const now = clock();
    return db.transaction((tx) => {
      const c = tx.select({ id: cases.id, state: cases.state, hidden: cases.hidden }).from(cases)
        .where(eq(cases.trackingNo, trackingNo)).get();
      // Not public yet is the same 404 as unknown: otherwise pending cases could be enumerated (and counted).
      if (!c || !isPublicCase(c)) throw new AppError(404, 'not_found');
      if (!isOpen(c.state)) throw new AppError(409, 'case_closed');
      const clientHash = hmac(deps.secret, `${clientIp}|${shanghaiDate(now)}`);
      const added = tx.insert(caseSupports).values({ caseId: c.id, at: now, clientHash }).onConflictDoNothing().run();
      if (added.changes === 0) throw new AppError(409, 'already_supported');
      return tx.update(cases).set({ supporters: sql`${cases.supporters} + 1` }).where(eq(cases.id, c.id))
        .returning({ supporters: cases.supporters }).get();
    }, { behavior: 'immediate' });
  }

  /** The reporter's own view, with the follow code; a wrong code and an unknown number look the same. */
  /** The reporter's own case by number and follow code as typed; anything wrong is one and the same 404. */
  function findForReporter(no: unknown, code: unknown) {
    const q = trackQuery.safeParse({ no, code });
    if (!q.success) throw new AppError(404, 'track_not_found');
    const c = db.select().from(cases).where(eq(cases.trackingNo, q.data.no)).get();
    const hash = sha256(normalizeCode(q.data.code));
    // Compare against a dummy hash when the case is unknown so both paths take the same time.
    const ok = sameHash(c?.followCodeHash ?? sha256('unknown'), hash) && c !== undefined;
    if (!ok) throw new AppError(404, 'track_not_found');
    return c;
  }

  function photosOf(caseId: number) {
    return db.select().from(casePhotos).where(eq(casePhotos.caseId, caseId)).orderBy(asc(casePhotos.id)).all();
  }

  function logOf(caseId: number) {
    return db.select().from(caseLog).where(eq(caseLog.caseId, caseId)).orderBy(asc(caseLog.at), asc(caseLog.id)).all();
  }

  return { validate, submit, locate, popularCategories, nearby, support, findForReporter, photosOf, logOf };
}

export type ReportsService = ReturnType<typeof createReportsService>;

import { and, eq } from 'drizzle-orm';
import { timingSafeEqual } from 'node:crypto';
import { caseLog, cases } from '../../../db/schema.ts';
import type { Services } from '../../services.ts';
import { errorMessage, isAppError } from '../../shared/errors.ts';
import { hmac } from '../../shared/ids.ts';
import type { Labels } from '../labels.ts';
import { Open311Error } from './format.ts';

// Our form fields → the GeoReport field names a client sent, for error messages it can act on.
const OPEN311_FIELD: Record<string, string> = {
  category: 'service_code', lat: 'lat', lng: 'long', location: 'lat/long/address_string', address: 'address_string',
  description: 'description', name: 'first_name/last_name', phone: 'phone', email: 'email', photos: 'media_url',
};

const SIG = 16;

/** A request's token: an HMAC-signed case id, so nothing extra is stored and nobody can guess one. */
export const tokenOf = (secret: string, caseId: number) => hmac(secret, `open311-token:${caseId}`).slice(0, SIG) + caseId.toString(36);

export function caseIdOfToken(secret: string, token: string): number | null {
  const id = Number.parseInt(token.slice(SIG), 36);
  if (!/^[0-9a-z]+$/.test(token.slice(SIG)) || !Number.isSafeInteger(id) || id < 1) return null;
  const a = Buffer.from(token.slice(0, SIG));
  const b = Buffer.from(tokenOf(secret, id).slice(0, SIG));
  return a.length === b.length && timingSafeEqual(a, b) ? id : null;
}

export function checkApiKey(configured: string | undefined, given: string | undefined, L: Labels) {
  if (!configured) return;
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(configured);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new Open311Error(403, [L.t.opendata.open311.errors.api_key]);
}

const CJK = /[\u3400-\u9fff]/;

/** first_name + last_name: Chinese names are written family name first, without a space. */
export function fullName(first = '', last = '') {
  const [f, l] = [first.trim(), last.trim()];
  return CJK.test(f + l) ? `${l}${f}` : `${f} ${l}`.trim();
}

/**
 * POST requests: the same validation and transaction as the web form (reports.submit). Contact details
 * stay private like the form's. media_url is never fetched (no network at run time): it is kept for
 * staff as the internal note of the report's first log entry, and the case is marked source 'open311'.
 */
export async function submitOpen311(services: Services, body: Record<string, string>, L: Labels) {
  const mediaUrl = body.media_url?.trim() ?? '';
  if (mediaUrl && (!/^https?:\/\/\S+$/i.test(mediaUrl) || mediaUrl.length > 1000)) throw new Open311Error(400, [L.t.opendata.open311.errors.media_url]);
  const fields = {
    category: body.service_code ?? '', lat: body.lat ?? '', lng: body.long ?? '', address: body.address_string ?? '',
    description: body.description ?? '', name: fullName(body.first_name, body.last_name), phone: body.phone ?? '', email: body.email ?? '',
    publish: /^(0|false|no|off)$/i.test(body.publish ?? '') ? '' : 'on', // an extension: publish=false keeps text and photos private
  };
  let trackingNo: string;
  try {
    ({ trackingNo } = await services.reports.submit(fields, []));
  } catch (e) {
    if (!isAppError(e) || e.status !== 400) throw e;
    const list = Object.entries(e.fields ?? { form: e.code }).map(([k, code]) =>
      L.fmt(L.t.opendata.open311.errors.field, { field: OPEN311_FIELD[k] ?? k, message: errorMessage(L.lang, code, e.vars) }));
    throw new Open311Error(400, list);
  }
  const { db } = services;
  const id = db.transaction((tx) => {
    const row = tx.update(cases).set({ source: 'open311' }).where(eq(cases.trackingNo, trackingNo)).returning({ id: cases.id }).get()!;
    if (mediaUrl) {
      tx.update(caseLog).set({ internalNote: `Open311 media_url（未下载 / not fetched）: ${mediaUrl}` })
        .where(and(eq(caseLog.caseId, row.id), eq(caseLog.action, 'submit'))).run();
    }
    return row.id;
  });
  return { token: tokenOf(services.secret, id), service_notice: L.t.opendata.open311.serviceNotice };
}

/** tokens/<token>: 200 at once; the service_request_id appears once the case is public. Hidden or unknown: 404. */
export function lookupToken(services: Services, token: string, L: Labels) {
  const id = caseIdOfToken(services.secret, token);
  const row = id ? services.db.select({ no: cases.trackingNo, state: cases.state, hidden: cases.hidden }).from(cases).where(eq(cases.id, id)).get() : undefined;
  if (!row || row.hidden) throw new Open311Error(404, [L.t.opendata.open311.errors.token_not_found]);
  return { service_request_id: row.state === 'submitted' ? null : row.no, token };
}

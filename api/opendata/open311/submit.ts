import { eq } from 'drizzle-orm';
import { timingSafeEqual } from 'node:crypto';
import { cases } from '../../../db/schema.ts';
import type { Services } from '../../services.ts';
import type { ApiClient } from '../../staff/api-keys.ts';
import { errorMessage, isAppError } from '../../shared/errors.ts';
import { hmac } from '../../shared/ids.ts';
import type { Labels } from '../labels.ts';
import { Open311Error } from './format.ts';

// Our form fields → the GeoReport field names a client sent, for error messages it can act on.
const OPEN311_FIELD: Record<string, string> = {
  category: 'service_code', lat: 'lat', lng: 'long', location: 'lat/long/address_string', address: 'address_string',
  description: 'description', name: 'first_name/last_name', phone: 'phone', email: 'email', photos: 'media',
};

const SIG = 16;
const MAX_ATTRIBUTES = 50;

/** A request's token (issued before ids were answered at once): an HMAC-signed case id, nothing stored. */
export const tokenOf = (secret: string, caseId: number) => hmac(secret, `open311-token:${caseId}`).slice(0, SIG) + caseId.toString(36);

export function caseIdOfToken(secret: string, token: string): number | null {
  const id = Number.parseInt(token.slice(SIG), 36);
  if (!/^[0-9a-z]+$/.test(token.slice(SIG)) || !Number.isSafeInteger(id) || id < 1) return null;
  const a = Buffer.from(token.slice(0, SIG));
  const b = Buffer.from(tokenOf(secret, id).slice(0, SIG));
  return a.length === b.length && timingSafeEqual(a, b) ? id : null;
}

/** The calling system, from its api_key: 403 when keys are required and this one is missing, wrong or revoked. */
export function clientOf(services: Services, given: string | undefined, L: Labels): ApiClient {
  const client = services.staff.apiKeys.verify(given);
  if (!client) throw new Open311Error(403, [L.t.opendata.open311.errors.api_key]);
  return client;
}

const CJK = /[\u3400-\u9fff]/;

/** first_name + last_name: Chinese names are written family name first, without a space. */
export function fullName(first = '', last = '') {
  const [f, l] = [first.trim(), last.trim()];
  return CJK.test(f + l) ? `${l}${f}` : `${f} ${l}`.trim();
}

const YES = /^(1|true|yes|on)$/i;

/** attribute[code]=value → {code: value}; bounded, since a client could send anything. */
export function attributesOf(body: Record<string, string>, L: Labels): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[([^\]]{1,100})\]$/.exec(k);
    if (m) out[m[1]!] = v;
  }
  if (Object.keys(out).length > MAX_ATTRIBUTES || Object.values(out).some((v) => v.length > 1000)) {
    throw new Open311Error(400, [L.t.opendata.open311.errors.attributes]);
  }
  return out;
}

function mediaUrlOf(body: Record<string, string>, L: Labels) {
  const url = body.media_url?.trim() ?? '';
  if (url && (!/^https?:\/\/\S+$/i.test(url) || url.length > 1000)) throw new Open311Error(400, [L.t.opendata.open311.errors.media_url]);
  return url || null;
}

/** Our validation errors in Open311's shape, naming the GeoReport fields. */
export function asOpen311(e: unknown, L: Labels, id = ''): never {
  if (isAppError(e) && e.status === 404) throw new Open311Error(404, [L.fmt(L.t.opendata.open311.errors.update_not_found, { id })]);
  if (!isAppError(e) || (e.status !== 400 && e.status !== 413)) throw e;
  const list = Object.entries(e.fields ?? { form: e.code }).map(([k, code]) =>
    L.fmt(L.t.opendata.open311.errors.field, { field: OPEN311_FIELD[k] ?? k, message: errorMessage(L.lang, code, e.vars) }));
  throw new Open311Error(e.status === 413 ? 413 : 400, list);
}

/**
 * POST requests: the web form's validation and transaction (reports.submit), with the client's origin,
 * attributes, media_url and photos in the same transaction. The id is answered at once; a retry of the
 * same report by the same client answers the same id. Contact details stay private like the form's.
 */
export async function submitOpen311(services: Services, body: Record<string, string>, uploads: Buffer[], client: ApiClient, L: Labels) {
  const mediaUrl = mediaUrlOf(body, L);
  const attributes = attributesOf(body, L);
  const fields = {
    category: body.service_code ?? '', lat: body.lat ?? '', lng: body.long ?? '', address: body.address_string ?? '',
    description: body.description ?? '', name: fullName(body.first_name, body.last_name), phone: body.phone ?? '', email: body.email ?? '',
    publish: /^(0|false|no|off)$/i.test(body.publish ?? '') ? '' : 'on', // an extension: publish=false keeps the text private
  };
  try {
    const { trackingNo } = await services.reports.submit(fields, uploads, {
      source: 'open311', channel: client.channel, apiKeyId: client.apiKeyId, sourceName: client.name, attributes, mediaUrl, dedupe: true,
      // Photos need their own consent, like the resident's box: attribute[publish_photos]=true.
      publishPhotos: fields.publish === 'on' && YES.test(attributes.publish_photos ?? ''),
    });
    return { service_request_id: trackingNo, service_notice: L.fmt(L.t.opendata.open311.serviceNotice, { id: trackingNo }) };
  } catch (e) {
    asOpen311(e, L);
  }
}

/** POST servicerequestupdates: a follow-up comment for a case this client filed, for staff until they publish it. */
export async function postUpdate(services: Services, body: Record<string, string>, uploads: Buffer[], client: ApiClient, L: Labels) {
  const trackingNo = body.service_request_id?.trim() ?? '';
  if (!trackingNo) throw new Open311Error(400, [L.fmt(L.t.opendata.open311.errors.field, { field: 'service_request_id', message: L.t.opendata.open311.errors.required })]);
  const text = (k: string) => body[k]?.trim() || null;
  try {
    const { updateId } = await services.cases.comments.add({
      trackingNo, apiKeyId: client.apiKeyId, ref: (text('update_id_ext') ?? text('update_id'))?.slice(0, 100) ?? null,
      text: body.description ?? '', status: text('status')?.slice(0, 40) ?? null, mediaUrl: mediaUrlOf(body, L),
      contact: { name: fullName(body.first_name, body.last_name).slice(0, 50) || null, email: text('email')?.slice(0, 200) ?? null, phone: text('phone')?.slice(0, 20) ?? null },
    }, uploads);
    return { update_id: String(updateId) };
  } catch (e) {
    asOpen311(e, L, trackingNo);
  }
}

/** tokens/<token>: the case's id at once, whether or not staff have accepted it yet. Hidden or unknown: 404. */
export function lookupToken(services: Services, token: string, L: Labels) {
  const id = caseIdOfToken(services.secret, token);
  const row = id ? services.db.select({ no: cases.trackingNo, hidden: cases.hidden }).from(cases).where(eq(cases.id, id)).get() : undefined;
  if (!row || row.hidden) throw new Open311Error(404, [L.t.opendata.open311.errors.token_not_found]);
  return { service_request_id: row.no, token };
}

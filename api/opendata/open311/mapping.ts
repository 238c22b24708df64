import { nameIn } from '../../i18n/lang.ts';
import type { CaseState } from '../../cases/workflow.ts';
import type { Category } from '../../reports/categories.ts';
import type { PageCase, PublicCases } from '../public-cases.ts';
import { iso, xmlSafe, type Labels } from '../labels.ts';
import { shanghaiIsoOf } from '../../shared/time.ts';

// The date the shapes below last changed (GeoReport's discovery "changeset").
const CHANGESET = '2026-11-25T00:00:00+08:00';

export function discovery(L: Labels) {
  const bureau = L.t.site.bureau;
  const o = L.t.opendata.open311;
  return {
    changeset: CHANGESET,
    contact: L.fmt(o.contact, { bureau, url: L.base }),
    key_service: L.fmt(o.keyService, { bureau }),
    endpoints: [{
      specification: 'http://wiki.open311.org/GeoReport_v2', url: `${L.base}/open311/v2`, changeset: CHANGESET,
      type: 'production', formats: ['text/xml', 'application/json'],
    }],
  };
}

/**
 * One service per active category. type is "realtime": a new request gets its id at once (it stays
 * out of every public answer until staff accept it). No category has attributes, so metadata is false.
 */
export function toService(c: Category, L: Labels) {
  const name = nameIn(L.lang, c);
  const other = L.lang === 'zh' ? c.nameEn : c.nameZh;
  return {
    service_code: c.id, service_name: name, description: other, metadata: false, type: 'realtime',
    keywords: [other, c.nationalCode ? L.fmt(L.t.opendata.open311.keywordsCode, { code: c.nationalCode }) : null].filter(Boolean).join(','),
    group: (L.t.groups as Record<string, string>)[c.groupId] ?? c.groupId,
  };
}

/**
 * Public cases as GeoReport requests: open/closed, the detail in status_notes, the due time in expected_datetime. Every
 * string is XML-safe already (what `reply` would clean), so a page of 1000 goes straight to JSON.stringify or the XML writer.
 */
export function requestMapper(L: Labels) {
  const o = L.t.opendata.open311;
  // status_notes per state, split where the note goes: the template is filled once per state, not once per case.
  const notes = new Map<string, { state: string; around: string[] }>();
  const notesOf = (state: string) => {
    let n = notes.get(state);
    if (!n) notes.set(state, (n = { state: xmlSafe(L.state(state)), around: xmlSafe(L.fmt(o.statusNotes, { state: L.state(state) })).split('{note}') }));
    return n;
  };
  const bureau = xmlSafe(L.t.site.bureau);
  return (p: PageCase) => {
    const notes = notesOf(p.state);
    return {
      service_request_id: xmlSafe(p.trackingNo),
      status: p.bucket === 'open' ? 'open' : 'closed',
      status_notes: p.note ? notes.around.join(xmlSafe(p.note)) : notes.state,
      service_name: xmlSafe(L.categoryName(p.categoryId)),
      service_code: xmlSafe(p.categoryId),
      description: xmlSafe(p.description),
      agency_responsible: p.unitId ? xmlSafe(L.unitName(p.unitId)) : bureau,
      requested_datetime: shanghaiIsoOf(p.createdAt),
      updated_datetime: shanghaiIsoOf(p.updatedAt),
      expected_datetime: p.dueAt === null ? null : shanghaiIsoOf(p.dueAt),
      address: xmlSafe(p.address),
      lat: p.lat,
      long: p.lng,
      media_url: p.photo ? xmlSafe(L.absolute(p.photo)) : null,
    };
  };
}

// FixMyStreet's update statuses (its Open311 "servicerequestupdates" extension).
export const FMS_STATUS: Record<CaseState, string> = {
  submitted: 'open', accepted: 'open', dispatched: 'action_scheduled', in_progress: 'in_progress', on_hold: 'action_scheduled',
  resolved: 'in_progress', closed: 'fixed', rejected: 'no_further_action', duplicate: 'duplicate',
};

type Update = ReturnType<PublicCases['updates']>[number];

/** One public log entry as a FixMyStreet request_update; our own state goes in external_status_code. */
export function toRequestUpdate(u: Update, L: Labels) {
  const state = (u.toState ?? u.caseState) as CaseState;
  const status = state === 'rejected' && u.reasonCode === 'not_jurisdiction' ? 'not_councils_responsibility' : FMS_STATUS[state] ?? 'open';
  return {
    update_id: String(u.id),
    service_request_id: u.trackingNo,
    status,
    external_status_code: state,
    updated_datetime: iso(u.at),
    description: u.note ?? L.event(u.action),
  };
}

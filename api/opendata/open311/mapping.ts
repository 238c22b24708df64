import { nameIn } from '../../i18n/lang.ts';
import type { CaseState } from '../../cases/workflow.ts';
import type { Category } from '../../reports/categories.ts';
import type { PageCase, PublicCases } from '../public-cases.ts';
import { iso, type Labels } from '../labels.ts';

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

type Extras = ReturnType<PublicCases['extras']>;

/** A public case as a GeoReport request: open/closed, the detail in status_notes, the due time in expected_datetime. */
export function toRequest(p: PageCase, L: Labels, extras: Extras) {
  const note = extras.notes.get(p.trackingNo);
  const photo = extras.photos.get(p.trackingNo);
  return {
    service_request_id: p.trackingNo,
    status: p.bucket === 'open' ? 'open' : 'closed',
    status_notes: note ? L.fmt(L.t.opendata.open311.statusNotes, { state: L.state(p.state), note }) : L.state(p.state),
    service_name: L.categoryName(p.categoryId),
    service_code: p.categoryId,
    description: p.description,
    agency_responsible: p.unitId ? L.unitName(p.unitId) : L.t.site.bureau,
    requested_datetime: iso(p.createdAt),
    updated_datetime: iso(p.updatedAt),
    expected_datetime: iso(p.dueAt),
    address: p.address,
    lat: p.lat,
    long: p.lng,
    media_url: photo ? L.absolute(photo) : null,
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

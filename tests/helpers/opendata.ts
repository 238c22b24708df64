// Shared by the open-data tests: cases in bulk, staff actions on filed reports, and the parsers' settings.
import { XMLParser } from 'fast-xml-parser';
import type { Services } from '../../api/services.ts';
import type { StaffAction } from '../../api/cases/schema.ts';
import { sha256 } from '../../api/shared/ids.ts';
import { shanghaiDate } from '../../api/shared/time.ts';
import { cases } from '../../db/schema.ts';
import { actor, caseRow, GOOD_FIELDS } from './cases.ts';

export type PlainCase = Partial<typeof cases.$inferInsert> & { createdAt: Date };

let serial = 0;
/** Cases written straight to the table (thousands in milliseconds), accepted and public unless told otherwise. */
export function insertCases(services: Services, list: PlainCase[]) {
  const rows = list.map((c) => {
    serial++;
    return {
      trackingNo: `YJ-${shanghaiDate(c.createdAt).replaceAll('-', '')}-${String(50_000 + serial)}`, followCodeHash: sha256(`code${serial}`),
      categoryId: 'exposed_garbage', state: 'accepted' as const, lat: 21.8585, lng: 111.9822, address: '人民广场东侧', description: '垃圾落地',
      unitId: 'sanitation', updatedAt: c.createdAt, acceptedAt: c.createdAt, ...c,
    };
  });
  services.db.transaction((tx) => { for (let i = 0; i < rows.length; i += 500) tx.insert(cases).values(rows.slice(i, i + 500)).run(); });
  return rows.map((r) => r.trackingNo);
}

/** Staff take a filed report through these actions (the workflow's own service, so the log is real). */
export async function advance(services: Services, trackingNo: string, actions: StaffAction[], fields: Partial<Record<StaffAction, Record<string, unknown>>> = {}) {
  const { user } = await actor(services, 'admin', null, `admin-${trackingNo}`);
  for (const action of actions) {
    const version = caseRow(services, trackingNo).version;
    await services.cases.actions.perform(user, trackingNo, action, { version, ...GOOD_FIELDS[action], ...fields[action] } as never);
  }
}

/** GeoReport lists in XML: these elements are list items even when there is only one. */
const LIST_ITEMS = new Set(['service', 'request', 'request_update', 'error', 'endpoint', 'format', 'entry', 'link', 'category']);

/** Every value as text, as XML has it: so JSON and XML answers can be compared field by field. */
export const xmlParser = new XMLParser({ parseTagValue: false, ignoreAttributes: false, isArray: (name) => LIST_ITEMS.has(name) });

export function asXmlText(v: unknown): unknown {
  if (v === null) return '';
  if (Array.isArray(v)) return v.map(asXmlText);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, asXmlText(x)]));
  return String(v);
}

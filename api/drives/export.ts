/** The roster as CSV for the organiser (UTF-8 BOM, CRLF: opens in Excel and WPS). Phones stay masked as in the roster. */
import { stringify } from 'csv-stringify/sync';
import { apiMessages, type Lang } from '../i18n/index.ts';
import { shanghaiDateTime } from '../shared/time.ts';
import type { Organise } from './organise.ts';

type Person = ReturnType<Organise['roster']>['people'][number];
const safe = (s: string) => (/^[=+\-@]/.test(s) ? `'${s}` : s); // never a formula

export function rosterCsv(lang: Lang, people: Person[]): string {
  const m = apiMessages[lang].drives;
  const h = m.csv;
  let waiting = 0;
  const rows = people.map((p) => [
    safe(p.name), p.phone, m.teams[p.team], safe(p.org), m.ageGroups[p.ageGroup], p.guardianName ? safe(`${p.guardianName} ${p.guardianPhone ?? ''}`) : '',
    m.signupStatus[p.status], p.status === 'waitlisted' ? String(++waiting) : '', p.checkedInAt ? shanghaiDateTime(p.checkedInAt) : '',
    p.attendance ? m.attendance[p.attendance] : '', p.hours ?? '', shanghaiDateTime(p.createdAt),
  ]);
  const header = [h.name, h.phone, h.team, h.org, h.ageGroup, h.guardian, h.status, h.position, h.checkedIn, h.attendance, h.hours, h.signedUpAt];
  return '\uFEFF' + stringify([header, ...rows], { record_delimiter: '\r\n' });
}

/** The roster as CSV for the organiser (the shared csvStream: UTF-8 BOM, CRLF, formulas neutralised). Phones stay masked. */
import { apiMessages, type Lang } from '../i18n/index.ts';
import { csvStream } from '../shared/csv.ts';
import { shanghaiDateTime } from '../shared/time.ts';
import type { Organise } from './organise.ts';

type Person = ReturnType<Organise['roster']>['people'][number];

export function rosterCsv(lang: Lang, people: Person[]) {
  const m = apiMessages[lang].drives;
  let waiting = 0;
  const rows = people.map((p) => ({
    name: p.name, phone: p.phone, team: m.teams[p.team], org: p.org, ageGroup: m.ageGroups[p.ageGroup],
    guardian: p.guardianName ? `${p.guardianName} ${p.guardianPhone ?? ''}` : '', status: m.signupStatus[p.status],
    position: p.status === 'waitlisted' ? String(++waiting) : '', checkedIn: p.checkedInAt ? shanghaiDateTime(p.checkedInAt) : '',
    attendance: p.attendance ? m.attendance[p.attendance] : '', hours: p.hours ?? '', signedUpAt: shanghaiDateTime(p.createdAt),
  }));
  return csvStream(rows, m.csv);
}

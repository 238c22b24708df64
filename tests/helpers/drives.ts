// Shared by the drive tests: a series created through the organiser's use case, and valid signup bodies.
import type { Services } from '../../api/services.ts';
import type { Actor } from '../../api/drives/organise.ts';
import { shanghaiDate } from '../../api/shared/time.ts';
import { addDays, isoWeekday } from '../../api/drives/schedule.ts';

export const ADMIN: Actor = { id: 1, username: 'admin', displayName: 'admin', role: 'admin', unitId: null };

/** A weekly series whose first occurrence is `daysAhead` days after the services' clock; returns its occurrences. */
export function series(services: Services, over: Record<string, unknown> = {}, daysAhead = 2) {
  const first = addDays(shanghaiDate(services.clock()), daysAhead);
  const s = services.drives.organise.createSeries(ADMIN, {
    titleZh: '沿江南社区周五志愿清洁', titleEn: 'Friday clean-up at Yanjiangnan', community: '沿江南社区', address: '沿江南路与江城路交叉口',
    lat: '21.857', lng: '111.985', weekday: String(isoWeekday(first)), startTime: '15:00', endTime: '17:00', firstDate: first,
    capacity: '30', hours: '2', bring: '手套、垃圾袋', notes: '', unitId: 'sanitation', ...over,
  });
  const occurrences = services.drives.queries.ofSeries(s.id);
  return { series: s, occurrences, first: occurrences[0] };
}

let n = 0;
/** A unique valid mobile number for each call (or for `i`). */
export const phoneOf = (i = n++) => `139${String(10_000_000 + i).slice(-8)}`;

export const volunteer = (over: Record<string, unknown> = {}) => ({
  name: '李志愿', phone: phoneOf(), team: 'individual', ageGroup: 'adult', consent: true, ...over,
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayFlag, isoWeekday, shanghaiInstant, slotsAhead, weeklyDates } from '../../api/drives/schedule.ts';
import { cancelRefusal, creditFor, promotable, seatFor, selfCheckInOpen, signupRefusal } from '../../api/drives/roster.ts';
import { certificateNo, CERTIFICATE_NO, checkinCode, confirmationCode, manageToken, tokenId } from '../../api/drives/codes.ts';
import { signupInput } from '../../api/drives/schema.ts';
import { zodFields } from '../../api/shared/errors.ts';

test('weekly dates: every Friday from the first date or from today, whichever is later', () => {
  const cases: [string, number, string, string, string[]][] = [
    ['2026-11-27', 5, '2026-11-25', '2026-12-11', ['2026-11-27', '2026-12-04', '2026-12-11']],
    ['2026-11-06', 5, '2026-11-25', '2026-12-05', ['2026-11-27', '2026-12-04']],
    ['2026-11-28', 5, '2026-11-25', '2026-12-05', ['2026-12-04']], // first date a Saturday: the next Friday
    ['2026-12-31', 4, '2026-12-30', '2027-01-08', ['2026-12-31', '2027-01-07']], // across the year
    ['2026-11-27', 5, '2026-11-25', '2026-11-26', []],
  ];
  for (const [first, wd, from, to, want] of cases) assert.deepEqual(weeklyDates(first, wd, from, to), want, `${first} ${wd}`);
  assert.equal(isoWeekday('2026-11-29'), 7);
  assert.equal(isoWeekday('2026-11-30'), 1);
});

test('times are Shanghai wall-clock: Friday 15:00 is 07:00 UTC', () => {
  assert.equal(shanghaiInstant('2026-11-27', '15:00').toISOString(), '2026-11-27T07:00:00.000Z');
  assert.equal(shanghaiInstant('2026-11-27', '07:30').toISOString(), '2026-11-26T23:30:00.000Z');
  const slots = slotsAhead({ firstDate: '2026-11-27', weekday: 5, startTime: '15:00', endTime: '17:00' }, '2026-11-25', 8);
  assert.equal(slots.length, 8);
  assert.equal(slots[7].date, '2027-01-15');
  assert.equal(slots[0].endsAt.toISOString(), '2026-11-27T09:00:00.000Z');
});

test('holiday flags come from the city calendar', () => {
  const cal = { holidays: new Set(['2027-01-01']), workdays: ['2027-02-07'] };
  assert.equal(dayFlag('2027-01-01', cal), 'holiday');
  assert.equal(dayFlag('2027-02-07', cal), 'workday');
  assert.equal(dayFlag('2027-01-08', cal), null);
});

test('seats, waitlist and promotion', () => {
  const table: [number, number, string][] = [[0, 30, 'confirmed'], [29, 30, 'confirmed'], [30, 30, 'waitlisted'], [31, 30, 'waitlisted']];
  for (const [c, cap, want] of table) assert.equal(seatFor(c, cap), want);
  assert.equal(promotable(29, 30, 5), 1);
  assert.equal(promotable(20, 30, 5), 5);
  assert.equal(promotable(30, 30, 5), 0);
  assert.equal(promotable(32, 30, 5), 0, 'a lowered capacity never demotes');
});

test('signup, cancel and self check-in windows', () => {
  const o = { status: 'scheduled' as const, startsAt: new Date('2026-11-27T07:00:00Z'), endsAt: new Date('2026-11-27T09:00:00Z') };
  const at = (iso: string) => new Date(iso);
  assert.equal(signupRefusal(o, at('2026-11-27T06:59:59Z')), null);
  assert.equal(signupRefusal(o, at('2026-11-27T07:00:00Z')), 'drive_started');
  assert.equal(signupRefusal({ ...o, status: 'cancelled' }, at('2026-11-20T00:00:00Z')), 'drive_cancelled');
  assert.equal(signupRefusal({ ...o, status: 'closed' }, at('2026-11-20T00:00:00Z')), 'drive_closed');
  assert.equal(cancelRefusal(o, at('2026-11-27T06:00:00Z')), null);
  assert.equal(cancelRefusal(o, at('2026-11-27T07:00:00Z')), 'cancel_too_late');
  assert.equal(selfCheckInOpen(o, at('2026-11-27T06:29:00Z')), false);
  assert.equal(selfCheckInOpen(o, at('2026-11-27T06:30:00Z')), true);
  assert.equal(selfCheckInOpen(o, at('2026-11-27T09:00:00Z')), true);
  assert.equal(selfCheckInOpen(o, at('2026-11-27T09:00:01Z')), false);
  assert.deepEqual(creditFor(true, 2), { attendance: 'attended', hours: 2 });
  assert.deepEqual(creditFor(false, 2), { attendance: 'no_show', hours: null });
});

test('codes: unambiguous alphabet, tokens carry the id, certificate numbers are checked', () => {
  for (let i = 0; i < 200; i++) {
    assert.match(confirmationCode(), /^[A-HJKMNP-Z2-9]{8}$/);
    assert.match(checkinCode(), /^[A-HJKMNP-Z2-9]{6}$/);
  }
  const t = manageToken('s3cret', 12345, 'ABCDEFGH');
  assert.equal(tokenId(t), 12345);
  assert.notEqual(manageToken('s3cret', 12345, 'ABCDEFGJ'), t);
  assert.equal(tokenId('nonsense'), null);
  assert.match(certificateNo(new Date('2026-11-27T10:00:00Z')), CERTIFICATE_NO);
  assert.match(certificateNo(new Date('2026-11-27T10:00:00Z')), /^ZY-20261127-/);
});

test('signup input: mobile numbers, age groups, guardian, organisation, consent', () => {
  const ok = { name: '李志愿', phone: '+86 139-1234-5678', team: 'individual', ageGroup: 'adult', consent: 'on' };
  assert.equal(signupInput.parse(ok).phone, '13912345678');
  const fields = (over: Record<string, unknown>) => {
    const r = signupInput.safeParse({ ...ok, ...over });
    return r.success ? {} : zodFields(r.error.issues);
  };
  const table: [Record<string, unknown>, Record<string, string>][] = [
    [{ phone: '12345678901' }, { phone: 'mobile_invalid' }],
    [{ phone: '0662-3331234' }, { phone: 'mobile_invalid' }],
    [{ phone: '1391234567' }, { phone: 'mobile_invalid' }],
    [{ name: '  ' }, { name: 'volunteer_name_required' }],
    [{ consent: undefined }, { consent: 'consent_required' }],
    [{ consent: false }, { consent: 'consent_required' }],
    [{ ageGroup: 'child' }, { ageGroup: 'age_too_young' }],
    [{ ageGroup: 'minor' }, { guardianName: 'guardian_name_required', guardianPhone: 'guardian_phone_invalid' }],
    [{ ageGroup: 'minor', guardianName: '李家长', guardianPhone: '13800138000' }, {}],
    [{ team: 'school' }, { org: 'org_required' }],
    [{ team: 'school', org: '阳江市第十三小学' }, {}],
    [{ team: 'club' }, { team: 'team_invalid' }],
    [{ ageGroup: undefined }, { ageGroup: 'age_required' }],
  ];
  for (const [over, want] of table) assert.deepEqual(fields(over), want, JSON.stringify(over));
});

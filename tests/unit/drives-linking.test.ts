// Pure rules of linked hotspots and series edits, table-driven.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CASE_STATES } from '../../api/cases/workflow.ts';
import { cleanedNote, linkStep, trackingNos } from '../../api/drives/hotspots.ts';
import { occurrenceChange } from '../../api/drives/series.ts';
import { shanghaiInstant } from '../../api/drives/schedule.ts';

test('linking: accepted is dispatched, work in a unit is linked as it is, everything else refused', () => {
  const expected: Record<string, string> = { accepted: 'dispatch', dispatched: 'link', in_progress: 'link' };
  for (const s of CASE_STATES) assert.equal(linkStep(s), expected[s] ?? 'refuse', s);
});

test('tracking numbers: any separator a person types, upper-cased, each once', () => {
  const rows: [string, string[]][] = [
    ['', []],
    ['yj-20261125-0042', ['YJ-20261125-0042']],
    ['YJ-1, yj-2，YJ-3、YJ-4;YJ-5；YJ-1\nYJ-6', ['YJ-1', 'YJ-2', 'YJ-3', 'YJ-4', 'YJ-5', 'YJ-6']],
  ];
  for (const [text, nos] of rows) assert.deepEqual(trackingNos(text), nos, text);
});

test('the cleaned note, in each language', () => {
  assert.equal(cleanedNote('zh', '沿江南社区周五志愿清洁', '2026-12-04'), '清理完成 — 沿江南社区周五志愿清洁，2026年12月4日');
  assert.equal(cleanedNote('en', 'Friday clean-up', '2026-12-04'), 'Cleaned up — Friday clean-up, 4 Dec 2026');
});

test('a series edit reaches an occurrence: new times only where nobody signed up; places never below those confirmed', () => {
  const occ = { date: '2026-12-04', startsAt: shanghaiInstant('2026-12-04', '15:00'), endsAt: shanghaiInstant('2026-12-04', '17:00') };
  const same = { startTime: '15:00', endTime: '17:00' };
  const later = { startTime: '16:00', endTime: '18:00' };
  const rows: [string, { confirmed: number; waitlisted: number }, { startTime: string; endTime: string; capacity: number }, { moved: boolean; keptTime: boolean; capacity: number }][] = [
    ['empty, new time', { confirmed: 0, waitlisted: 0 }, { ...later, capacity: 30 }, { moved: true, keptTime: false, capacity: 30 }],
    ['signed up, new time', { confirmed: 5, waitlisted: 0 }, { ...later, capacity: 30 }, { moved: false, keptTime: true, capacity: 30 }],
    ['waitlist only counts as people', { confirmed: 0, waitlisted: 1 }, { ...later, capacity: 30 }, { moved: false, keptTime: true, capacity: 30 }],
    ['same time, fewer places', { confirmed: 12, waitlisted: 3 }, { ...same, capacity: 10 }, { moved: false, keptTime: false, capacity: 12 }],
  ];
  for (const [name, taken, edit, want] of rows) {
    const c = occurrenceChange(occ, taken, edit);
    assert.deepEqual({ moved: c.times !== null, keptTime: c.keptTime, capacity: c.capacity }, want, name);
  }
});

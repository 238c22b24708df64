// Retention: reporters' contacts are erased RETENTION_DAYS after their case finishes; the case itself stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIXED_NOW, testServices } from '../helpers/services.ts';
import { caseRow, report } from '../helpers/cases.ts';
import { advance } from '../helpers/opendata.ts';

const DAY = 86_400_000;

test('contacts of a case closed more than RETENTION_DAYS ago are erased; open and recent cases keep theirs', async () => {
  let now = FIXED_NOW.getTime();
  const services = testServices({ RETENTION_DAYS: '30' }, () => new Date(now));
  const contact = { name: '王五', phone: '13899990000', email: 'wangwu@example.com' };
  const closed = await report(services, contact);
  await advance(services, closed.trackingNo, ['accept', 'dispatch', 'start', 'resolve', 'close']);
  const rejected = await report(services, contact);
  await advance(services, rejected.trackingNo, ['reject']);
  const open = await report(services, contact);
  await advance(services, open.trackingNo, ['accept']);

  now += 29 * DAY;
  assert.deepEqual(services.retention.run(), { reporter_contacts: 0, volunteer_contacts: 0 }, 'nothing before 30 days');
  const late = await report(services, contact); // closed later: its own clock
  await advance(services, late.trackingNo, ['accept', 'dispatch', 'start', 'resolve', 'close']);

  now += 2 * DAY;
  assert.deepEqual(services.retention.run(), { reporter_contacts: 2, volunteer_contacts: 0 });
  for (const no of [closed.trackingNo, rejected.trackingNo]) {
    const row = caseRow(services, no);
    assert.deepEqual([row.reporterName, row.reporterPhone, row.reporterEmail], [null, null, null], `${no} erased`);
    assert.ok(row.description && row.state, `${no} itself is kept`);
  }
  for (const no of [open.trackingNo, late.trackingNo]) assert.equal(caseRow(services, no).reporterPhone, contact.phone, `${no} kept`);
  assert.deepEqual(services.retention.run(), { reporter_contacts: 0, volunteer_contacts: 0 }, 'idempotent');
  assert.deepEqual(services.retention.tasks, ['reporter_contacts', 'volunteer_contacts']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRetryOf, type Filing } from '../../api/reports/retry.ts';
import { FMS_STATUS } from '../../api/opendata/open311/mapping.ts';
import { CASE_STATES } from '../../db/vocabulary.ts';

const T0 = new Date('2026-11-25T02:00:00Z');
const first: Filing = {
  apiKeyId: 3, categoryId: 'exposed_garbage', description: '公交站旁垃圾堆了两天', lat: 21.8611, lng: 111.9801, address: '',
  reporterName: '王小明', reporterPhone: '13600001234', reporterEmail: 'wang@example.org', createdAt: T0,
};
const h = (n: number) => new Date(T0.getTime() + n * 3600_000);

test('a retry is the same client, contact, service, text and place within 24 hours — nothing else', () => {
  const rows: [string, Partial<Filing>, boolean][] = [
    ['the same, a minute later', { createdAt: h(1 / 60) }, true],
    ['the same, 24 hours later', { createdAt: h(24) }, true],
    ['the same, 24 hours and a minute later', { createdAt: h(24 + 1 / 60) }, false],
    ['earlier than the first (clock skew): not a retry of it', { createdAt: h(-1) }, false],
    ['text with other spacing at the ends', { description: ' 公交站旁垃圾堆了两天\n' }, true],
    ['email in other case', { reporterEmail: 'WANG@example.org' }, true],
    ['another client key', { apiKeyId: 4 }, false],
    ['no key against a key', { apiKeyId: null }, false],
    ['another name (identical text from another person)', { reporterName: '李四' }, false],
    ['another phone', { reporterPhone: '13600009999' }, false],
    ['no contact at all against a contact', { reporterName: null, reporterPhone: null, reporterEmail: null }, false],
    ['another service', { categoryId: 'street_vending' }, false],
    ['another text', { description: '公交站旁垃圾堆了三天' }, false],
    ['another place', { lat: 21.8612 }, false],
    ['an address instead of a pin', { lat: null, lng: null, address: '东风二路' }, false],
  ];
  for (const [label, change, expected] of rows) assert.equal(isRetryOf({ ...first, createdAt: h(1), ...change }, first), expected, label);
});

test('anonymous reports from a keyless client: the same text and place is a retry', () => {
  const anon: Filing = { ...first, apiKeyId: null, reporterName: null, reporterPhone: null, reporterEmail: null };
  assert.equal(isRetryOf({ ...anon, createdAt: h(2) }, anon), true);
});

test('servicerequestupdates statuses stay in the words FixMyStreet maps, for every case state', () => {
  const FMS_WORDS = ['open', 'action_scheduled', 'in_progress', 'fixed', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'closed'];
  for (const state of CASE_STATES) assert.ok(FMS_WORDS.includes(FMS_STATUS[state]), `${state} → ${FMS_STATUS[state]}`);
});

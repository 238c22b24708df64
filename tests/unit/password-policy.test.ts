import { test } from 'node:test';
import assert from 'node:assert/strict';
import common from '../../api/staff/common-passwords.json';
import { generatePassword, passwordProblem } from '../../api/staff/policy.ts';
import { hashPassword, verifyPassword } from '../../api/staff/passwords.ts';

const CASES: [password: string, username: string | undefined, problem: string | null][] = [
  ['', undefined, 'password_too_short'],
  ['123456789', undefined, 'password_too_short'],
  ['x'.repeat(201), undefined, 'password_too_long'],
  ['1234567890', undefined, 'password_common'],
  ['woaini1314', undefined, 'password_common'],
  ['a123456789', undefined, 'password_common'],
  ['Password123', undefined, 'password_common'], // case does not help
  ['1qaz2wsx3edc', undefined, 'password_common'],
  ['qq123456789', undefined, 'password_common'],
  ['zhang.wei.2026', 'zhang.wei.2026', 'password_is_username'],
  ['Zhang.Wei.2026', 'zhang.wei.2026', 'password_is_username'],
  ['zhang.wei.2026!', 'zhang.wei.2026', null],
  ['correct horse battery', 'li', null],
  ['人民广场东侧垃圾桶满了', undefined, null], // ten Chinese characters
];

for (const [password, username, problem] of CASES) {
  test(`policy: ${JSON.stringify(password.length > 30 ? `${password.slice(0, 10)}…` : password)} → ${problem ?? 'ok'}`, () => {
    assert.equal(passwordProblem(password, username), problem);
  });
}

test('the common-password list is lower-case, without duplicates, and has the Chinese favourites', () => {
  assert.ok(common.length >= 200);
  assert.equal(new Set(common).size, common.length);
  assert.ok(common.every((p: string) => p === p.toLowerCase()));
  for (const p of ['woaini1314', 'qq123456', 'a123456789', '1234567890', '5201314']) assert.ok(common.includes(p), p);
});

test('generated passwords pass the policy, read well aloud, and differ', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const p = generatePassword();
    assert.match(p, /^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
    assert.equal(passwordProblem(p), null);
    seen.add(p);
  }
  assert.equal(seen.size, 200);
});

// The production cost, checked here: this file does not load tests/helpers/services.ts, which lowers it for the other tests.
test('argon2id hashes verify the right password only', async () => {
  const h = await hashPassword('correct horse battery');
  assert.match(h, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await verifyPassword(h, 'correct horse battery'), true);
  assert.equal(await verifyPassword(h, 'correct horse batterz'), false);
  assert.equal(await verifyPassword('not a hash', 'anything'), false);
});

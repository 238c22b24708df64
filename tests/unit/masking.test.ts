import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskName, maskPersonalData, maskPhone } from '../../api/shared/masking.ts';

const cases: [string, string][] = [
  ['联系电话13812345678', '联系电话138****5678'],
  ['138 1234 5678 找我', '138****5678 找我'],
  ['+86 138-1234-5678', '138****5678'],
  ['身份证号440102199001011234', '身份证号440***********1234'],
  ['44010219900101123x', '440***********123X'],
  ['座机 0662-3345678', '座机 0662-****5678'],
  ['邮箱 zhang.san@example.com', '邮箱 z***@example.com'],
  // Things that are not personal data stay as they are.
  ['2026年11月25日10点，3号灯杆', '2026年11月25日10点，3号灯杆'],
  ['垃圾堆了 2 天，约 15 袋', '垃圾堆了 2 天，约 15 袋'],
];

for (const [input, expected] of cases) {
  test(`masks "${input}"`, () => assert.equal(maskPersonalData(input), expected));
}

test('phone and name masks keep only what identifies nobody', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('123'), '****');
  assert.equal(maskName('陈大文'), '陈**');
  assert.equal(maskName('Li'), 'L*');
});

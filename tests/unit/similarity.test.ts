import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADDRESS_MATCH, addressSimilarity, placeKey, placeTrigrams, textMatch } from '../../api/cases/similarity.ts';

describe('duplicate candidates by typed address', () => {
  // [a, b, offered as a candidate?]
  const rows: [string, string, boolean][] = [
    ['人民广场东侧', '人民广场东门', true],
    ['江城区人民广场东侧', '人民广场东门', true],
    ['阳江市江城区人民广场东侧公交站旁', '人民广场东侧公交站旁边', true],
    ['江城区人民广场东侧公交站旁', '人民广场 东侧 公交站', true],
    ['中医院门诊部门口', '江城区中医院门诊部门口附近', true],
    ['十三小校门口', '十三小校门对面', true],
    // one long road, different places
    ['东风二路银行门口', '东风二路公交站', false],
    ['江城区东风二路闲置地旁', '江城区东风二路人行天桥下', false],
    ['东风一路与新华路交叉口', '东风一路中段', false],
    ['江城路128号', '江城路560号', false],
    ['江城区二环路加油站对面', '江城区二环北路工地门口', false],
    ['人民广场东侧公交站旁', '人民广场北门入口', false],
    ['', '人民广场东门', false],
    // a 小区 is a place, not a district
    ['碧桂园小区3栋门口', '碧桂园小区3栋楼下', true],
    ['碧桂园小区3栋门口', '星河湾小区3栋门口', false],
  ];
  for (const [a, b, expected] of rows) {
    it(`${a || '（空）'} / ${b}: ${expected ? 'candidate' : 'not'}`, () => {
      const s = addressSimilarity(a, b);
      assert.equal(s >= ADDRESS_MATCH, expected, `similarity ${s.toFixed(2)}`);
      assert.equal(addressSimilarity(b, a), s, 'symmetric');
    });
  }

  it('the place key drops the city and district, punctuation and a trailing 附近', () => {
    assert.equal(placeKey('阳江市江城区 人民广场（东侧）附近'), '人民广场东侧');
    assert.equal(placeKey('江城区'), '江城区'); // nothing left: keep what was typed
    assert.equal(placeKey('碧桂园小区'), '碧桂园小区');
  });

  it('a similar description counts only at a similar place', () => {
    const said = '广场东边垃圾桶满了好几天没人清理，气味很大';
    assert.equal(textMatch({ address: '人民广场东侧', description: said }, { address: '人民广场北门入口', description: said })?.by, 'description');
    assert.equal(textMatch({ address: '人民广场东侧', description: said }, { address: '二环路加油站', description: said }), null);
    assert.equal(textMatch({ address: '人民广场东侧', description: '' }, { address: '人民广场东门', description: '' })?.by, 'address');
  });

  it('trigrams for the index come from the place, at most 12, spread over it', () => {
    assert.deepEqual(placeTrigrams('江城区人民广场东门'), ['人民广', '民广场', '广场东', '场东门']);
    assert.deepEqual(placeTrigrams('东门'), []);
    const long = placeTrigrams('人民广场东侧公交站旁边的报刊亭后面那条小巷子口');
    assert.ok(long.length <= 12 && long.includes('人民广'));
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestPlace, normalizePlace, resolvePlace, suggestPlaces } from '../../api/gazetteer/match.ts';
import { DEMO_POINTS, DEMO_ROADS } from '../../api/demo/gazetteer.ts';
import { distanceMeters } from '../../api/shared/geo.ts';

const demo = [
  ...DEMO_ROADS.map(([name, aliases, line], i) => ({ id: i + 1, name, aliases, kind: 'road', lat: line[0][0], lng: line[0][1] })),
  ...DEMO_POINTS.map(([name, aliases, kind, lat, lng], i) => ({ id: 100 + i, name, aliases, kind, lat, lng })),
];
const nameOf = (r: ReturnType<typeof resolvePlace<(typeof demo)[number]>>) =>
  r.kind === 'one' ? r.place.name : r.kind === 'many' ? r.candidates.map((p) => p.name) : null;

test('normalizePlace drops the city prefix, spaces, punctuation and a trailing 附近/周边/路段', () => {
  for (const [typed, want] of [
    ['人民广场', '人民广场'], ['阳江市江城区人民广场附近', '人民广场'], [' 人民广场 （东侧） ', '人民广场东侧'],
    ['乔士桥路段', '乔士桥'], ['中医院门口附近', '中医院'], ['ＡＢＣ路', 'abc路'], ['一带', '一带'],
  ]) assert.equal(normalizePlace(typed), want, typed);
});

test('resolvePlace: one place, several candidates, or none', () => {
  const cases: [string, string | string[] | null][] = [
    ['人民广场', '人民广场'], // exact beats 人民广场站 (which it only begins)
    ['江城区人民广场东侧公交站旁', '人民广场'], // the longest name inside the text
    ['十三小', '阳江市第十三小学'], // an alias
    ['第十三小学周边', '阳江市第十三小学'],
    ['乔士桥路段', '乔士桥'], // the bridge (a point) beats 乔士桥路 (a road named by the same alias)
    ['东风二路人民广场旁', '人民广场'], // a place on a road is the more exact answer
    ['东风二路 88 号', '东风二路'],
    ['鸳鸯', ['环湖路', '鸳鸯湖公园', '鸳鸯湖公园站', '鸳鸯湖幼儿园', '鸳鸯湖社区'].sort()], // begins several names
    ['金郊', '金郊社区'],
    ['不存在的地方', null],
    ['人', null], // too short to mean anything
  ];
  for (const [typed, want] of cases) {
    const got = nameOf(resolvePlace(typed, demo));
    assert.deepEqual(Array.isArray(got) ? [...got].sort() : got, want, typed);
  }
  const many = resolvePlace('人民', demo);
  assert.equal(many.kind, 'many');
  assert.deepEqual(many.kind === 'many' && many.candidates.map((p) => p.name).sort(), ['人民广场', '人民广场站', '阳江市人民医院', '阳江市人民政府', '江城区人民法院'].sort());
});

test('suggestPlaces ranks exact, then contained, then begun names, and stops at the limit', () => {
  assert.deepEqual(suggestPlaces('人民广场', demo).map((p) => p.name), ['人民广场', '人民广场站']);
  assert.equal(suggestPlaces('东风', demo, 3).length, 3);
  assert.deepEqual(suggestPlaces('路', demo), [], 'one character begins too much to be useful');
  assert.deepEqual(suggestPlaces('', demo), []);
  assert.equal(suggestPlaces('中医院', demo)[0].name, '阳江市中医院');
});

test('nearestPlace names a pin by the nearest point within reach, never a road or the district', () => {
  const near = nearestPlace(21.8601, 111.9791, demo, 400, distanceMeters);
  assert.equal(near?.name, '人民广场');
  assert.equal(nearestPlace(21.95, 111.80, demo, 400, distanceMeters), null);
});

test('the demo gazetteer is dense enough: ≥ 30 roads as polylines, ≥ 60 places of every kind', () => {
  assert.ok(DEMO_ROADS.length >= 30, `${DEMO_ROADS.length} roads`);
  assert.ok(DEMO_ROADS.every(([, , line]) => line.length >= 2));
  assert.ok(DEMO_POINTS.length >= 60, `${DEMO_POINTS.length} places`);
  for (const kind of ['landmark', 'community', 'school', 'market', 'bus_stop']) assert.ok(DEMO_POINTS.some((p) => p[2] === kind), kind);
  const names = [...DEMO_ROADS.map((r) => r[0]), ...DEMO_POINTS.map((p) => p[0])];
  assert.equal(new Set(names).size, names.length, 'names are unique');
});

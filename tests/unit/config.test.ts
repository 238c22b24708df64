import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../api/config.ts';

test('defaults give a working demo portal on port 4321', () => {
  const c = loadConfig({});
  assert.equal(c.PORT, 4321);
  assert.equal(c.PUBLIC_URL, 'http://localhost:4321');
  assert.equal(c.DATA_DIR, './data');
  assert.equal(c.DEMO, true);
  assert.equal(c.RATE_LIMITS, true);
  assert.deepEqual(c.RATE_LIMIT_REPORTS, { limit: 10, windowMs: 3_600_000 });
});

test('PUBLIC_URL follows PORT unless set (tracking links, Open311 discovery)', () => {
  assert.equal(loadConfig({ PORT: '8080' }).PUBLIC_URL, 'http://localhost:8080');
  assert.equal(loadConfig({ PORT: '8080', PUBLIC_URL: 'https://cityloop.example.cn' }).PUBLIC_URL, 'https://cityloop.example.cn');
  assert.equal(loadConfig({ PORT: '8080', PUBLIC_URL: '' }).PUBLIC_URL, 'http://localhost:8080');
});

test('a bad value stops start-up with a message naming the variable', () => {
  for (const [name, value] of [['PORT', 'eighty'], ['PUBLIC_URL', 'localhost'], ['DEMO', 'maybe'], ['CITY_BOUNDS', '22,112,21,111'], ['RATE_LIMITS', 'sometimes']]) {
    assert.throws(() => loadConfig({ [name]: value }), (e: unknown) => e instanceof ConfigError && e.message.includes(name), name);
  }
});

test('switches read 0/1, on/off and true/false', () => {
  assert.equal(loadConfig({ RATE_LIMITS: 'off' }).RATE_LIMITS, false);
  assert.equal(loadConfig({ DEMO: '0' }).DEMO, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY, true);
});

test('the default city bounds are parsed like configured ones', () => {
  assert.deepEqual(loadConfig({}).CITY_BOUNDS, { south: 21.45, west: 111.3, north: 22.7, east: 112.4 });
  assert.deepEqual(loadConfig({ CITY_BOUNDS: '21,111,22,112' }).CITY_BOUNDS, { south: 21, west: 111, north: 22, east: 112 });
});

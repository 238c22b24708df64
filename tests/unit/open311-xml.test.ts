// The hand-written GeoReport XML (api/opendata/open311/xml.ts) against the fast-xml-parser builder it replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { xmlDocument } from '../../api/opendata/open311/xml.ts';

const XML_ITEM: Record<string, string> = { endpoints: 'endpoint', formats: 'format' };
const builder = new XMLBuilder({ format: true, suppressEmptyNode: false });
function toXml(v: unknown, key = ''): unknown {
  if (v === null) return '';
  if (Array.isArray(v)) return { [XML_ITEM[key] ?? 'item']: v.map((x) => toXml(x)) };
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toXml(x, k)]));
  return v;
}
const reference = (root: string, item: string | null, value: unknown) =>
  `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: item ? { [item]: (value as unknown[]).map((x) => toXml(x)) } : toXml(value) })}`;

const key = fc.constantFrom('service_request_id', 'status', 'description', 'lat', 'endpoints', 'formats', 'media_url', 'code');
const text = fc.oneof(fc.string(), fc.constantFrom('a & b', '<b>x</b>', `"quoted" 'single'`, '人民广场 东侧', '', ' '));
const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)), fc.boolean(), fc.constant(null));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
}));
const item = fc.dictionary(key, value, { maxKeys: 8 });

test('GeoReport XML is the text the fast-xml-parser builder wrote, for lists and single objects', () => {
  fc.assert(fc.property(fc.array(item, { maxLength: 4 }), (list) => {
    assert.equal(xmlDocument('service_requests', 'request', list), reference('service_requests', 'request', list));
  }), { numRuns: 500 });
  fc.assert(fc.property(item, (one) => {
    assert.equal(xmlDocument('discovery', null, one), reference('discovery', null, one));
  }), { numRuns: 500 });
});

test('-0 prints as 0, as in the JSON twin (the builder wrote -0)', () => {
  assert.match(xmlDocument('r', 'i', [{ lat: -0 }]), /<lat>0<\/lat>/);
});

test('GeoReport XML parses back to the same text', () => {
  const parsed = new XMLParser({ parseTagValue: false }).parse(xmlDocument('errors', 'error', [{ code: 400, description: `a & b <c> "d" 'e'` }]));
  assert.deepEqual(parsed.errors.error, { code: '400', description: `a & b <c> "d" 'e'` });
});

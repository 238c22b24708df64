// Open311 answers byte for byte as the implementation before the direct writers gave them (demo city plus awkward
// text), so a faster path cannot change a single byte. The digests were taken from that implementation
// (main at cf11f31); UPDATE_GOLDEN=1 rewrites them, only ever from a commit whose output is known good. A mismatch leaves the
// body in tests/.tmp/open311-golden/ to diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../../api/demo/demo.ts';
import { FIXED_NOW, testApp } from '../helpers/services.ts';
import { insertCases } from '../helpers/opendata.ts';

const GOLDEN = join(import.meta.dirname, 'open311-golden.json');
const HOUR = 3_600_000;

// Text that exercises masking, XML escaping, XML-forbidden characters, moderation and unpublished descriptions.
const AWKWARD = [
  { description: '电话 139-0000-1111，身份证 440102199001011234，邮箱 zhang.san@example.com <b>&"\'</b>', address: '人民路 0662-3331234 号' },
  { description: 'ctrl\u0001chars\u000b and a lone \ud800 surrogate, 𠀀 kept', address: 'A & B <街>' },
  { description: '原文 13800138000', publicDescription: '已审核的描述 & <ok>', publish: true },
  { description: '不公开的描述 13800138000', publish: false, unitId: null },
  { description: '', address: '', lat: null, lng: null, dueAt: null, state: 'closed' as const },
];

async function city() {
  const { app, services } = testApp();
  await seedDemo(services, { now: FIXED_NOW, count: 160 });
  const nos = insertCases(services, AWKWARD.map((c, i) => ({ ...c, createdAt: new Date(FIXED_NOW.getTime() - (i + 1) * HOUR) })));
  const sqlite = services.db.$client;
  sqlite.prepare(`update case_photos set file = 'demo/' || id || '.jpg'`).run(); // the seed's names are random
  const idOf = (no: string) => (sqlite.prepare('select id from cases where tracking_no = ?').get(no) as { id: number }).id;
  const log = sqlite.prepare(`insert into case_log (case_id, at, actor_kind, action, to_state, public_note) values (?, ?, 'staff', ?, ?, ?)`);
  const photo = sqlite.prepare(`insert into case_photos (case_id, kind, file, thumb, width, height, bytes, hidden, created_at) values (?, ?, ?, ?, 1, 1, 1, ?, ?)`);
  const at = FIXED_NOW.getTime() - 30 * 60_000;
  log.run(idOf(nos[0]!), at, 'note', null, '联系 13912345678 或 a.b@example.org，<已处理> & "完成"');
  log.run(idOf(nos[0]!), at, 'comment', null, '居民评论不作为状态说明');
  log.run(idOf(nos[1]!), at, 'dispatch', 'dispatched', 'bad\u0002note');
  log.run(idOf(nos[1]!), at - 1, 'note', null, '较早的说明');
  photo.run(idOf(nos[0]!), 'before', 'p/hidden.jpg', 'p/hidden-t.jpg', 1, at);
  photo.run(idOf(nos[0]!), 'before', 'p/before.jpg', 'p/before-t.jpg', 0, at);
  photo.run(idOf(nos[2]!), 'after', 'p/after.jpg', 'p/after-t.jpg', 0, at);
  photo.run(idOf(nos[3]!), 'before', 'p/unpublished.jpg', 'p/unpublished-t.jpg', 0, at);
  sqlite.prepare('update cases set publish_photos = 0 where id = ?').run(idOf(nos[3]!));
  return { app, services, nos };
}

test('Open311 requests: byte-identical to the reference output, JSON and XML, zh and en, paged and filtered', async () => {
  const { app, services, nos } = await city();
  try {
    const queries = ['requests.{f}', 'requests.{f}?page_size=7', 'requests.{f}?status=closed&page_size=50', `requests.{f}?service_request_id=${nos.join(',')}`,
      'requests.{f}?service_code=street_vending,exposed_garbage', `requests/${nos[0]}.{f}`, `requests/${nos[1]!.toLowerCase()}.{f}`, 'requests.{f}?start_date=2026-10-01&end_date=2026-11-01'];
    const got: Record<string, string> = {};
    const bodies: Record<string, Buffer> = {};
    for (const lang of ['zh', 'en']) {
      for (const q of queries) {
        for (const f of ['json', 'xml']) {
          const path = `/open311/v2/${q.replace('{f}', f)}`;
          let url = path;
          const name = `${lang} ${path}`;
          // Follow one next link too: the cursor of a page.
          const res = await app.request(url, { headers: { 'accept-language': lang } });
          assert.equal(res.status, 200, name);
          const body = Buffer.from(await res.arrayBuffer());
          got[name] = createHash('sha256').update(body).update(`|${res.headers.get('content-type')}|${res.headers.get('link') ?? ''}`).digest('hex');
          bodies[name] = body;
          const next = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
          if (next && q.includes('page_size=7')) {
            url = new URL(next).pathname + new URL(next).search;
            const r2 = await app.request(url, { headers: { 'accept-language': lang } });
            const b2 = Buffer.from(await r2.arrayBuffer());
            got[`${name} next`] = createHash('sha256').update(b2).update(`|${r2.headers.get('link') ?? ''}`).digest('hex');
            bodies[`${name} next`] = b2;
          }
        }
      }
    }
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(got, null, 1)}\n`);
    const want = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
    const dir = join(process.cwd(), 'tests/.tmp/open311-golden');
    const wrong = Object.keys(want).filter((k) => got[k] !== want[k]);
    if (process.env.GOLDEN_DUMP) { mkdirSync(process.env.GOLDEN_DUMP, { recursive: true }); for (const k of Object.keys(bodies)) writeFileSync(join(process.env.GOLDEN_DUMP, k.replace(/[^\w.-]+/g, '_')), bodies[k]!); }
    if (wrong.length) {
      mkdirSync(dir, { recursive: true });
      for (const k of wrong) if (bodies[k]) writeFileSync(join(dir, k.replace(/[^\w.-]+/g, '_')), bodies[k]!);
    }
    assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort());
    assert.deepEqual(wrong, [], `bodies differ (written to ${dir})`);
  } finally {
    services.close();
  }
});

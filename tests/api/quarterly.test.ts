/**
 * Publishing a quarterly report freezes it: after new cases and further handling the published page and PDFs are the
 * same bytes, while the unpublished preview moves. The PDF opens with poppler and carries Chinese text.
 * Needs `npm run build` (pages run in-process).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, gte, lt } from 'drizzle-orm';
import { cases, casePhotos } from '../../db/schema.ts';
import { seedDemo } from '../../api/demo/demo.ts';
import { signedIn, FIXED_NOW } from '../helpers/services.ts';
import { siteServer } from '../helpers/site.ts';

const site = await siteServer();
const { services, base } = site;
const Q3 = '2026-Q3';
let staff: Awaited<ReturnType<typeof signedIn>>;
let typical: string;

before(async () => {
  await seedDemo(services, { now: FIXED_NOW, count: 160 });
  staff = await signedIn(services, 'dispatcher');
  // A closed Q3 case with both a before and an after photo, as staff would pick.
  const q3 = and(eq(cases.state, 'closed'), eq(cases.publishPhotos, true), gte(cases.createdAt, new Date('2026-06-30T16:00:00Z')), lt(cases.createdAt, new Date('2026-09-30T16:00:00Z')));
  const withPhotos = services.db.select({ no: cases.trackingNo, kind: casePhotos.kind }).from(cases).innerJoin(casePhotos, eq(casePhotos.caseId, cases.id)).where(q3).all();
  typical = withPhotos.find((r) => r.kind === 'after' && withPhotos.some((b) => b.no === r.no && b.kind === 'before'))!.no;
});
after(() => site.close());

const get = async (path: string) => {
  const res = await fetch(base + path);
  assert.equal(res.status, 200, path);
  return Buffer.from(await res.arrayBuffer());
};
const post = (path: string, fields: Record<string, string>) => fetch(base + path, {
  method: 'POST', redirect: 'manual',
  headers: { ...staff.headers, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: staff.headers['x-csrf-token'], ...fields }),
});

describe('quarterly report: preview, then published and frozen', () => {
  it('before publishing, the public sees a marked live preview and no PDF', async () => {
    const html = (await get(`/stats/quarterly/${Q3}`)).toString();
    assert.match(html, /data-testid="preview-notice"/);
    assert.match(html, /阳江市城市管理和综合执法局关于2026年第三季度城市管理问题办理情况的通报/);
    assert.equal((await fetch(`${base}/data/quarterly/${Q3}.pdf`)).status, 404);
  });

  it('staff save typical cases and next steps; an unknown number is refused with the form re-shown', async () => {
    const bad = await post(`/staff/quarterly?quarter=${Q3}`, { action: 'save', typicalCases: 'YJ-20990101-0001', nextStepsZh: '' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /不是已公开的案件/);
    const ok = await post(`/staff/quarterly?quarter=${Q3}`, { action: 'save', typicalCases: typical, nextStepsZh: '一是加强重点路段巡查。\n二是完善核查机制。' });
    assert.equal(ok.status, 303);
    const html = (await get(`/stats/quarterly/${Q3}`)).toString();
    assert.match(html, /一是加强重点路段巡查。/);
    assert.match(html, new RegExp(`整改前 · ${typical}`));
  });

  it('publishing freezes HTML and PDF: byte-identical after new cases are filed and handled', async () => {
    assert.equal((await post(`/staff/quarterly?quarter=${Q3}`, { action: 'publish' })).status, 400, 'needs the confirmation');
    assert.equal((await post(`/staff/quarterly?quarter=${Q3}`, { action: 'publish', confirm: 'yes' })).status, 303);
    const pages = ['/stats/quarterly/2026-Q3', '/en/stats/quarterly/2026-Q3', '/data/quarterly/2026-Q3.pdf', '/data/quarterly/2026-Q3.pdf?lang=en'];
    const first = await Promise.all(pages.map(get));
    assert.match(first[0]!.toString(), /data-testid="published-notice"/);
    assert.doesNotMatch(first[0]!.toString(), /data-testid="preview-notice"/);
    const previewBefore = (await get('/stats/quarterly/2026-Q2')).toString();

    // New reports filed in Q3 (late hotline entries), and Q3 cases moving on.
    const sample = services.db.select().from(cases).where(gte(cases.createdAt, new Date('2026-04-01T00:00:00Z'))).limit(1).get()!;
    const { id: _id, trackingNo: _no, ...rest } = sample;
    for (const [i, at] of ['2026-08-10T02:00:00Z', '2026-05-10T02:00:00Z'].entries()) {
      services.db.insert(cases).values({ ...rest, trackingNo: `YJ-TEST-${i}`, state: 'accepted', channel: 'hotline', createdAt: new Date(at), closedAt: null }).run();
    }
    services.db.update(cases).set({ state: 'closed', closedAt: FIXED_NOW }).where(and(eq(cases.state, 'in_progress'), lt(cases.createdAt, new Date('2026-09-30T16:00:00Z')))).run();

    const again = await Promise.all(pages.map(get));
    pages.forEach((p, i) => assert.ok(again[i]!.equals(first[i]!), `${p} is byte-identical`));
    assert.notEqual((await get('/stats/quarterly/2026-Q2')).toString(), previewBefore, 'an unpublished quarter’s preview moves');
    assert.match((await (await fetch(`${base}/staff/quarterly?quarter=${Q3}`, { headers: staff.headers })).text()), /data-testid="published"/);
    assert.equal((await post(`/staff/quarterly?quarter=${Q3}`, { action: 'save', typicalCases: '' })).status, 409, 'a published quarter no longer changes');
  });

  it('the PDF opens with poppler, carries the Chinese title and two photos, and renders to PNG', async () => {
    const dir = mkdtempSync(join(process.cwd(), 'tests/.tmp/pdf-'));
    const file = join(dir, 'q3.pdf');
    writeFileSync(file, await get('/data/quarterly/2026-Q3.pdf'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    assert.match(text.replace(/\s+/g, ''), /阳江市城市管理和综合执法局关于2026年第三季度城市管理问题办理情况的通报/);
    assert.match(text, /下一步工作/);
    assert.match(text.replace(/\s+/g, ''), /2026年\d+月\d+日/);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').length - 2;
    assert.ok(images >= 2, `before and after photos embedded (${images})`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    assert.ok(readFileSync(join(dir, 'page-1.png')).subarray(1, 4).toString() === 'PNG');
    if (process.env.KEEP_PDF) console.log(`PDF and PNG in ${dir}`);
  });
});

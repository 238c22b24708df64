/**
 * The privacy crawl's Open311 clients: a system that sends attributes, a photo without the publishing
 * consent, a media_url and contact details, then the resident's follow-up comments (one published by
 * staff, one not). Every answer it gets (the POSTs' too) is checked; the pending case's only public trace
 * is its token answer, which must say nothing but the id.
 */
import { eq } from 'drizzle-orm';
import { tokenOf } from '../../api/opendata/open311/submit.ts';
import { caseLog, casePhotos, cases } from '../../db/schema.ts';
import { phoneJpeg } from './images.ts';
import { actor } from './cases.ts';
import { advance } from './opendata.ts';
import type { Planter } from './privacy.ts';

let n = 0;
export const open311Planter: Planter = async (ctx) => {
  const k = ++n;
  const who = { first: '秘书', last: '诸葛', phone: `1861234${String(7000 + k)}`, email: `fms.probe${k}@example.org` };
  const attribute = `内部核查编号 NB-${9000 + k}，联系人诸葛秘书`;
  const media = `https://media.example.org/secret-${k}.jpg`;
  const post = async (path: string, fields: Record<string, string>, photo?: Buffer) => {
    const fd = new FormData();
    for (const [key, v] of Object.entries(fields)) fd.append(key, v);
    if (photo) fd.append('media', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
    const res = await ctx.app.request(`/open311/v2/${path}`, { method: 'POST', body: fd });
    const body = await res.text();
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${body}`);
    ctx.answers.push({ url: `POST /open311/v2/${path}`, body });
    return body;
  };
  const filing = {
    service_code: 'exposed_garbage', lat: '21.8611', long: '111.9801', description: `垃圾堆放多日（平台转办 ${k}）`,
    first_name: who.first, last_name: who.last, phone: who.phone, email: who.email, media_url: media, 'attribute[note]': attribute,
  };
  const [{ service_request_id: no }] = JSON.parse(await post('requests.json', filing, await phoneJpeg()));
  await post('requests.xml', { ...filing, description: `另一处垃圾（平台转办 ${k}）` }); // stays pending
  const pending = ctx.services.db.select().from(cases).where(eq(cases.description, `另一处垃圾（平台转办 ${k}）`)).get()!;
  for (const f of ['json', 'xml']) ctx.urls.add(`/open311/v2/tokens/${tokenOf(ctx.services.secret, pending.id)}.${f}`);

  await advance(ctx.services, no, ['accept', 'dispatch']);
  const hidden = `我是诸葛秘书，电话 ${who.phone}，晚上再来看看（${k}）`;
  const shown = `下午又堆了一些，拨 139 0000 ${8800 + k} 可找到物业（${k}）`;
  for (const [i, text] of [hidden, shown].entries()) {
    await post('servicerequestupdates.xml', {
      service_request_id: no, update_id_ext: `u-${k}-${i}`, description: text, status: 'OPEN', email: who.email,
      first_name: who.first, last_name: who.last, updated_datetime: '2026-11-25T09:00:00+08:00',
    });
  }
  const row = ctx.services.db.select().from(cases).where(eq(cases.trackingNo, no)).get()!;
  const comment = ctx.services.db.select().from(caseLog).where(eq(caseLog.internalNote, shown)).get()!;
  const { user } = await actor(ctx.services, 'dispatcher', null, `dispatcher-crawl-${k}`);
  ctx.services.cases.moderation.moderate(user, no, 'publish_comment', { version: row.version, logId: comment.id });
  const photo = ctx.services.db.select().from(casePhotos).where(eq(casePhotos.caseId, row.id)).get()!;

  ctx.secrets.push(
    { label: 'Open311 client name', value: `${who.last}${who.first}` }, { label: 'Open311 client phone', value: who.phone },
    { label: 'Open311 client email', value: who.email }, { label: 'Open311 attribute', value: attribute },
    { label: 'Open311 media_url', value: media }, { label: 'unpublished comment', value: hidden },
    { label: 'photo without consent', value: photo.file }, { label: 'thumbnail without consent', value: photo.thumb },
    { label: 'pending case’s text', value: pending.description },
  );
  ctx.cases.push(no);
  ctx.urls.add(`/open311/v2/requests/${no}.json`);
  ctx.urls.add(`/feeds/cases/${no}.atom`);
};

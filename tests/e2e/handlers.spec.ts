// Issue 11 at 390 px: a handler sends back a wrongly dispatched case, asks for more time (approved: the new due time
// and its reason are public), arrives and resolves another with photos; the dispatcher passes the 核查 with before/after
// side by side. A 12345 hotline case entered by staff goes round the loop; a 回访 finding it unsolved reopens it.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { phoneJpeg } from '../helpers/images.ts';
import { expectAccessible } from './axe.ts';
import { staffPage } from './staff.ts';

const PHONE = { width: 390, height: 844 };
const SHOTS = 'tests/.tmp/shots';

async function fileReport(request: APIRequestContext, baseURL: string, category: string, description: string) {
  const res = await request.post('/api/reports', {
    headers: { origin: baseURL },
    multipart: {
      category, lat: String(21.8650 + Math.random() / 500), lng: String(111.9700 + Math.random() / 500),
      address: '江城区东风三路', description, publish: 'on',
      photos: { name: 'before.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg() },
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { trackingNo: string; code: string };
}

/** Opens a form on the case page by its summary, fills it and submits it with the given button. */
async function submit(page: Page, summary: string, button: string, fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {}) {
  const section = page.locator('details.case-action', { has: page.locator('summary', { hasText: summary }) });
  if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  await fill(section);
  await section.getByRole('button', { name: button, exact: true }).click();
}
const state = (page: Page) => page.getByTestId('case-state');
const done = (page: Page, what: string) => expect(page.getByRole('status').first()).toContainText(what);

async function dispatchTo(page: Page, no: string, unit: string) {
  await page.goto(`/staff/cases/${no}`);
  await submit(page, '派遣', '派遣', async (f) => { await f.getByLabel('处置单位').selectOption(unit); });
  await expect(state(page)).toHaveText('已派遣');
}

test('a handler on a phone: 回退, 延期申请 approved, 到达现场 and 处置完毕 with photos; the 核查 side by side', async ({ browser, page, request, baseURL }) => {
  test.setTimeout(240_000);
  const wrong = await fileReport(request, baseURL!, 'streetlight_out', '东风三路路灯不亮，晚上很黑');
  const slow = await fileReport(request, baseURL!, 'exposed_garbage', '东风三路建筑垃圾堆放，量很大');
  const quick = await fileReport(request, baseURL!, 'exposed_garbage', '东风三路公交站垃圾散落');
  const dispatcher = await staffPage(browser, 'dispatcher', { viewport: PHONE });
  await dispatchTo(dispatcher, wrong.trackingNo, 'sanitation'); // the wrong unit
  await dispatchTo(dispatcher, slow.trackingNo, 'sanitation');
  await dispatchTo(dispatcher, quick.trackingNo, 'sanitation');

  // The handler's cards: status, time left, the place and the way there.
  const handler = await staffPage(browser, 'sanitation', { viewport: PHONE });
  await expect(handler).toHaveURL(/\/staff\/cases$/);
  const card = handler.locator(`.hcard[data-no="${wrong.trackingNo}"]`);
  await expect(card).toContainText('已派遣');
  await expect(card.getByTestId('time-left')).toHaveText(/^剩 \d+ (分钟|小时|天)/);
  await expect(card).toContainText('江城区东风三路');
  await expect(card.getByRole('link', { name: `手机地图导航：${wrong.trackingNo}` })).toHaveAttribute('href', /^geo:21\.86\d+,111\.97\d+\?q=/);
  await expect(card.getByRole('link', { name: `高德地图导航：${wrong.trackingNo}` })).toHaveAttribute('href', /uri\.amap\.com\/navigation\?to=111\.97\d+,21\.86\d+.*coordinate=wgs84/);
  await handler.screenshot({ path: `${SHOTS}/handler-cards-390.png`, fullPage: true });
  await expectAccessible(handler);

  // 回退: not ours; it leaves the unit's list and waits for the dispatcher.
  await card.getByRole('link', { name: `办理 ${wrong.trackingNo}` }).click();
  await submit(handler, '回退（不属于本单位）', '回退（不属于本单位）', (f) => f.getByLabel('内部备注（仅工作人员可见）').fill('路灯故障，应由路灯中心处置'));
  await expect(handler.locator('main, body').first()).toBeVisible();
  await handler.goto('/staff/cases');
  await expect(handler.locator(`.hcard[data-no="${wrong.trackingNo}"]`)).toHaveCount(0);
  await dispatcher.goto('/staff/requests');
  const back = dispatcher.locator(`li[data-no="${wrong.trackingNo}"]`);
  await expect(back).toContainText('路灯故障，应由路灯中心处置');
  await back.getByRole('link', { name: '改派' }).click();
  await submit(dispatcher, '派遣', '派遣', async (f) => { await f.getByLabel('处置单位').selectOption('lighting'); });
  await expect(state(dispatcher)).toHaveText('已派遣');
  await expect(dispatcher.locator('.dl').first()).toContainText('路灯中心');

  // 延期申请, approved by the dispatcher: the new due time and the reason on the public case page.
  const reason = '建筑垃圾量大，需调派压缩车分两次清运';
  await handler.goto(`/staff/cases/${slow.trackingNo}`);
  await submit(handler, '申请延期', '提交申请', async (f) => {
    await f.getByLabel('申请理由（批准后向市民公开）').fill(reason);
    await f.getByLabel('申请延至').fill('2030-06-28T17:00');
  });
  await expect(handler.getByTestId('request-status')).toHaveText('待审批');
  await handler.screenshot({ path: `${SHOTS}/handler-case-390.png`, fullPage: true });
  await expectAccessible(handler);
  await dispatcher.goto('/staff/requests');
  await expectAccessible(dispatcher);
  await dispatcher.locator(`li[data-no="${slow.trackingNo}"]`).getByRole('button', { name: '批准', exact: true }).click();
  await expect(dispatcher).toHaveURL(/\/staff\/requests\?/);
  await page.goto(`/reports/${slow.trackingNo}`);
  await expect(page.locator('dl')).toContainText('2030-06-28 17:00');
  await expect(page.getByTestId('extended')).toHaveText(`已延期：${reason}`);
  await expect(page.getByTestId('timeline')).toContainText('经批准延长办理期限');

  // 到达现场 and 处置完毕, each with a camera photo.
  await handler.goto(`/staff/cases/${quick.trackingNo}`);
  await submit(handler, '到达现场', '到达现场', async (f) => {
    await expect(f.getByLabel('现场照片')).toHaveAttribute('capture', 'environment');
    await f.getByLabel('现场照片').setInputFiles({ name: 'arrive.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg() });
  });
  await expect(state(handler)).toHaveText('处置中');
  await submit(handler, '处置完毕', '处置完毕', async (f) => {
    await expect(f.getByLabel('处置后照片')).toHaveAttribute('capture', 'environment');
    await f.getByLabel('处置后照片').setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg() });
  });
  await expect(state(handler)).toHaveText('已处置');

  // The 核查: before and after side by side, then closed.
  await dispatcher.goto(`/staff/cases/${quick.trackingNo}`);
  const pair = dispatcher.getByTestId('before-after');
  await expect(pair.locator('figure').first().getByRole('img')).toHaveCount(2); // the reporter's and the arrival photo
  await expect(pair.locator('figure').nth(1).getByRole('img')).toHaveCount(1);
  const [b, a] = [await pair.locator('figure').first().boundingBox(), await pair.locator('figure').nth(1).boundingBox()];
  expect(Math.abs(b!.y - a!.y)).toBeLessThan(2); // side by side, not one under the other
  expect(a!.x).toBeGreaterThan(b!.x + b!.width - 1);
  await dispatcher.screenshot({ path: `${SHOTS}/check-390.png`, fullPage: true });
  await expectAccessible(dispatcher);
  await submit(dispatcher, '核查通过，结案', '核查通过，结案');
  await expect(state(dispatcher)).toHaveText('已结案');
});

test('a 12345 hotline case entered by staff goes round the loop; an unsolved 回访 reopens it; no caller details in public', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const caller = { name: '上官来电', phone: '13912345670', ticket: 'GD202611250777' };
  const dispatcher = await staffPage(browser, 'dispatcher', { viewport: PHONE });
  await dispatcher.goto('/staff/cases/new');
  await expectAccessible(dispatcher);
  await dispatcher.getByLabel('来源').selectOption('hotline');
  await dispatcher.getByLabel('热线工单号').fill(caller.ticket);
  await dispatcher.getByLabel('问题类别').selectOption('exposed_garbage');
  await dispatcher.getByLabel('地址或地标').fill('人民广场东门');
  await dispatcher.getByLabel('问题描述').fill('来电反映人民广场东门垃圾堆放两天无人清理');
  await dispatcher.getByLabel('来电人或巡查员姓名').fill(caller.name);
  await dispatcher.getByLabel('联系电话').fill(caller.phone);
  await dispatcher.getByRole('button', { name: '录入', exact: true }).click();
  const created = dispatcher.getByTestId('intake-created');
  await expect(created).toContainText('已录入，受理编号');
  const no = (await created.textContent())!.match(/[A-Z]{2}-\d{8}-\d{4}/)![0];
  await dispatcher.screenshot({ path: `${SHOTS}/intake-390.png`, fullPage: true });

  await dispatcher.getByRole('link', { name: '打开案件' }).click();
  await expect(dispatcher.getByTestId('channel')).toHaveText(/^热线/);
  await expect(dispatcher.getByTestId('reporter-contact')).toBeVisible();
  await expect(dispatcher.locator('.dl').first()).toContainText('139****5670');
  await dispatcher.getByRole('button', { name: '显示号码' }).click();
  await expect(dispatcher.getByRole('link', { name: `拨打 ${caller.phone}` })).toHaveAttribute('href', `tel:${caller.phone}`);
  await submit(dispatcher, '派遣', '派遣');
  const handler = await staffPage(browser, 'sanitation', { viewport: PHONE });
  await handler.goto(`/staff/cases/${no}`);
  await submit(handler, '处置完毕', '处置完毕', (f) => f.getByLabel('公开说明（市民可见）').fill('已清运。'));
  await dispatcher.goto(`/staff/cases/${no}`);
  await submit(dispatcher, '核查通过，结案', '核查通过，结案');
  await expect(state(dispatcher)).toHaveText('已结案');

  // The 回访 finds it unsolved: reopened, as a resident's 不满意 does.
  await submit(dispatcher, '回访', '记录回访', async (f) => {
    await f.getByLabel('回访结果').selectOption('unsolved');
    await f.getByLabel('满意程度').selectOption('unsatisfied');
    await f.getByLabel('回访记录（仅工作人员可见）').fill('来电人称东门仍有垃圾');
  });
  await done(dispatcher, '问题未解决，案件已重新办理');
  await expect(state(dispatcher)).toHaveText('已立案');
  await expectAccessible(dispatcher);
  await dispatcher.goto('/staff');
  await expect(dispatcher.locator(`[data-no="${no}"]`).first()).toBeVisible(); // back in the queue

  await page.goto(`/reports/${no}`);
  await expect(page.getByTestId('timeline')).toContainText('市民不满意，重新办理');
  const body = (await page.locator('body').textContent())!;
  for (const secret of [caller.name, caller.phone, caller.ticket, '来电人称东门仍有垃圾', '139****5670']) expect(body).not.toContain(secret);
});

for (const lang of ['', '/en']) {
  for (const width of [390, 1280]) {
    test(`handlers' pages are accessible at ${width} px in ${lang ? 'English' : 'Chinese'}`, async ({ browser }) => {
      test.setTimeout(180_000);
      const viewport = { width, height: 900 };
      const handler = await staffPage(browser, 'sanitation', { viewport });
      await handler.goto(`${lang}/staff/cases`);
      await expectAccessible(handler);
      const first = handler.locator('.hcard').first().getByRole('link').first();
      await handler.goto(lang + (await first.getAttribute('href'))!.replace(/^\/en/, ''));
      for (const s of await handler.locator('details.case-action summary').all()) await s.click();
      await expectAccessible(handler);
      const dispatcher = await staffPage(browser, 'dispatcher', { viewport });
      for (const path of ['/staff/requests', '/staff/cases/new']) {
        await dispatcher.goto(lang + path);
        await expectAccessible(dispatcher);
      }
      if (width === 1280 && !lang) {
        await handler.screenshot({ path: `${SHOTS}/handler-case-1280.png`, fullPage: true });
        await dispatcher.goto('/staff/requests');
        await dispatcher.screenshot({ path: `${SHOTS}/requests-1280.png`, fullPage: true });
      }
    });
  }
}

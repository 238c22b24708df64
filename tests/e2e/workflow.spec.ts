import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { phoneJpeg } from '../helpers/images.ts';
import { expectAccessible } from './axe.ts';
import { staffPage } from './staff.ts';

const STAFF_NAMES = ['指挥中心受理派遣员', '环卫中心处置员', 'dispatcher', 'sanitation'];
const TABLET = { width: 768, height: 1024 };

/** A resident's report through the public API, near 人民广场 but away from the demo hotspots. */
async function fileReport(request: APIRequestContext, baseURL: string, description: string) {
  const res = await request.post('/api/reports', {
    headers: { origin: baseURL },
    multipart: {
      category: 'exposed_garbage', lat: String(21.8700 + Math.random() / 500), lng: String(111.9600 + Math.random() / 500),
      address: '江城区东风二路公交站旁', description, publish: 'on',
      photos: { name: 'before.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg() },
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { trackingNo: string; code: string };
}

const staffPageAt = (browser: Browser, username: string, javaScriptEnabled = true) => staffPage(browser, username, { viewport: TABLET, javaScriptEnabled });

/** Opens one action's form on the case page, fills it, and submits it. */
async function act(page: Page, action: string, fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {}) {
  const section = page.locator('details.case-action', { has: page.locator('summary', { hasText: action }) });
  if ((await section.getAttribute('open')) === null) await section.locator('summary').click(); // a form that came back is open
  await fill(section);
  await section.getByRole('button', { name: action, exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`已完成：${action}`);
}

const state = (page: Page) => page.getByTestId('case-state');

test('a report goes round the loop: accepted, dispatched, fixed with a photo, checked, closed and rated', async ({ browser, page, request, baseURL }) => {
  const { trackingNo, code } = await fileReport(request, baseURL!, '东风二路公交站旁垃圾堆了两天，味道很大');

  // The dispatcher finds it in the queue (oldest first, with its photo) and accepts it there.
  const dispatcher = await staffPageAt(browser, 'dispatcher');
  await expect(dispatcher).toHaveURL(/\/staff$/);
  await dispatcher.getByRole('link', { name: `查看 ${trackingNo}` }).click();
  const pane = dispatcher.getByTestId('case-pane');
  await expect(pane.getByRole('img')).toHaveCount(1);
  await expectAccessible(dispatcher);
  await pane.getByRole('button', { name: `受理立案 ${trackingNo}` }).click();
  await expect(dispatcher.getByRole('status')).toContainText(`${trackingNo} 已完成：受理立案`);
  await expect(dispatcher.locator(`[data-testid="queue-row"][data-no="${trackingNo}"]`)).toHaveCount(0);

  // …and dispatches it to 环卫中心 from the case page.
  await dispatcher.goto(`/staff/cases/${trackingNo}`);
  await expect(state(dispatcher)).toHaveText('已立案');
  await act(dispatcher, '派遣', async (form) => {
    await expect(form.getByLabel('处置单位')).toHaveValue('sanitation');
    await form.getByLabel('公开说明（市民可见）').fill('已派遣环卫中心处置。');
    await form.getByLabel('内部备注（仅工作人员可见）').fill('请东风路保洁班处理');
  });
  await expect(state(dispatcher)).toHaveText('已派遣');
  await expectAccessible(dispatcher);

  // The 环卫中心 handler lands on the unit's cases, finds it, starts and resolves it with an after-photo.
  const handler = await staffPageAt(browser, 'sanitation');
  await expect(handler).toHaveURL(/\/staff\/cases$/);
  await expect(handler.getByRole('heading', { level: 1 })).toContainText('本单位案件');
  await handler.getByLabel('搜索').fill(trackingNo);
  await handler.getByRole('button', { name: '筛选' }).click();
  await handler.getByRole('link', { name: trackingNo, exact: true }).click();
  await expect(handler.getByTestId('case-log')).toContainText('请东风路保洁班处理');
  await act(handler, '到达现场'); // the handler's word for start (issue 11)
  await expect(state(handler)).toHaveText('处置中');
  await act(handler, '处置完毕', async (form) => {
    await form.getByLabel('处置后照片').setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg() });
    await form.getByLabel('公开说明（市民可见）').fill('垃圾已清运，地面已冲洗。');
  });
  await expect(state(handler)).toHaveText('已处置');
  await expect(handler.getByRole('img', { name: /处置后照片/ })).toHaveCount(1);

  // The dispatcher checks it and closes it.
  await dispatcher.goto(`/staff/cases/${trackingNo}`);
  await act(dispatcher, '核查通过，结案');
  await expect(state(dispatcher)).toHaveText('已结案');

  // The reporter sees every step with its time, no staff names, no internal notes; then rates it.
  await page.goto(`/track?no=${trackingNo}&code=${code}`);
  const timeline = page.getByTestId('timeline');
  for (const step of ['市民反映问题', '受理立案', '派遣至处置单位', '开始处置', '处置完毕，待核查', '核查通过，已办结']) {
    await expect(timeline.locator('li', { hasText: step }).locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  }
  await expect(timeline).toContainText('垃圾已清运，地面已冲洗。');
  const body = await page.locator('body').textContent();
  for (const secret of [...STAFF_NAMES, '请东风路保洁班处理']) expect(body).not.toContain(secret);
  await expect(page.getByRole('img', { name: '处置后照片 1' })).toBeVisible();
  await expectAccessible(page); // with the rating form
  await page.getByLabel('满意', { exact: true }).check();
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByRole('status')).toHaveText('感谢您的评价。');
  await expect(page.getByTestId('rating')).toHaveText('您的评价：满意');
  await expect(page.getByRole('button', { name: '提交评价' })).toHaveCount(0);
  await expectAccessible(page);
});

test.describe('console forms without JavaScript', () => {
  test('a resolved case fails the check and goes back for rework', async ({ browser, page, request, baseURL }) => {
    const { trackingNo, code } = await fileReport(request, baseURL!, '公交站旁的垃圾桶周边满地垃圾');
    const dispatcher = await staffPageAt(browser, 'dispatcher', false);
    await dispatcher.goto(`/staff/cases/${trackingNo}`);
    await act(dispatcher, '派遣'); // accept and dispatch in one step, with the kind's default unit and deadline
    await expect(state(dispatcher)).toHaveText('已派遣');

    const handler = await staffPageAt(browser, 'sanitation', false);
    await handler.goto(`/staff/cases/${trackingNo}`);
    await act(handler, '处置完毕', (form) => form.getByLabel('公开说明（市民可见）').fill('已清理。'));

    await dispatcher.goto(`/staff/cases/${trackingNo}`);
    // A check without a reason is refused next to the field, with what was typed kept.
    const rework = dispatcher.locator('details.case-action', { has: dispatcher.locator('summary', { hasText: '核查不通过，返工' }) });
    await rework.locator('summary').click();
    await rework.getByRole('button', { name: '核查不通过，返工' }).click();
    await expect(dispatcher.getByRole('alert')).toContainText('请填写返工原因');
    await act(dispatcher, '核查不通过，返工', (form) => form.getByLabel('内部备注（仅工作人员可见）').fill('复核照片显示角落仍有残留'));
    await expect(state(dispatcher)).toHaveText('已派遣');
    await expect(dispatcher.locator('.dl')).toContainText('返工次数');

    await page.goto(`/track?no=${trackingNo}&code=${code}`);
    await expect(page.getByTestId('timeline')).toContainText('核查未通过，返工处置');
    await expect(page.locator('body')).not.toContainText('复核照片显示角落仍有残留');
  });

  test('two dispatchers act on the same case: the second gets a clear conflict', async ({ browser, request, baseURL }) => {
    const { trackingNo } = await fileReport(request, baseURL!, '路口垃圾无人清理');
    const a = await staffPageAt(browser, 'dispatcher', false);
    const b = await staffPageAt(browser, 'dispatcher', false); // the same account in two tabs races just the same
    await a.goto(`/staff/cases/${trackingNo}`);
    await b.goto(`/staff/cases/${trackingNo}`);
    await act(a, '受理立案');
    const reject = b.locator('details.case-action', { has: b.locator('summary', { hasText: '不予立案' }) });
    await reject.locator('summary').click();
    await reject.getByLabel('原因').selectOption('not_a_problem');
    await reject.getByLabel('公开说明（市民可见）').fill('未发现问题');
    await reject.getByRole('button', { name: '不予立案' }).click();
    await expect(b.getByRole('alert')).toHaveText('该案件已被他人处理，请刷新后重试。');
    await expect(state(b)).toHaveText('已立案');
  });
});

test('bulk accept from the case list reports what was done', async ({ browser, request, baseURL }) => {
  const word = `批量${Date.now() % 100000}`;
  const one = await fileReport(request, baseURL!, `${word} 垃圾一`);
  const two = await fileReport(request, baseURL!, `${word} 垃圾二`);
  const dispatcher = await staffPageAt(browser, 'dispatcher');
  await dispatcher.goto(`/staff/cases?state=submitted&q=${encodeURIComponent(word)}`);
  await expect(dispatcher.locator('tbody tr')).toHaveCount(2);
  await dispatcher.getByLabel(`选择 ${one.trackingNo}`).check();
  await dispatcher.getByLabel(`选择 ${two.trackingNo}`).check();
  await dispatcher.getByLabel('对勾选的案件').selectOption('accept');
  await dispatcher.getByRole('button', { name: '执行', exact: true }).click();
  await expect(dispatcher.getByRole('status')).toContainText('2 件已完成。');
  await expect(dispatcher.locator('tbody tr')).toHaveCount(0);
});

for (const lang of ['', '/en']) {
  test(`the console pages are accessible at 768 px in ${lang ? 'English' : 'Chinese'}`, async ({ browser, request, baseURL }) => {
    test.setTimeout(180_000); // axe takes seconds per page on long tables
    const { trackingNo } = await fileReport(request, baseURL!, '无障碍检查用的报告');
    const admin = await staffPageAt(browser, 'admin');
    for (const path of ['/staff', '/staff/cases', `/staff/cases/${trackingNo}`, '/staff/cases?light=red', '/staff/admin/calendar']) {
      await admin.goto(lang + path);
      const summary = admin.locator('details.case-action summary').first();
      if (await summary.count()) await summary.click(); // an open form is checked too
      await expectAccessible(admin);
    }
  });
}

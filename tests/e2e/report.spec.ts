import { expect, test, type Page } from '@playwright/test';
import { phoneJpeg } from '../helpers/images.ts';

/** Everything a resident fills, from the top of the page: how far down it reaches (px) and the page's height. */
const reach = (page: Page) => page.evaluate(() => {
  const bottom = (sel: string) => { const r = document.querySelector(sel)!.getBoundingClientRect(); return r.bottom + scrollY; };
  const submit = document.querySelector('button[type="submit"]')!.getBoundingClientRect();
  return { height: document.documentElement.scrollHeight, description: bottom('#description'), submitTop: submit.top, submitBottom: submit.bottom };
});

test('at 390 × 844 a report with one photo is filed in a few taps: the photo places the pin, the submit bar is always in reach', async ({ page }) => {
  await page.goto('/report');
  await expect(page.locator('.submit-bar')).toBeAttached(); // hydrated
  await expect(page.locator('.sch-road').first()).toBeAttached();
  const before = await reach(page);
  expect(before.submitBottom, 'the submit button is on the first screen').toBeLessThanOrEqual(844);
  let taps = 0;
  // 1. The photo (taken at 人民广场): its GPS sets the pin, named in words.
  await page.locator('#photos').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg(21.86003, 111.97904) });
  taps++;
  await expect(page.getByRole('img', { name: '照片 1' })).toBeVisible();
  await expect(page.getByText('已按照片的拍摄位置标注，可在地图上调整。')).toBeVisible();
  await expect(page.getByText('已标注在人民广场附近')).toBeVisible();
  await expect(page.getByLabel('同意公开我拍的照片'), 'publishing photos is opt-in').not.toBeChecked();
  // 2. The kind: one of the six chips.
  await page.locator('.chips').first().locator('label').first().click();
  taps++;
  // 3. A few words.
  await page.getByLabel('问题描述', { exact: true }).fill('垃圾堆了两天，味道很大');
  taps++;
  const after = await reach(page);
  const submit = page.getByRole('button', { name: '提交' });
  const box = (await submit.boundingBox())!;
  expect(box.y + box.height, 'the fixed bar keeps the submit button on screen').toBeLessThanOrEqual(844);
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(after.description - 844, 'every field is within two screen-heights of scrolling').toBeLessThanOrEqual(2 * 844);
  await submit.click();
  taps++;
  console.log(`report form at 390×844: page ${before.height} px tall (${(before.height / 844).toFixed(2)} screens), last field's bottom at ${Math.round(after.description)} px, submit bar at y=${Math.round(after.submitTop)}; ${taps} taps`);

  await expect(page).toHaveURL(/\/track\?no=YJ-\d{8}-\d{4}&code=[A-Z2-9]{8}&new=1/);
  await expect(page.getByRole('heading', { name: '提交成功' })).toBeVisible();
  await expect(page.getByTestId('place'), 'the place in words, not coordinates').toHaveText('人民广场附近');
  await expect(page.getByTestId('state')).toHaveText('待受理');
  await expect(page.locator('.photos img')).toHaveCount(1);
  await expect(page.locator('main')).not.toContainText(/\d{2}\.\d{4,}/);
});

test('hydrating the form moves nothing on screen: the server already draws the camera, album, location buttons and the map box', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.shifts += (e as unknown as { value: number }).value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/report');
  await expect(page.locator('.submit-bar')).toBeAttached(); // hydrated
  await expect(page.locator('.sch-road').first()).toBeAttached(); // the map drawn
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts), 'cumulative layout shift').toBe(0);
});

test('typing a place suggests it from the gazetteer and choosing it sets the pin', async ({ page }) => {
  await page.goto('/report');
  await expect(page.locator('.sch-road').first()).toBeAttached();
  await page.getByLabel('地点', { exact: true }).pressSequentially('人民广', { delay: 30 });
  await page.getByRole('button', { name: /^人民广场\s*地标$/ }).click();
  await expect(page.getByLabel('地点', { exact: true })).toHaveValue('人民广场');
  await expect(page.getByText('已标注在人民广场附近')).toBeVisible();
  await expect(page.locator('.leaflet-marker-icon.pin')).toHaveCount(1);

  // Sent without choosing, an ambiguous place comes back as a question, with the matches offered.
  await page.goto('/report');
  await expect(page.locator('.submit-bar')).toBeAttached();
  await page.locator('.chips').first().locator('label').first().click();
  await page.getByLabel('地点', { exact: true }).fill('人民');
  await page.getByLabel('问题描述', { exact: true }).fill('垃圾落地');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.locator('#address-error')).toContainText('有多个地点与此名称相符');
  await expect(page.locator('.suggestion')).toHaveCount(5);
});

test('with no map key and no network the schematic city is drawn with labelled roads and landmarks on /report, /reports and a case page', async ({ page, context }) => {
  await context.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) => route.abort());
  await page.goto('/reports');
  const first = await page.locator('.case-list a').first().getAttribute('href');
  for (const url of ['/report', '/reports', first!]) {
    await page.goto(url);
    const map = page.locator('.map.schematic');
    await expect(map.locator('.sch-label-road:not(.sch-hidden)').first(), url).toBeVisible();
    // Inside the map's frame, not merely in the page: the names a person reads to tell where the pin is.
    const inFrame = (selector: string) => map.evaluate((el, sel) => {
      const f = el.getBoundingClientRect();
      return [...el.querySelectorAll(`${sel}:not(.sch-hidden)`)].map((l) => l.getBoundingClientRect())
        .filter((r) => r.left >= f.left && r.right <= f.right && r.top >= f.top && r.bottom <= f.bottom).length;
    }, selector);
    expect(await inFrame('.sch-label-road'), `${url}: road names in view`).toBeGreaterThan(0);
    expect(await inFrame('.sch-label:not(.sch-label-road)'), `${url}: landmarks, communities… in view`).toBeGreaterThan(0);
    await expect(map.locator('.leaflet-control-attribution')).toContainText('示意图');
    await expect(map.locator('.leaflet-tile')).toHaveCount(0);
    const text = await page.locator('body').innerText();
    expect(text, url).not.toMatch(/未配置底图|\d{2}\.\d{4,}/);
  }
  await page.goto('/reports');
  await expect(page.locator('.cluster-ring').first(), 'clusters show their mix of open and fixed').toBeAttached();
  await page.screenshot({ path: 'tests/.tmp/shots/reports-schematic-390.png' });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a typed place is resolved by the gazetteer; an ambiguous one comes back with its candidates', async ({ page }) => {
    await page.goto('/report');
    await expect(page.getByRole('region', { name: /地图/ })).toHaveCount(0);
    for (const name of ['拍照', '选照片', '使用我的位置']) await expect(page.getByText(name, { exact: true }), 'nothing that needs JavaScript shows').toBeHidden();
    await expect(page.locator('input[type="file"][name="photos"]'), 'the plain file input').toBeVisible();
    await page.getByText('更多类别').click();
    await page.getByLabel('路灯不亮').check();
    await page.getByLabel('地点', { exact: true }).fill('人民');
    await page.getByLabel('问题描述', { exact: true }).fill('这一段路灯连续三晚不亮，晚上走路很危险');
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByRole('alert')).toContainText('提交未成功');
    await expect(page.locator('#address-error')).toHaveText('有多个地点与此名称相符，请从下面选择一个，或写得更具体些。');
    const candidates = page.getByRole('group', { name: '您说的是哪一个？' });
    await expect(candidates.getByRole('radio')).toHaveCount(5);
    await candidates.getByLabel(/阳江市人民医院/).check();
    await expect(page.getByLabel('路灯不亮')).toBeChecked();
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page).toHaveURL(/\/track\?no=YJ-\d{8}-\d{4}&code=[A-Z2-9]{8}&new=1/);
    await expect(page.getByTestId('place')).toHaveText('人民');

    await page.goto('/report');
    await page.locator('.chips').first().locator('label').first().click();
    await page.getByLabel('地点', { exact: true }).fill('乔士桥路段 3 号灯杆附近');
    await page.locator('#photos').setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg(21.95, 111.5) });
    await page.getByText('留下联系方式（选填）').click();
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page).toHaveURL(/\/track\?no=YJ-\d{8}-\d{4}&code=[A-Z2-9]{8}&new=1/);
    const no = (await page.getByTestId('tracking-no').textContent())!;
    const code = (await page.getByTestId('follow-code').textContent())!;
    await expect(page.getByTestId('place')).toHaveText('乔士桥路段 3 号灯杆附近');
    await expect(page.locator('body')).not.toContainText('13912345678');
    await page.goto(`/track?no=${no}&code=WRONGCDE`);
    await expect(page.getByRole('alert')).toHaveText('受理编号或查询码不正确，请核对后重试。');
  });

  test('a photo over the size limit is refused as it streams in; the form comes back with what was typed', async ({ page }) => {
    await page.goto('/report');
    await page.locator('.chips').first().locator('label').first().click();
    await page.getByLabel('地点', { exact: true }).fill('乔士桥路段 3 号灯杆附近');
    await page.getByLabel('问题描述', { exact: true }).fill('垃圾桶旁堆了很多纸箱');
    const big = Buffer.concat([await phoneJpeg(), Buffer.alloc(10 * 1048576 + 1000)]); // MAX_PHOTO_MB is 10
    await page.locator('#photos').setInputFiles({ name: 'IMG_0003.jpg', mimeType: 'image/jpeg', buffer: big });
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: '提交' }).click()]);
    expect(res.status()).toBe(413);
    await expect(page.getByRole('alert')).toContainText('提交未成功');
    await expect(page.locator('#photos-error')).toHaveText('每张照片不能超过 10 MB。');
    await expect(page.getByLabel('问题描述', { exact: true })).toHaveValue('垃圾桶旁堆了很多纸箱');
    await expect(page.getByLabel('地点', { exact: true })).toHaveValue('乔士桥路段 3 号灯杆附近');
  });

  test('an empty form comes back with field errors, in Chinese and in English, keeping what was typed', async ({ page }) => {
    await page.goto('/report');
    await page.getByLabel('问题描述', { exact: true }).fill('有人在路边烧东西');
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByRole('alert')).toContainText('提交未成功，请修改以下内容：');
    await expect(page.locator('#category-error')).toHaveText('请选择问题类别。');
    await expect(page.getByLabel('问题描述', { exact: true })).toHaveValue('有人在路边烧东西');

    await page.goto('/en/report');
    await page.getByText('More kinds').click();
    await page.getByLabel('Burning waste or leaves').check();
    await page.getByText('Leave your contact details (optional)').click();
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page.locator('#location-error')).toHaveText('Mark the place on the map, or type an address or landmark.');
    await expect(page.locator('#description-error')).toHaveText('Describe the problem, or add at least one photo.');
    await expect(page.locator('#email-error')).toHaveText('Enter a valid email address.');
    await expect(page.getByLabel('Burning waste or leaves')).toBeChecked();
  });
});

import { expect, test } from '@playwright/test';
import { phoneJpeg } from '../helpers/images.ts';

test('a resident files a report with a photo and a map pin, then follows it at /track', async ({ page }) => {
  await page.goto('/report');
  await page.getByLabel('暴露垃圾').check();
  await page.getByLabel('地址或地标').fill('人民广场东侧公交站旁');
  const map = page.getByRole('region', { name: /地图/ });
  await expect(map.locator('.leaflet-tile-container, canvas').first()).toBeAttached();
  await map.click({ position: { x: 180, y: 150 } });
  await expect(page.getByText('已标注位置：')).toBeVisible();
  await expect(page.getByLabel('地址或地标'), 'typing survives re-renders').toHaveValue('人民广场东侧公交站旁');
  await page.getByLabel('照片', { exact: true }).setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg() });
  await expect(page.getByRole('img', { name: '照片 1' })).toBeVisible();
  await page.getByLabel('问题描述', { exact: true }).fill('人民广场东侧公交站旁垃圾堆了两天，味道很大');
  await page.getByRole('button', { name: '提交' }).click();

  await expect(page).toHaveURL(/\/track\?no=YJ-\d{8}-\d{4}&code=[A-Z2-9]{8}&new=1/);
  await expect(page.getByRole('heading', { name: '提交成功' })).toBeVisible();
  const no = (await page.getByTestId('tracking-no').textContent())!;
  const code = (await page.getByTestId('follow-code').textContent())!;
  await expect(page.getByTestId('state')).toHaveText('待受理');
  await expect(page.locator('.photos img')).toHaveCount(1);

  // Later, from the home page's form.
  await page.goto('/');
  await page.getByLabel('受理编号').fill(no);
  await page.getByLabel('查询码').fill(code.toLowerCase());
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('heading', { name: `问题 ${no}` })).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('市民反映问题');
  await expect(page.getByRole('img', { name: '现场照片 1' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a resident files a report with a typed landmark and follows it', async ({ page }) => {
    await page.goto('/report');
    await expect(page.getByRole('region', { name: /地图/ })).toHaveCount(0);
    await page.getByLabel('路灯不亮').check();
    await page.getByLabel('地址或地标').fill('乔士桥路段 3 号灯杆附近');
    await page.getByLabel('问题描述', { exact: true }).fill('这一段路灯连续三晚不亮，晚上走路很危险');
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page).toHaveURL(/\/track\?no=YJ-\d{8}-\d{4}&code=[A-Z2-9]{8}&new=1/);
    const no = (await page.getByTestId('tracking-no').textContent())!;
    const code = (await page.getByTestId('follow-code').textContent())!;
    await expect(page.getByText('乔士桥路段 3 号灯杆附近')).toBeVisible();
    await expect(page.locator('body')).not.toContainText('13912345678');

    await page.goto(`/track?no=${no}&code=${code}`);
    await expect(page.getByRole('heading', { name: `问题 ${no}` })).toBeVisible();
    await page.goto(`/track?no=${no}&code=WRONGCDE`);
    await expect(page.getByRole('alert')).toHaveText('受理编号或查询码不正确，请核对后重试。');
  });

  test('an empty form comes back with field errors, in Chinese and in English, keeping what was typed', async ({ page }) => {
    await page.goto('/report');
    await page.getByLabel('问题描述', { exact: true }).fill('有人在路边烧东西');
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByRole('alert')).toContainText('提交未成功，请修改以下内容：');
    await expect(page.locator('#category-error')).toHaveText('请选择问题类别。');
    await expect(page.getByLabel('问题描述', { exact: true })).toHaveValue('有人在路边烧东西');

    await page.goto('/en/report');
    await page.getByLabel('Burning waste or leaves').check();
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page.locator('#location-error')).toHaveText('Mark the place on the map, or type an address or landmark.');
    await expect(page.locator('#description-error')).toHaveText('Describe the problem, or add at least one photo.');
    await expect(page.locator('#email-error')).toHaveText('Enter a valid email address.');
    await expect(page.getByLabel('Burning waste or leaves')).toBeChecked();
  });
});

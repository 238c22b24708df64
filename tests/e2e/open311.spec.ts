import { expect, test, type Browser } from '@playwright/test';
import { phoneJpeg } from '../helpers/images.ts';
import { expectAccessible } from './axe.ts';

// The e2e server seeds the demo staff with DEMO_PASSWORD (playwright.config.ts).
const PASSWORD = 'demo-password-2026';
const SHOTS = 'tests/.tmp/screenshots';

async function admin(browser: Browser, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  return page;
}

test('an integrating system: key issued by an admin, a report with attributes and a photo, a comment staff publish', async ({ browser, request }) => {
  const page = await admin(browser, 1280);
  await page.goto('/staff/admin/api-keys');
  await expectAccessible(page);
  await page.getByLabel('接入系统名称').fill('12345 政务服务便民热线平台');
  await page.getByLabel('来源渠道').selectOption('hotline');
  await page.getByRole('button', { name: '新建密钥' }).click();
  const key = (await page.getByTestId('new-key').locator('code').textContent())!.trim();
  expect(key).toMatch(/^cl_/);
  await expect(page.getByRole('table')).toContainText('12345 政务服务便民热线平台');
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/api-keys-1280.png`, fullPage: true });

  const res = await request.post('/open311/v2/requests.xml', {
    multipart: {
      api_key: key, service_code: 'exposed_garbage', address_string: '江城区东风二路 12 号', description: '东风二路垃圾堆放，热线转办',
      first_name: '小红', last_name: '陈', phone: '13800004321', 'attribute[hotline_ticket]': 'RX-2026-000123',
      'attribute[caller_area]': '江城区', 'attribute[publish_photos]': 'true', media_url: 'https://example.org/photo.jpg',
      media: { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg(21.8711, 111.9611) },
    },
  });
  expect(res.status()).toBe(201);
  const no = /<service_request_id>([^<]+)<\/service_request_id>/.exec(await res.text())![1]!;
  const comment = await request.post('/open311/v2/servicerequestupdates.json', {
    form: { api_key: key, service_request_id: no, update_id_ext: 'c-1', description: '来电人补充：垃圾旁还有一袋建筑垃圾', status: 'OPEN', email: 'chen.caller@example.org' },
  });
  expect(comment.status()).toBe(201);

  await page.goto(`/staff/cases/${no}`);
  await expect(page.getByTestId('channel')).toContainText('热线');
  await expect(page.getByTestId('channel')).toContainText('12345 政务服务便民热线平台');
  await expect(page.getByTestId('attributes')).toContainText('RX-2026-000123');
  const entry = page.locator('[data-testid="case-log"] li[data-action="comment"]');
  await expect(entry).toContainText('来电人补充');
  await expect(entry).toContainText('未公开');
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/open311-case-1280.png`, fullPage: true });

  // Accepted, then the comment published: the public page shows both the photo (consent given) and the comment.
  const accept = page.locator('details.case-action', { has: page.locator('summary', { hasText: '受理立案' }) });
  await accept.locator('summary').click();
  await accept.getByRole('button', { name: '受理立案', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('已完成：受理立案');
  await entry.getByRole('button', { name: '公开此补充说明' }).click();
  await expect(page.getByRole('status')).toContainText('已完成：公开此补充说明');
  await expect(entry).not.toContainText('未公开');

  const phone = await admin(browser, 390);
  await phone.goto(`/staff/cases/${no}`);
  await phone.screenshot({ path: `${SHOTS}/open311-case-390.png`, fullPage: true });
  await phone.goto(`/en/staff/admin/api-keys`);
  await expectAccessible(phone);
  await phone.screenshot({ path: `${SHOTS}/api-keys-390-en.png`, fullPage: true });

  const publicPage = await request.get(`/reports/${no}`);
  const html = await publicPage.text();
  expect(html).toContain('垃圾旁还有一袋建筑垃圾');
  for (const secret of ['RX-2026-000123', '13800004321', 'chen.caller@example.org', '陈小红', 'example.org/photo.jpg']) expect(html).not.toContain(secret);
});

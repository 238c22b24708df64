import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';

// The reporter's contact details must not appear on any public page or API answer.
const NAME = '欧阳测试员';
const PHONE = '13712345601';
const EMAIL = 'privacy.probe@example.com';

test('a reporter’s name, phone and email appear on no public page, feed, export or API answer', async ({ page, request }) => {
  await page.goto('/report');
  await page.getByText('更多类别').click();
  await page.getByLabel('露天烧烤').check();
  const map = page.getByRole('region', { name: /地图/ });
  await expect(map.locator('.sch-road').first()).toBeAttached(); // Leaflet and the schematic city load lazily
  await map.click({ position: { x: 200, y: 140 } });
  await expect(page.getByText(/^已标注在.+附近$|^已在地图上标注位置$/)).toBeVisible();
  await page.getByLabel('问题描述', { exact: true }).fill(`人民广场夜里有人露天烧烤，电话 ${PHONE}`);
  await page.getByText('留下联系方式（选填）').click();
  await page.getByLabel('姓名').fill(NAME);
  await page.getByLabel('手机号码').fill(PHONE);
  await page.getByLabel('电子邮箱').fill(EMAIL);
  await page.getByRole('button', { name: '提交' }).click();
  const no = (await page.getByTestId('tracking-no').textContent())!;

  // Staff accept it (the console comes with the workflow issue), so it becomes public.
  const db = new Database('tests/.tmp/e2e-data/cityloop.sqlite');
  db.prepare(`update cases set state = 'accepted', accepted_at = ? where tracking_no = ?`).run(Date.now(), no);
  db.close();

  const urls = ['/', '/en/', '/report', '/en/report', '/track', '/api/categories', '/reports', '/en/reports',
    `/reports/${no}`, `/en/reports/${no}`, '/stats', '/en/stats', '/stats/quarterly', '/api-docs',
    `/feeds/cases/${no}.atom`, '/feeds/updates.atom', '/data/cases.csv', '/data/cases.geojson', '/open311/v2/requests.json',
    `/api/cases?per_page=100`,
    '/api/reports/nearby?category=open_bbq&lat=21.8585&lng=111.9822', `/api/places/suggest?q=${encodeURIComponent('人民广场')}`,
    '/api/places/near?lat=21.86&lng=111.979', '/api/places/map.geojson'];
  for (const url of urls) {
    const body = await (await request.get(url)).text();
    for (const secret of [NAME, PHONE, EMAIL]) expect(body, `${secret} on ${url}`).not.toContain(secret);
  }
  await page.goto(page.url()); // the reporter's own view shows the description masked
  await expect(page.locator('body')).toContainText('137****5601');
  await expect(page.locator('body')).not.toContainText(PHONE);
});

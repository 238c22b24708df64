import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectAccessible } from './axe.ts';

test('a resident opens the map, filters to 占道经营, and opens a fixed case with before/after photos', async ({ page }) => {
  await page.goto('/reports');
  await expect(page.getByRole('region', { name: /问题分布地图/ }).locator('.leaflet-marker-icon, path.leaflet-interactive').first()).toBeAttached();
  await expect(page.getByText(/^共 \d+ 件$/)).toBeVisible();
  await page.getByLabel('问题类别').selectOption({ label: '占道经营' });
  await page.getByLabel('办理状态').selectOption({ label: '已办结' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/category=street_vending/);
  const cards = page.locator('.case-list li');
  await expect(cards.first()).toContainText('占道经营');
  await expect(cards.first()).toContainText('已办结');
  for (const card of await cards.all()) await expect(card).toContainText('占道经营');
  await expectAccessible(page);

  // The first fixed street-vending case whose reporter agreed to publish photos.
  const links = await cards.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  for (const href of links) {
    await page.goto(href);
    if (await page.getByRole('img', { name: '处置前 1' }).count()) break;
  }
  await expect(page.getByRole('heading', { level: 1 })).toContainText('占道经营');
  await expect(page.getByRole('img', { name: '处置前 1' })).toBeVisible();
  await expect(page.getByRole('img', { name: '处置后 1' })).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('核查通过，已办结');
  await expect(page.getByTestId('due')).toHaveText(/处置单位按期处置|超期 \d+ (天|小时)处置完毕/);
  await expectAccessible(page);
});

test('the public list works without JavaScript, with paging', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/en/reports');
  await expect(page.getByText(/^\d+ reports$/)).toBeVisible();
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2&after=\d+\.\d+$/); // a cursor: the page starts after the last case shown
  await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();
  const second = await page.getByTestId('case-list').locator('li').first().textContent();
  await page.getByRole('link', { name: 'Next' }).click();
  await page.getByRole('link', { name: 'Previous' }).click();
  await expect(page).toHaveURL(/page=2&before=\d+\.\d+$/);
  await expect(page.getByTestId('case-list').locator('li').first()).toHaveText(second!);
  await page.getByRole('link', { name: 'Previous' }).click();
  await expect(page).toHaveURL(/\/en\/reports$/);
  await expect(page.getByText(/Page 1 of \d+/)).toBeVisible();
  await context.close();
});

test('an unknown case is 404; a case staff made non-public is 410', async ({ request }) => {
  expect((await request.get('/reports/YJ-20000101-0001')).status()).toBe(404);
  const db = new Database('tests/.tmp/e2e-data/cityloop.sqlite');
  const { tracking_no: no } = db.prepare(`select tracking_no from cases where state = 'rejected' and hidden = 0 limit 1`).get() as { tracking_no: string };
  expect((await request.get(`/reports/${no}`)).status()).toBe(200);
  db.prepare('update cases set hidden = 1, hidden_reason = ? where tracking_no = ?').run('e2e', no);
  db.close();
  const gone = await request.get(`/reports/${no}`);
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toContain('该问题已不再公开');
});

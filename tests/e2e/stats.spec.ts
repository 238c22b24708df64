import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';

// The last complete quarter (2026-Q3 on the demo's day): the demo city covers the six months before today.
function lastQuarter(now = new Date()): string {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const q = Math.floor(local.getUTCMonth() / 3); // this quarter, 0-based
  return q === 0 ? `${local.getUTCFullYear() - 1}-Q4` : `${local.getUTCFullYear()}-Q${q}`;
}
const QUARTER = lastQuarter();

async function checkBothWidths(page: Page) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
  }
}

test('/stats renders in Chinese and English, with the trend as a chart and a table, accessibly', async ({ page }) => {
  await page.goto('/stats');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('数据统计');
  await expect(page.getByRole('heading', { name: /总体情况 · \d{4}年第[一二三四]季度/ })).toBeVisible();
  await expect(page.getByRole('img', { name: '每周收到的反映及其中已办结的数量' })).toBeVisible();
  await expect(page.locator('#trend-table tbody tr').first()).toBeAttached();
  await page.getByText('查看每周数据表').click();
  await expect(page.getByRole('table', { name: /每周收到的反映/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /各处置单位办理情况/ }).getByRole('row', { name: /执法队/ })).toBeVisible();
  await checkBothWidths(page);

  await page.goto('/en/stats');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistics');
  await expect(page.getByRole('img', { name: /Reports received each week/ })).toBeVisible();
  await expect(page.locator('#trend-table')).toBeAttached();
  await checkBothWidths(page);
});

test(`the quarterly report ${QUARTER} renders in the seed's words, in Chinese and English, and prints without the navigation`, async ({ page }) => {
  await page.goto('/stats/quarterly');
  await expect(page.getByTestId('quarters').getByRole('listitem').first()).toContainText('截至今日');
  await page.goto(`/stats/quarterly/${QUARTER}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^阳江市城市管理和综合执法局关于\d{4}年第[一二三四]季度城市管理问题办理情况的通报$/);
  await expect(page.getByTestId('s-overview').locator('p').first()).toHaveText(/共收到群众反映问题\d+宗，受理立案\d+宗，已办结\d+宗.*其中环卫中心处置暴露垃圾\d+宗/);
  await expect(page.getByRole('heading', { name: '二、各单位处置情况' })).toBeVisible();
  await checkBothWidths(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.goto(`/en/stats/quarterly/${QUARTER}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Report of the Yangjiang Urban Management and Law Enforcement Bureau on the Handling of Urban Management Problems in the (first|second|third|fourth) quarter of \d{4}$/);
  await expect(page.getByTestId('s-overview').locator('p').first()).toHaveText(/^In the (first|second|third|fourth) quarter of \d{4}, the Urban Management and Law Enforcement Bureau received \d+ reports/);
  await checkBothWidths(page);
  expect((await page.request.get('/stats/quarterly/2999-Q1')).status()).toBe(404);
});

test('a figure links to the /reports list of exactly its cases; the period chooser works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false }); // the list's server-rendered total, not the map's
  const page = await context.newPage();
  await page.goto(`/stats?period=${QUARTER}`);
  const closed = page.getByRole('table', { name: /各问题类别|各类问题办理情况/ }).getByRole('row', { name: /占道经营/ }).getByRole('cell').nth(3).getByRole('link'); // 办结
  const n = await closed.innerText();
  await closed.click();
  await expect(page).toHaveURL(/\/reports\?.*category=street_vending/);
  await expect(page).toHaveURL(/status=fixed/);
  await expect(page.getByText(`共 ${n} 件`)).toBeVisible();
  await expect(page.locator('.case-list li').first()).toContainText('占道经营');

  await page.goto(`/stats?period=${QUARTER}`);
  const late = page.getByTestId('indicators').locator('a[href*="flag=missed"]'); // 未按期结案
  const m = await late.innerText();
  await late.click();
  await expect(page).toHaveURL(/flag=missed/);
  await expect(page.getByText(`共 ${m} 件`)).toBeVisible();

  await page.goto('/stats');
  await page.getByLabel('季度', { exact: true }).selectOption(QUARTER);
  await page.getByRole('button', { name: '查看' }).first().click();
  await expect(page).toHaveURL(new RegExp(`period=${QUARTER}`));
  await page.getByLabel('开始日期').fill('2026-09-01');
  await page.getByLabel('结束日期').fill('2026-09-07');
  await page.getByRole('button', { name: '查看' }).nth(1).click();
  await expect(page.getByRole('heading', { name: '总体情况 · 2026-09-01 至 2026-09-07' })).toBeVisible();
  await context.close();
});

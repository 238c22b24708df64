import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectAccessible } from './axe.ts';
import { staffPage } from './staff.ts';

// The e2e server's database (playwright.config.ts: DATA_DIR=tests/.tmp/e2e-data), read to know what the list must hold.
const db = () => new Database('tests/.tmp/e2e-data/cityloop.sqlite', { readonly: true });

test('with JavaScript, the list pages on to the last matching case, address-only cases included, each with a status chip', async ({ page }) => {
  const d = db();
  const publicStates = "('accepted','rejected','duplicate','dispatched','in_progress','on_hold','resolved','closed')";
  const where = `state in ${publicStates} and hidden = 0 and category_id = 'street_vending'`;
  const total = (d.prepare(`select count(*) n from cases where ${where}`).get() as { n: number }).n;
  const last = (d.prepare(`select tracking_no no from cases where ${where} order by created_at asc, id asc limit 1`).get() as { no: string }).no;
  const noPin = (d.prepare(`select tracking_no no from cases where ${where} and lat is null limit 1`).get() as { no: string } | undefined)?.no;
  d.close();
  expect(total).toBeGreaterThan(20); // more than one page
  expect(noPin).toBeTruthy();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/reports?category=street_vending');
  await expect(page.getByText(new RegExp(`^共 ${total} 件$`))).toBeVisible();
  const items = page.getByTestId('case-list').locator('li');
  const more = page.getByTestId('more');
  await expect(more).toBeVisible(); // once the list's script runs
  while (await more.isVisible()) {
    const n = await items.count();
    await more.click();
    await expect(items).not.toHaveCount(n);
  }
  await expect(items).toHaveCount(total);
  await expect(items.last()).toContainText(last);
  await expect(items.filter({ hasText: noPin! })).toContainText('未标注地图位置');
  await expect(items.first().locator('.state')).toBeVisible();
  await expect(page.locator('.pager')).toHaveCount(0); // "show more" replaces the paging links
  await expectAccessible(page);
});

test('a case page: photo pairs, the unit’s time and the verification apart, 我也遇到 and the follow link', async ({ page }) => {
  const d = db();
  const closed = (d.prepare(`select c.tracking_no no from cases c where c.state = 'closed' and c.hidden = 0 and c.publish_photos = 1
    and exists (select 1 from case_photos p where p.case_id = c.id and p.kind = 'before') and exists (select 1 from case_photos p where p.case_id = c.id and p.kind = 'after')
    order by c.created_at desc limit 1`).get() as { no: string }).no;
  const open = (d.prepare(`select tracking_no no from cases where state in ('dispatched','in_progress') and hidden = 0 order by created_at desc limit 1`).get() as { no: string }).no;
  d.close();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/reports/${closed}`);
    await expect(page.getByTestId('photo-pairs').getByRole('img', { name: '处置前 1' })).toBeVisible();
    await expect(page.getByTestId('photo-pairs').getByRole('img', { name: '处置后 1' })).toBeVisible();
    await expect(page.getByTestId('unit-time')).toHaveText(/^受理立案 → 处置完毕 约 [\d.]+ (小时|天)$/);
    await expect(page.getByTestId('verify-time')).toHaveText(/^处置完毕 → 核查结案 约 [\d.]+ (小时|天)$/);
    await expect(page.getByTestId('due')).toHaveText(/处置单位按期处置|超期 \d+ (天|小时)处置完毕/);
    await expect(page.getByTestId('follow')).toHaveAttribute('href', `/feeds/cases/${closed}.atom`);
    await expectAccessible(page);
    await page.goto(`/en/reports/${closed}`);
    await expectAccessible(page);
  }
  await page.goto(`/reports/${open}`);
  await page.getByTestId('me-too').click();
  await expect(page.getByRole('status')).toHaveText(/已记录，感谢您的关注|您已表示过关注/);
  await expect(page.getByTestId('supporters')).toBeVisible();
  await expectAccessible(page);
});

test('/stats and the quarterly report read on a phone and on a desktop, in both languages', async ({ page }) => {
  test.setTimeout(480_000); // eight axe runs over long pages on a shared 2-core machine
  for (const lang of ['', '/en']) {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${lang}/stats`);
      await expect(page.getByTestId('handle-rate')).toBeVisible();
      await expect(page.getByTestId('median')).toContainText(lang ? /about [\d.]+ (hours|days)/ : /约 [\d.]+ (小时|天)/);
      await expect(page.locator('.chart.bars svg')).toBeVisible();
      await expect(page.getByTestId('channels')).toBeVisible();
      // No header broken into one character per line: every header cell is at least two characters wide.
      const narrow = await page.locator('#units thead th').evaluateAll((ths) => ths.filter((th) => th.getBoundingClientRect().width < 28).length);
      expect(narrow).toBe(0);
      await expectAccessible(page);
      if (!lang) await page.screenshot({ path: `tests/.tmp/shots/stats-${width}.png`, fullPage: true });
      await page.goto(`${lang}/stats/quarterly/2026-Q3`);
      await expect(page.getByTestId('preview-notice')).toBeVisible();
      await expect(page.getByTestId('issuer')).toBeVisible();
      await expectAccessible(page);
      if (!lang) await page.screenshot({ path: `tests/.tmp/shots/quarterly-${width}.png`, fullPage: true });
    }
  }
  await page.goto('/reports');
  await page.screenshot({ path: 'tests/.tmp/shots/reports-1280.png' });
});

test('the staff page that prepares a quarter\'s 通报 reads at 390 and 1280 in both languages, axe clean', async ({ browser }) => {
  for (const width of [390, 1280]) {
    const page = await staffPage(browser, 'dispatcher', { viewport: { width, height: 900 } });
    for (const [lang, title] of [['', '季度通报'], ['/en', 'Quarterly reports']] as const) {
      await page.goto(`${lang}/staff/quarterly`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.getByRole('navigation').first()).toBeVisible();
      await expectAccessible(page);
    }
    await page.context().close();
  }
});

import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { staffPage } from './staff.ts';
import { pageWeight } from '../helpers/page-weight.ts';

const DESKTOP = { width: 1280, height: 800 };
const scrollHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

// The "done when", desktop, Chinese, on the demo city: the dispatcher's morning.
test('a dispatcher merges a duplicate found by address, issues a 督办, and accepts and dispatches 30+ new cases at once', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await staffPage(browser, 'dispatcher', { viewport: DESKTOP });
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('navigation', { name: '工作台导航' })).toContainText('工作台案件督办申请审批统计');
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0); // not the public menu

  // The front page: each unit's overdue count.
  const overdue = page.getByTestId('overdue-by-unit');
  for (const unit of ['环卫中心', '路灯中心', '市政管理中心', '园林管理中心', '执法队']) await expect(overdue).toContainText(unit);
  await expect(overdue.locator('li strong')).toHaveCount(await overdue.locator('li').count());

  // A report typed 人民广场东门 without a pin: its duplicate (人民广场东侧, also waiting) is offered by address, merged in one click.
  const row = page.locator('[data-testid="queue-row"]', { hasText: '人民广场东门' });
  const no = (await row.getAttribute('data-no'))!;
  await row.getByRole('link', { name: `查看 ${no}` }).click();
  const pane = page.getByTestId('case-pane');
  await expect(pane).toBeVisible();
  const candidate = pane.locator('[data-candidate]', { hasText: '地址相近' }).filter({ hasText: '人民广场东侧' });
  await expect(candidate).toHaveCount(1);
  const target = (await candidate.getAttribute('data-candidate'))!;
  const paneBox = (await pane.boundingBox())!;
  expect(paneBox.x).toBeGreaterThan(600); // the split view: the case beside the list
  await candidate.getByRole('button', { name: `合并到 ${target}` }).click();
  await expect(page.getByRole('status')).toContainText(`${no} 已完成：合并`);
  await expect(page.locator(`[data-testid="queue-row"][data-no="${no}"]`)).toHaveCount(0);

  // 督办: the first overdue case, with a note; it shows in the case log for staff.
  await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '督办' }).click();
  const late = page.getByTestId('supervise-table').locator('tbody tr').filter({ hasText: '超期' }).first();
  const lateNo = (await late.getAttribute('data-no'))!;
  await late.getByText(`督办 ${lateNo}`).click();
  await late.getByLabel('督办意见（发给处置单位，仅工作人员可见）').fill('已超期，请今日内处置完毕并上传处置照片');
  await late.getByRole('button', { name: '督办', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`${lateNo} 已督办`);
  await expect(page.locator(`tr[data-no="${lateNo}"]`)).toContainText('已督办 1 次');
  await page.goto(`/staff/cases/${lateNo}`);
  await expect(page.getByTestId('case-log')).toContainText('已超期，请今日内处置完毕并上传处置照片');

  // Select-all and the bulk bar: accept and dispatch every waiting report (the default action) in two clicks.
  await page.goto('/staff');
  const rows = page.locator('[data-testid="queue-row"]');
  const waiting = await rows.count();
  expect(waiting).toBeGreaterThanOrEqual(30);
  const height = await scrollHeight(page);
  const bar = page.locator('[data-bulk-bar]');
  await page.mouse.wheel(0, 3000);
  await expect(bar).toBeInViewport(); // pinned at the top while the list scrolls
  let clicks = 0;
  await bar.getByRole('link', { name: /全选/ }).click(); clicks++;
  await expect(page.locator('input[name="sel"]:checked')).toHaveCount(waiting);
  await expect(bar.getByLabel('对勾选的案件')).toHaveValue('dispatch');
  await bar.getByRole('button', { name: '执行', exact: true }).click(); clicks++;
  const status = page.getByRole('status');
  await expect(status).toContainText('件已完成');
  const done = Number((await status.locator('p').first().textContent())!.match(/(\d+) 件已完成/)![1]);
  expect(done).toBeGreaterThanOrEqual(30);
  console.log(`triage of ${done} of ${waiting} waiting reports: ${clicks} clicks; queue page ${height} px tall at 1280 px`);
  // Whatever could not be dispatched (a category without a default unit) is listed with its reason and stays.
  await expect(rows).toHaveCount(waiting - done);
});

test('the console pages are accessible at 390 and 1280 px in Chinese and English', async ({ browser }) => {
  test.setTimeout(240_000);
  for (const viewport of [{ width: 390, height: 844 }, DESKTOP]) {
    const page = await staffPage(browser, 'admin', { viewport });
    for (const lang of ['', '/en']) {
      for (const path of ['/staff', '/staff/supervise', '/staff/admin/phrases', '/staff/cases?state=submitted']) {
        await page.goto(lang + path);
        await expectAccessible(page);
      }
      // the queue with a case open beside it
      const first = page.locator('[data-testid="queue-row"] [data-open]').first();
      await page.goto(lang + '/staff');
      if (await first.count()) {
        await first.click();
        await expectAccessible(page);
      }
    }
    await page.context().close();
  }
});

test('without JavaScript: select-all is a link, the bulk bar is a form, ready phrases leave the form working', async ({ browser }) => {
  const page = await staffPage(browser, 'dispatcher', { viewport: DESKTOP, javaScriptEnabled: false });
  await page.goto('/staff?sort=new');
  await page.getByRole('link', { name: /全选/ }).click();
  await expect(page).toHaveURL(/all=1/);
  const checked = await page.locator('input[name="sel"]:checked').count();
  expect(checked).toBe(await page.locator('input[name="sel"]').count());
  await page.getByRole('link', { name: /取消全选/ }).click();
  await expect(page.locator('input[name="sel"]:checked')).toHaveCount(0);
  // A reject without a reason is refused per case and reported, nothing changes.
  const first = page.locator('input[name="sel"]').first();
  if (await first.count()) {
    await first.check();
    await page.getByLabel('对勾选的案件').selectOption('reject');
    await page.getByRole('button', { name: '执行', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('0 件已完成');
    await expect(page.getByRole('status')).toContainText('请填写公开说明');
  }
});

test('the console pages stay within the page-weight budget (no map: JS ≤ 15 KB, CSS ≤ 15 KB gzip)', async ({ browser }) => {
  const page = await staffPage(browser, 'admin', { viewport: DESKTOP });
  for (const path of ['/staff', '/staff/cases', '/staff/supervise', '/staff/admin/phrases']) {
    await page.goto(path);
    const w = pageWeight(await page.content());
    console.log(`${path}: JS ${w.jsKB} KB, CSS ${w.cssKB} KB gzip`);
    expect(w.jsKB, `JS KB on ${path}`).toBeLessThanOrEqual(15);
    expect(w.cssKB, `CSS KB on ${path}`).toBeLessThanOrEqual(15);
  }
});

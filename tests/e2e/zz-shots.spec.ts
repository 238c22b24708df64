import { test } from '@playwright/test';
import { staffPage } from './staff.ts';
test('shots', async ({ browser }) => {
  test.setTimeout(200_000);
  for (const width of [390, 1280]) {
    const page = await staffPage(browser, 'admin', { viewport: { width, height: 900 } });
    for (const [name, path] of [['queue', '/staff'], ['supervise', '/staff/supervise'], ['phrases', '/staff/admin/phrases'], ['cases', '/staff/cases']]) {
      await page.goto(path);
      await page.screenshot({ path: `/tmp/console-shots/${name}-${width}.png`, fullPage: name !== 'queue' && name !== 'cases' });
    }
    await page.goto('/staff');
    const dup = page.locator('[data-testid="queue-row"]', { hasText: '人民广场东门' }).locator('[data-open]');
    await dup.click();
    await page.screenshot({ path: `/tmp/console-shots/pane-${width}.png` });
    const no = await page.locator('[data-testid="queue-row"] [data-open]').first().textContent();
    await page.goto(`/staff/cases/${no!.trim()}`);
    await page.locator('details.case-action summary').first().click();
    await page.screenshot({ path: `/tmp/console-shots/case-${width}.png`, fullPage: true });
    await page.context().close();
  }
});

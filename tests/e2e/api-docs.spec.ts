import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';

for (const [path, h1, op] of [['/api-docs', '开放接口说明', '提交问题'], ['/en/api-docs', 'Open API', 'File a report']] as const) {
  for (const width of [390, 1280]) {
    test(`the API docs page ${path} renders the OpenAPI document without scripts, accessibly, at ${width} px`, async ({ page }) => {
      test.setTimeout(120_000); // a long page: axe takes a while
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
      await expect(page.locator('#postApiReports')).toContainText(op);
      await expect(page.locator('#getOpen311V2RequestsFormat')).toContainText('service_request_id');
      expect(await page.locator('script').count()).toBe(0);
      const t0 = Date.now();
      await expectAccessible(page);
      console.log(`axe ${path} ${width}: ${Date.now() - t0} ms`);
    });
  }
}

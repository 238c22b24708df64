import { test } from '@playwright/test';
import { expectAccessible } from './axe.ts';

const PAGES = ['/', '/report', '/track', '/track?no=YJ-20200101-0001&code=AAAAAAAA', '/reports', '/reports?status=fixed&page=2', '/no-such-page'];

for (const width of [390, 1280]) {
  for (const lang of ['', '/en']) {
    test(`axe finds no WCAG 2.2 AA violations at ${width} px in ${lang ? 'English' : 'Chinese'}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      for (const path of PAGES) {
        await page.goto(lang + path);
        await expectAccessible(page);
      }
    });
  }
}

test('the report form with errors shown, and a followed report, are accessible', async ({ page }) => {
  await page.goto('/report');
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('alert').waitFor();
  await expectAccessible(page);
  await page.getByText('更多类别').click();
  await expectAccessible(page); // every kind shown
  await page.getByLabel('暴露垃圾').check();
  await page.getByRole('region', { name: /地图/ }).click({ position: { x: 150, y: 120 } });
  await page.getByLabel('地点', { exact: true }).pressSequentially('人民', { delay: 30 });
  await page.locator('.suggestion').first().waitFor();
  await expectAccessible(page); // suggestions open
  await page.getByLabel('问题描述', { exact: true }).fill('垃圾落地');
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByTestId('tracking-no').waitFor();
  await expectAccessible(page);
});

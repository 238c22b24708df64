import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';

for (const [lang, prefix, link, heading] of [['zh', '', '隐私政策', '保存多久'], ['en', '/en', 'Privacy notice', 'How long it is kept']] as const) {
  test(`the privacy notice (${lang}) is linked from the report form's contact details and says how long they are kept`, async ({ page }) => {
    await page.goto(`${prefix}/report`);
    await page.locator('details.contact > summary').click(); // contact details are folded away until the resident opens them
    await page.locator('#contact-hint').getByRole('link', { name: link }).click();
    await expect(page).toHaveURL(new RegExp(`${prefix}/privacy$`));
    await expect(page.getByRole('heading', { level: 1, name: link === '隐私政策' ? '隐私政策' : 'Privacy notice' })).toBeVisible();
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expect(page.locator('main')).toContainText(/180/);
    await expectAccessible(page);
    if (lang === 'zh') {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `tests/.tmp/e2e-results/privacy-${width}.png`, fullPage: true });
      }
    }
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the report form still links the privacy notice', async ({ page }) => {
    await page.goto('/report');
    await page.locator('details.contact > summary').click(); // <details> opens without JavaScript too
    await expect(page.locator('#contact-hint').getByRole('link', { name: '隐私政策' })).toHaveAttribute('href', '/privacy');
  });
});

import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

// The e2e server seeds the demo staff with DEMO_PASSWORD (playwright.config.ts).
export const DEMO_PASSWORD = 'demo-password-2026';

/** A demo staff member signed in through the Chinese login form, in a browser context of their own. */
export async function staffPage(browser: Browser, username: string, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const page = await context.newPage();
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  return page;
}

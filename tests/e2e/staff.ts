import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';

// The e2e server seeds the demo staff with DEMO_PASSWORD (playwright.config.ts).
export const DEMO_PASSWORD = 'demo-password-2026';

/** The demo accounts the specs use, signed in once per run by staff.setup.ts (one argon2 check each, not one per test). */
export const SHARED_SIGN_INS = ['admin', 'dispatcher', 'sanitation'];
export const signInFile = (username: string) => `tests/.tmp/e2e-sign-ins/${username}.json`;

/** Signs in through the Chinese login form; the page is left where the console sends that role. */
export async function signIn(page: Page, username: string) {
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}

/**
 * A demo staff member signed in, in a browser context of their own, on the page the console opens after signing in.
 * The shared accounts reuse the session staff.setup.ts saved (no spec signs them out or changes their password).
 */
export async function staffPage(browser: Browser, username: string, options: BrowserContextOptions): Promise<Page> {
  const saved = signInFile(username);
  const shared = SHARED_SIGN_INS.includes(username) && existsSync(saved);
  const landing = shared ? (JSON.parse(readFileSync(saved, 'utf8')) as { landing: string }).landing : null;
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options, ...(shared ? { storageState: saved } : {}) });
  const page = await context.newPage();
  if (landing) await page.goto(landing);
  // Run without the setup project (--no-deps) the saved session may be from an older server: sign in then.
  if (!landing || new URL(page.url()).pathname === '/staff/login') await signIn(page, username);
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  return page;
}

import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expectAccessible } from './axe.ts';

// The demo admin of the e2e server (playwright.config.ts sets DEMO_PASSWORD).
const ADMIN = { username: 'admin', password: 'demo-password-2026' };
// Signed in: the console, wherever /staff sends this role (the queue, or a unit's cases).
const CONSOLE = /\/staff(?:\/(?!login|two-factor|account)[\w/-]*)?(?:\?.*)?$/;
const ADMIN_PAGES = ['/staff/admin', '/staff/admin/units', '/staff/admin/categories', '/staff/admin/categories?edit=bare_soil',
  '/staff/admin/staff', '/staff/admin/staff?edit=1', '/staff/admin/audit', '/staff/account', '/staff/logout'];

async function signIn(page: Page, username: string, password: string, lang: '' | '/en' = '') {
  await page.goto(`${lang}/staff/login`);
  await page.getByLabel(lang ? 'Username' : '用户名').fill(username);
  await page.getByLabel(lang ? 'Password' : '密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: lang ? 'Sign in' : '登录', exact: true }).click();
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the demo admin signs in, finds the admin pages, and signs out', async ({ page, context }) => {
    await signIn(page, ADMIN.username, 'not the password');
    await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
    await expect(page.getByLabel('用户名')).toHaveValue('admin');

    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(CONSOLE);
    const cookie = (await context.cookies()).find((c) => c.name === 'cl_staff')!;
    expect([cookie.httpOnly, cookie.sameSite, cookie.path]).toEqual([true, 'Lax', '/']);

    await page.goto('/staff/admin');
    await expect(page.getByRole('heading', { level: 1, name: '系统管理' })).toBeVisible();
    for (const [link, heading] of [['处置单位', '处置单位'], ['问题类别', '问题类别'], ['工作人员账号', '工作人员账号'], ['审计日志', '审计日志']]) {
      await page.getByRole('navigation', { name: '系统管理导航' }).getByRole('link', { name: link }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    }
    await expect(page.getByRole('table')).toContainText('登录');

    // A unit form sent empty comes back with its errors, then a unit is added.
    await page.goto('/staff/admin/units');
    await page.getByRole('button', { name: '新增单位' }).click();
    await expect(page.getByRole('alert')).toContainText('请填写名称。');
    await page.getByLabel('单位代码').fill('e2e-water');
    await page.getByLabel('中文名称').fill('水务中心');
    await page.getByLabel('英文名称').fill('Water Centre');
    await page.getByRole('button', { name: '新增单位' }).click();
    await expect(page.getByRole('status')).toHaveText('已新增。');
    await expect(page.getByRole('table')).toContainText('水务中心');

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/staff\/login\?bye=1$/);
    await expect(page.getByRole('status')).toHaveText('您已安全退出登录。');
    await page.goto('/staff/admin');
    await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff%2Fadmin$/);
  });
});

test('with JavaScript, in English: an admin creates an account, which turns on two-factor and signs in with a code', async ({ page, browser }) => {
  await signIn(page, ADMIN.username, ADMIN.password, '/en');
  await page.waitForURL(CONSOLE);
  await page.goto('/en/staff/admin/staff');
  const username = `e2e.${Date.now() % 1e6}`;
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Name', { exact: true }).fill('E2E 测试员');
  await page.getByLabel('Role').selectOption('handler');
  await page.getByLabel('Unit', { exact: true }).selectOption('sanitation');
  await page.getByRole('button', { name: 'Create account' }).click();
  const password = (await page.getByTestId('new-password').locator('code').textContent())!.trim();
  expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

  // The CSV export of what just happened opens in Excel: BOM first.
  const csv = await page.request.get('/api/staff/admin/audit.csv?lang=en&action=staff.create');
  expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect((await csv.text()).replace(/^\ufeff/, '').split('\r\n')[0]).toBe('time,account,action code,action,object,detail,IP address');

  // The new handler, in a browser of their own.
  const own = await browser.newContext();
  const phone = await own.newPage();
  await signIn(phone, username, password, '/en');
  await phone.goto('/en/staff/account');
  const secret = (await phone.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  await phone.getByLabel('Code').fill(totp.generate());
  await phone.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
  await expect(phone.getByRole('status')).toHaveText('Two-factor authentication is on.');
  await phone.getByRole('button', { name: 'Sign out' }).click();

  await signIn(phone, username, password, '/en');
  await expect(phone).toHaveURL(/\/en\/staff\/two-factor$/);
  await expect(phone.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
  await expectAccessible(phone);
  await phone.goto('/en/staff/admin');
  await expect(phone, 'no console before the code').toHaveURL(/\/en\/staff\/two-factor$/);
  await phone.getByLabel('Code').fill(totp.generate());
  await phone.getByRole('button', { name: 'Verify' }).click();
  await phone.waitForURL(CONSOLE);
  await phone.goto('/en/staff/admin');
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await own.close();
});

for (const width of [390, 1280]) {
  for (const lang of ['', '/en'] as const) {
    test(`sign-in and admin pages pass axe at ${width} px in ${lang ? 'English' : 'Chinese'}`, async ({ page }) => {
      test.setTimeout(150_000); // eleven pages, each checked by axe
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, `nobody-${width}${lang}`, 'not a password', lang); // an unknown name: no account gets closer to a lock
      await expect(page.getByRole('alert')).toBeVisible();
      await expectAccessible(page);
      await signIn(page, ADMIN.username, ADMIN.password, lang);
      await page.waitForURL(CONSOLE);
      for (const path of ADMIN_PAGES) {
        await page.goto(lang + path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectAccessible(page);
      }
      await page.goto(`${lang}/staff/admin/units`);
      await page.getByRole('button', { name: lang ? 'Add unit' : '新增单位' }).click();
      await expect(page.getByRole('alert')).toBeVisible(); // a form that came back with its errors
      await expectAccessible(page);
    });
  }
}

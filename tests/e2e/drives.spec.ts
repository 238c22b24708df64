import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { staffPage } from './staff.ts';
import { plainPng } from '../helpers/images.ts';

// The e2e server seeds the demo city (its Friday drive at 沿江南社区) and the demo staff (./staff.ts).
let phoneSeq = Date.now() % 100_000_000;
const newPhone = () => `137${String(phoneSeq++).padStart(8, '0').slice(-8)}`;

async function signUp(page: Page, name: string, phone: string) {
  await page.getByLabel('姓名 *').fill(name);
  await page.getByLabel('手机号码 *').fill(phone);
  await page.getByLabel('18 周岁及以上').check();
  await page.getByLabel(/我已阅读并同意/).check();
  await page.getByRole('button', { name: /提交报名|报名候补/ }).click();
  await expect(page.getByTestId('signup-done')).toBeVisible();
  return { code: (await page.getByTestId('confirmation-code').textContent())!.trim(), url: page.url() };
}

const staffPageAt = (browser: Browser, username: string) => staffPage(browser, username, { viewport: { width: 390, height: 844 } });

test('a resident finds Friday’s drive, signs up, sees the code, adds it to the calendar and cancels', async ({ page }) => {
  await page.goto('/drives');
  await expectAccessible(page);
  const card = page.getByTestId('drive-card').filter({ hasText: '周五' }).filter({ hasText: '剩余名额' }).first();
  await card.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('沿江南社区周五志愿清洁');
  await expectAccessible(page);
  const phone = newPhone();
  const drivePath = new URL(page.url()).pathname;
  const { code } = await signUp(page, '周志愿', phone);
  for (const url of ['/drives', drivePath, `/en${drivePath}`, '/api/drives']) {
    const body = await (await page.request.get(url)).text();
    for (const secret of ['周志愿', phone, phone.slice(-4) + '</', code]) expect(body, `${secret} on ${url}`).not.toContain(secret);
  }
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
  await expect(page.getByTestId('signup-status')).toHaveText('报名成功');
  await expectAccessible(page);
  const ics = await page.request.get((await page.getByTestId('ics-link').getAttribute('href'))!);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const text = await ics.text();
  expect(text).toContain('DTSTART;TZID=Asia/Shanghai:');
  expect(text).toMatch(/T150000\r\n/);
  await page.getByRole('button', { name: '取消报名' }).click();
  await expect(page.getByTestId('signup-status')).toHaveText('已取消');
  expect(await (await page.request.get((await page.getByTestId('ics-link').getAttribute('href'))!)).text()).toContain('STATUS:CANCELLED');
});

test('without JavaScript the form signs up and re-shows errors; the English pages pass axe', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/drives');
  await page.getByTestId('drive-card').filter({ hasText: '剩余名额' }).first().getByRole('link').click();
  await page.getByLabel('姓名 *').fill('吴志愿');
  await page.getByLabel('手机号码 *').fill('12345');
  await page.getByLabel('14 周岁以下').check();
  await page.getByRole('button', { name: '提交报名' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('请输入 11 位中国大陆手机号码');
  await expect(alert).toContainText('未满 14 周岁');
  await expect(alert).toContainText('个人信息保护说明');
  await page.getByLabel('手机号码 *').fill(newPhone());
  await page.getByLabel('18 周岁及以上').check();
  await page.getByLabel(/我已阅读并同意/).check();
  await page.getByRole('button', { name: '提交报名' }).click();
  await expect(page.getByTestId('signup-done')).toHaveText('报名成功！');
  const en = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await en.goto('/en/drives');
  await expectAccessible(en);
  await en.getByTestId('drive-card').first().getByRole('link').click();
  await expect(en.getByRole('heading', { name: 'Sign up' })).toBeVisible();
  await expectAccessible(en);
  await en.goto('/en/volunteer');
  await expectAccessible(en);
  await en.goto('/en/volunteer/verify?no=ZY-20260101-AAAAAA');
  await expect(en.getByRole('alert')).toContainText('No record has this number');
  await expectAccessible(en);
  await context.close();
});

test('waitlist promotion, check-in, closing, hours, printed record and verification', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const local = new Date(Date.now() + 8 * 3600_000 + 50_000); // Shanghai wall clock, 50 s from now
  test.skip(local.getUTCHours() >= 21, 'the drive must end before midnight');
  local.setUTCSeconds(0, 0);
  local.setUTCMinutes(local.getUTCMinutes() + 1);
  const hhmm = (d: Date) => d.toISOString().slice(11, 16);
  const weekdayZh = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][local.getUTCDay()];

  // The sanitation unit's handler creates a weekly series starting today, with one place.
  const staff = await staffPageAt(browser, 'sanitation');
  // A hotspot sanitation is working on is linked: the drive will clean it up.
  const { items } = await (await staff.request.get('/api/staff/cases?state=in_progress&sort=old')).json();
  const hotspot: string = items.at(-1).trackingNo;
  await staff.goto('/staff/drives/new');
  await expectAccessible(staff);
  await staff.getByLabel('活动名称（中文） *').fill('江滨公园临时清洁');
  await staff.getByLabel('社区 *').fill('沿江南社区');
  await staff.getByLabel('集合地点 *').fill('江滨公园南门');
  await staff.getByLabel('每周').selectOption({ label: weekdayZh });
  await staff.getByLabel('开始时间 *').fill(hhmm(local));
  await staff.getByLabel('结束时间 *').fill(hhmm(new Date(local.getTime() + 2 * 3600_000)));
  await staff.getByLabel('首次日期 *').fill(local.toISOString().slice(0, 10));
  await staff.getByLabel('每场名额 *').fill('1');
  await staff.getByLabel('关联问题点位（案件编号）').fill(hotspot.toLowerCase());
  await staff.getByRole('button', { name: '创建' }).click();
  await expect(staff.getByRole('status')).toContainText('系列活动已创建');
  const rosterUrl = await staff.locator('tr').filter({ hasText: '江滨公园临时清洁' }).first().getByRole('link').getAttribute('href');
  const occId = rosterUrl!.split('/').pop();

  // Resident A takes the place; resident B is first on the waitlist; A cancels and B is promoted.
  await page.goto(`/drives/${occId}`);
  const a = await signUp(page, '甲志愿', newPhone());
  const second = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })).newPage();
  await second.goto(`/drives/${occId}`);
  const phoneB = newPhone();
  const b = await signUp(second, '乙志愿', phoneB);
  await expect(second.getByTestId('signup-status')).toHaveText('候补中 · 候补第 1 位');
  await page.goto(a.url.split('?')[0]);
  await page.getByRole('button', { name: '取消报名' }).click();
  await second.reload();
  await expect(second.getByTestId('signup-status')).toContainText('报名成功');
  await expect(second.getByTestId('signup-status')).toContainText('已由候补递补');

  // Staff check B in, and once the drive has started close it with B present.
  await staff.goto(rosterUrl!);
  await expectAccessible(staff);
  await staff.getByRole('button', { name: '签到 乙志愿' }).click();
  await expect(staff.getByRole('status')).toContainText('已签到');
  await expect.poll(async () => { await staff.reload(); return staff.getByRole('button', { name: '确认出勤并结束活动' }).count(); }, { timeout: 130_000, intervals: [5000] }).toBe(1);
  await expect(staff.getByRole('checkbox', { name: /乙志愿/ })).toBeChecked();
  // The linked hotspot was cleaned: resolved with the drive's public note and an after-photo, then it awaits 核查.
  await staff.getByRole('checkbox', { name: `已清理 ${hotspot}` }).check();
  await staff.getByLabel(`${hotspot} 处置后照片（可选）`).setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: await plainPng() });
  await expectAccessible(staff);
  await staff.screenshot({ path: 'test-results/drive-close-390.png', fullPage: true });
  await staff.getByRole('button', { name: '确认出勤并结束活动' }).click();
  await expect(staff.getByRole('status')).toContainText('出勤 1 人');
  await expect(staff.getByRole('status')).toContainText(`已标记清理的问题点位：${hotspot}`);
  const publicCase = await (await page.request.get(`/reports/${hotspot}`)).text();
  expect(publicCase).toContain('清理完成 — 江滨公园临时清洁');

  // B looks up the hours and prints the record; a school verifies it without seeing the name.
  await second.goto('/volunteer');
  await second.getByLabel('手机号码').fill(phoneB);
  await second.getByLabel('确认码').fill(b.code);
  await second.getByRole('button', { name: '查询' }).click();
  await expect(second.getByTestId('total-hours')).toHaveText('2 小时');
  await expectAccessible(second);
  await second.getByRole('button', { name: '打印证明' }).click();
  await expect(second.getByTestId('certificate')).toContainText('乙志愿');
  await expectAccessible(second);
  const pdf = await second.request.get((await second.getByTestId('pdf-link').getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const no = (await second.getByTestId('certificate-no').textContent())!;
  await second.goto(`/volunteer/verify?no=${no}`);
  await expect(second.getByTestId('verified')).toBeVisible();
  await expect(second.getByTestId('masked-name')).toHaveText('乙**');
  await expect(second.locator('main')).not.toContainText('乙志愿');
});

test('an organiser changes and stops a series without JavaScript; /drives shows meeting points on a map', async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await staffPage(browser, 'sanitation', { viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const nextWeek = new Date(Date.now() + 8 * 3600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
  await staff.goto('/staff/drives/new');
  await staff.getByLabel('活动名称（中文） *').fill('江城路临时清洁');
  await staff.getByLabel('社区 *').fill('沿江南社区');
  await staff.getByLabel('集合地点 *').fill('江城路口');
  await staff.getByLabel('首次日期 *').fill(nextWeek);
  await staff.getByRole('button', { name: '创建' }).click();
  await staff.locator('tr').filter({ hasText: '江城路临时清洁' }).first().getByRole('link').click();
  const occurrencePath = new URL(staff.url()).pathname;
  await staff.getByRole('link', { name: '修改或停止本系列活动' }).click();
  const seriesPath = new URL(staff.url()).pathname;
  const wide = await staffPage(browser, 'sanitation', { viewport: { width: 1280, height: 900 } }); // axe needs JavaScript
  await wide.goto(seriesPath);
  await expectAccessible(wide);
  await wide.screenshot({ path: 'test-results/series-edit-1280.png', fullPage: true });
  await staff.getByLabel('每场名额 *').fill('12');
  await staff.getByLabel('开始时间 *').fill('14:00');
  await staff.getByRole('button', { name: '保存' }).click();
  await expect(staff.getByRole('status')).toContainText(/已保存：更新 7 个场次，其中 0 个/);
  await staff.screenshot({ path: 'test-results/series-edit-390.png', fullPage: true });
  await staff.getByLabel('停止原因（公开）').fill('道路施工，暂停活动');
  await staff.getByRole('button', { name: '停止本系列活动' }).click();
  await expect(staff.getByRole('status')).toContainText('7 个场次已取消');
  const publicPage = await (await staff.request.get(occurrencePath.replace('/staff', ''))).text();
  expect(publicPage).toContain('道路施工，暂停活动');

  for (const [width, height, prefix, label] of [[390, 844, '', '集合地点地图'], [1280, 900, '', '集合地点地图'], [390, 844, '/en', 'Meeting points on the map']] as const) {
    const page = await (await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' })).newPage();
    await page.goto(`${prefix}/drives`);
    const map = page.getByRole('region', { name: label });
    await map.scrollIntoViewIfNeeded();
    await expect(map.locator('.leaflet-marker-icon').first()).toBeVisible();
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `/feeds/drives/upcoming.atom${prefix ? '?lang=en' : ''}`);
    await expectAccessible(page);
    await page.screenshot({ path: `test-results/drives${prefix.replace('/', '-')}-${width}.png`, fullPage: true });
  }
});

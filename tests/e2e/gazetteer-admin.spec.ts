import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { staffPage } from './staff.ts';

test('an admin keeps the gazetteer: finds, adds, edits and deletes a place; the page is accessible in zh and en at 390 and 1280', async ({ browser }) => {
  test.setTimeout(300_000); // axe over a 100-row table, four times
  const page = await staffPage(browser, 'admin', { viewport: { width: 390, height: 844 } });
  await page.goto('/staff/admin/places?q=人民');
  await expect(page.getByRole('table')).toContainText('人民广场');
  await expectAccessible(page);

  await page.goto('/staff/admin/places');
  await page.getByLabel('名称', { exact: true }).fill('江城口袋公园');
  await page.getByLabel('类型', { exact: true }).selectOption({ label: '地标' });
  await page.getByLabel('别名', { exact: true }).fill('口袋公园、小公园');
  await page.getByLabel('纬度', { exact: true }).fill('北纬21度');
  await page.getByLabel('经度', { exact: true }).fill('111.981');
  await page.getByRole('button', { name: '新增地名' }).click();
  await expect(page.locator('#lat-error')).toHaveText('请填写有效的纬度和经度（十进制度数）。');
  await expect(page.getByLabel('名称', { exact: true })).toHaveValue('江城口袋公园');
  await expectAccessible(page);
  await page.getByLabel('纬度', { exact: true }).fill('21.861');
  await page.getByRole('button', { name: '新增地名' }).click();
  await expect(page.getByRole('status')).toHaveText('已新增。');

  const suggest = await (await page.request.get(`/api/places/suggest?q=${encodeURIComponent('口袋公园')}`)).json();
  expect(suggest.items[0].name).toBe('江城口袋公园');

  await page.goto('/staff/admin/places?q=口袋公园');
  await page.getByRole('link', { name: '修改 江城口袋公园' }).click();
  await page.getByLabel('名称', { exact: true }).fill('江城区口袋公园');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText('已保存。');
  await page.goto('/staff/admin/places?q=口袋公园');
  await page.getByRole('button', { name: '删除“江城区口袋公园”' }).click();
  await expect(page.getByRole('status')).toHaveText('已删除。');
  expect((await (await page.request.get(`/api/places/suggest?q=${encodeURIComponent('口袋公园')}`)).json()).items).toEqual([]);

  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/staff/admin/places', '/en/staff/admin/places']) {
      await page.goto(path);
      await expectAccessible(page);
    }
  }
});

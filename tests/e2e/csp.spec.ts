import { expect, test } from '@playwright/test';
import { watchViolations } from './csp-violations.ts';

test('the islands (report form with its map, the reports map with clusters) run under the hash-based CSP header', async ({ page }) => {
  const violations = await watchViolations(page);
  const res = await page.goto('/report');
  expect(res!.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  const map = page.getByRole('region', { name: /地图/ });
  await expect(map.locator('.leaflet-tile-container, canvas, .sch-road').first()).toBeAttached();
  await page.goto('/reports');
  await expect(page.getByRole('region', { name: /问题分布地图/ }).locator('.leaflet-marker-icon, path.leaflet-interactive').first()).toBeAttached();
  await page.goto('/en/reports');
  await expect(page.locator('.leaflet-container')).toBeAttached();
  expect(violations).toEqual([]);
});

test('no page can be framed, not even by the portal itself', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => new Promise<void>((done) => {
    const f = document.createElement('iframe');
    f.src = '/reports';
    f.onload = () => done();
    document.body.append(f);
    setTimeout(done, 2000);
  }));
  const framed = await page.evaluate(() => { try { return document.querySelector('iframe')!.contentDocument?.body?.innerText ?? ''; } catch { return ''; } });
  expect(framed).not.toContain('问题');
});

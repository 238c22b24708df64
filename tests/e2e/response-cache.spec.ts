import { expect, test } from '@playwright/test';
import { watchViolations } from './csp-violations.ts';

test('a page served from the cache, compressed, still runs its islands under the hash-based CSP', async ({ page }) => {
  const violations = await watchViolations(page);
  for (const path of ['/reports', '/report', '/en/reports']) await page.request.get(path); // warm the cache
  const res = await page.goto('/reports');
  const headers = res!.headers();
  expect(headers['x-cache']).toBe('hit');
  expect(headers['content-encoding']).toBe('br');
  expect(headers['content-type']).toBe('text/html; charset=utf-8');
  expect(headers['content-security-policy']).toMatch(/script-src[^;]*'sha256-/);
  expect(headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  await expect(page.getByRole('region', { name: /问题分布地图/ }).locator('.leaflet-marker-icon, path.leaflet-interactive').first()).toBeAttached();

  const form = await page.goto('/report');
  expect(form!.headers()['x-cache']).toBe('hit');
  await expect(page.getByRole('region', { name: /地图/ }).locator('.leaflet-tile-container, canvas, .sch-road').first()).toBeAttached();

  const en = await page.goto('/en/reports');
  expect(en!.headers()['x-cache']).toBe('hit');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.leaflet-container')).toBeAttached();
  expect(violations).toEqual([]);
});

test('built scripts and styles come precompressed', async ({ page }) => {
  const assets: { url: string; encoding?: string; vary?: string }[] = [];
  page.on('response', (r) => { if (r.url().includes('/_astro/')) assets.push({ url: r.url(), encoding: r.headers()['content-encoding'], vary: r.headers()['vary'] }); });
  await page.goto('/reports');
  await expect(page.locator('.leaflet-container')).toBeAttached();
  expect(assets.length).toBeGreaterThan(0);
  for (const a of assets) {
    expect(a.encoding, a.url).toBe('br');
    expect(a.vary, a.url).toMatch(/Accept-Encoding/i);
  }
});

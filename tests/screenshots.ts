// Screenshots of the main pages at phone and desktop width, for people to look at: `npm run screenshots [-- URL]`.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { CHROMIUM } from '../playwright.config.ts';

const base = process.argv[2] ?? 'http://localhost:4321';
const pages = (process.env.PAGES ?? '/,/report,/track,/en/,/en/report').split(',');
mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch(CHROMIUM);
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  for (const path of pages) {
    await page.goto(base + path);
    await page.waitForTimeout(400);
    const name = (path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home') + `-${width}.png`;
    await page.screenshot({ path: `screenshots/${name}`, fullPage: true });
    console.log(`screenshots/${name}`);
  }
  await page.close();
}
await browser.close();

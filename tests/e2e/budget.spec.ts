import { expect, test } from '@playwright/test';
import { pageWeight } from '../helpers/page-weight.ts';

// The page-weight budget (gzip): JS ≤ 15 KB without a map, ≤ 90 KB with one (Leaflet included); CSS ≤ 15 KB.
const PAGES: [string, boolean][] = [['/', false], ['/track', false], ['/stats', false], ['/staff/login', false],
  ['/report', true], ['/reports', true], ['/drives', true]];

for (const [path, hasMap] of PAGES) {
  test(`${path} stays within the page-weight budget`, async ({ request }) => {
    const w = pageWeight(await (await request.get(path)).text());
    expect(w.jsKB, `JS KB on ${path}`).toBeLessThanOrEqual(hasMap ? 90 : 15);
    expect(w.cssKB, `CSS KB on ${path}`).toBeLessThanOrEqual(15);
  });
}

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * The one accessibility check every page test calls: WCAG 2.2 AA rules, no violations allowed.
 * Legacy mode runs axe.run() in the page itself: the same rules and results on our pages (they have no iframes, and
 * axe still checks same-origin ones), without the blank page the default mode opens per call to merge frame results
 * (a third of the time on a phone-sized page).
 */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).setLegacyMode().analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

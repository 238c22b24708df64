import type { Page } from '@playwright/test';

/** Collects every CSP violation the page reports (scripts, styles, images, frames). */
export async function watchViolations(page: Page) {
  const seen: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) seen.push(m.text()); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return seen;
}

import type { Page } from '@playwright/test';

/**
 * Waits until the page body has hydrated (components/lazy-pages.tsx marks `<html data-page-ready>`):
 * the server's HTML shows the data earlier, but a select changed or a canvas clicked before then is lost.
 */
export async function pageReady(page: Page): Promise<void> {
  await page.locator('html[data-page-ready]').waitFor({ state: 'attached', timeout: 60_000 });
}

// The executive page during the payments outage, on a phone: the first panel names the paging SLO
// (linked), the headline success is not OK, the services table leads with the worst service, and
// nothing makes the page wider than the screen.
import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { EDITOR, OUTAGE_TIME } from './pages/slo-fixtures';

const NAME = 'exec-payments-availability';
const PHONE = { width: 390, height: 844 };

test.describe('Executive page during the payments outage', () => {
  test.beforeEach(async ({ request }) => {
    const res = await request.post('/api/slos', {
      headers: EDITOR,
      data: { name: NAME, service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d' },
    });
    expect(res.status()).toBe(201);
  });
  test.afterEach(async ({ request }) => {
    await request.delete(`/api/slos/${NAME}`, { headers: EDITOR });
  });

  test('names the paging SLO first, never reads OK, leads the services with payments, fits 390 px', async ({ page }, testInfo) => {
    await page.setViewportSize(PHONE);
    const home = new HomePage(page);
    await home.goto({ time: OUTAGE_TIME });

    // The first panel on the page is what needs attention, and its first row is the paging SLO.
    const first = home.panels.first();
    await expect(first).toHaveAccessibleName('Needs attention');
    const top = first.getByRole('row').nth(1);
    await expect(top.getByRole('link', { name: NAME })).toHaveAttribute('href', `/slos/${NAME}?time=${OUTAGE_TIME}`);
    await expect(top).toContainText('SLO pages');

    // The headline success follows the SLO: Failing, naming it, not OK.
    const success = home.panel('Success users experienced');
    const verdict = success.locator('p', { hasText: `SLO ${NAME} pages` });
    await expect(verdict).toHaveText(/^Failing /);

    // Worst first by default: the first row of the services table is payments.
    await expect(home.servicesTable.getByRole('rowheader').first()).toHaveText(/^payments /);

    await home.settled();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: testInfo.outputPath('home-390.png'), fullPage: true });
    expect(width).toBeLessThanOrEqual(PHONE.width);
  });
});

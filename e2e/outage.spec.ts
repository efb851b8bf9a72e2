import { expect, test } from '@playwright/test';
import { DASHBOARDS } from '../lib/dashboards/catalog';
import { OncallPage } from './pages/oncall-page';
import { fixtureTime, startPrometheus, stopPrometheus } from './prometheus-control';

test.describe('Prometheus outage', () => {
  test.afterEach(async ({ request }) => {
    await startPrometheus(request);
  });

  test('every panel shows its own error, the chrome stays usable, and Retry recovers', async ({ page, request }) => {
    const oncall = new OncallPage(page);
    const panelCount = DASHBOARDS.oncall.panels.length;
    await stopPrometheus(request);

    // A time nobody has cached, so the errors are this load's.
    await oncall.goto({ time: fixtureTime() - 900 });
    await expect(oncall.panelErrors()).toHaveCount(panelCount, { timeout: 45_000 });
    await expect(oncall.panelErrors().first()).toContainText(/Prometheus|upstream|unreachable/i);

    // The page around the panels still works: the navigation, the theme and the time range.
    await oncall.chooseRange('Last 6 hours');
    await expect(page).toHaveURL(/range=6h/);
    await expect(oncall.nav.getByRole('link', { name: 'Executive' })).toBeVisible();
    await oncall.themeToggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
    await expect(oncall.panelErrors()).toHaveCount(panelCount, { timeout: 45_000 });

    await startPrometheus(request);
    await expect.poll(async () => (await request.get('/api/readyz')).status(), { timeout: 30_000 }).toBe(200);
    // Each panel recovers on its own Retry; a recovered panel's button goes away, so take the first each time.
    const retry = oncall.panels.getByRole('button', { name: 'Retry', exact: true });
    await expect(async () => {
      if ((await retry.count()) > 0) await retry.first().click({ timeout: 2_000 });
      await expect(oncall.panelErrors()).toHaveCount(0, { timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
    await oncall.settled(panelCount);
    await expect(oncall.panel('Top failing services').getByRole('table')).toBeVisible();
  });
});

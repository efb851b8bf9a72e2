import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { DASHBOARDS } from '../lib/dashboards/catalog';
import { DashboardPage, STAT_NUMBER } from './pages/dashboard-page';
import { DebugPage } from './pages/debug-page';
import { HomePage } from './pages/home-page';
import { OncallPage } from './pages/oncall-page';
import { fixtureTime } from './prometheus-control';

// Every catalog panel renders real data from the fixture Prometheus at a pinned time: numbers in
// stats, painted charts, no NaN and no panel error.
async function expectRendered(dashboard: DashboardPage, panelCount: number): Promise<void> {
  await dashboard.settled(panelCount);
  await expect(dashboard.panelErrors()).toHaveCount(0);
  for (const text of await dashboard.statTexts()) expect(text).toMatch(STAT_NUMBER);
  await expect.poll(() => dashboard.drawnCharts(), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(dashboard.page.getByRole('main')).not.toContainText('NaN');
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.waitForTimeout(500); // let chart animations finish
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test.describe('dashboards at a pinned time', () => {
  test('executive renders every panel with data, in light and dark', async ({ page }, testInfo) => {
    const home = new HomePage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await home.goto({ time: fixtureTime() });
    await expectRendered(home, DASHBOARDS.executive.panels.length);
    expect(await home.statTexts()).toHaveLength(3);
    await screenshot(page, testInfo, 'executive-light');

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => home.drawnCharts()).toBeGreaterThan(0);
    await screenshot(page, testInfo, 'executive-dark');
  });

  test('on-call renders every panel with data', async ({ page }, testInfo) => {
    const oncall = new OncallPage(page);
    await oncall.goto({ time: fixtureTime() });
    await expectRendered(oncall, DASHBOARDS.oncall.panels.length);
    await expect(oncall.panel('Top failing services').getByRole('table')).toBeVisible();
    await screenshot(page, testInfo, 'oncall');
  });

  test('debug asks for a service, then renders every panel for the one picked', async ({ page }, testInfo) => {
    const debug = new DebugPage(page);
    await debug.goto({ time: fixtureTime() });
    await expect(debug.chooseServiceHint).toBeVisible();
    await expect(debug.panels).toHaveCount(0);

    await debug.chooseService('cart', 'shop');
    await expect(page).toHaveURL(/[?&]service=cart(&|$)/);
    await expect(page).toHaveURL(/[?&]namespace=shop(&|$)/);
    await expect(page).toHaveURL(new RegExp(`[?&]time=${fixtureTime()}(&|$)`));
    await expect(debug.heading).toHaveText('Debug: cart');
    await expectRendered(debug, DASHBOARDS.debug.panels.length);
    await screenshot(page, testInfo, 'debug');
  });
});

test.describe('time range in the URL', () => {
  test('a preset changes the URL and the data, and back returns to the previous range', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto({ time: fixtureTime() });
    await home.settled(DASHBOARDS.executive.panels.length);
    await expect(home.rangeSelect).toHaveValue('1h');
    const before = await home.servicesTable.locator('tbody').innerText();

    const sixHours = page.waitForResponse((res) => res.url().includes('/api/panels/') && res.url().includes(`start=${fixtureTime() - 21_600}&`));
    await home.chooseRange('Last 6 hours');
    await expect(page).toHaveURL(/[?&]range=6h(&|$)/);
    expect((await sixHours).status()).toBe(200);
    await expect(home.servicesPanel).toContainText('Last 6h');
    await home.settled();
    expect(await home.servicesTable.locator('tbody').innerText()).not.toBe(before);

    await page.goBack();
    await expect(page).not.toHaveURL(/range=/);
    await expect(home.rangeSelect).toHaveValue('1h');
    await expect(home.servicesPanel).toContainText('Last 1h');
  });

  test('?time= pins the range: a reload shows the same values, and it does not auto-refresh', async ({ page }) => {
    const oncall = new OncallPage(page);
    await oncall.goto({ time: fixtureTime(), range: '6h' });
    await oncall.settled(DASHBOARDS.oncall.panels.length);
    await expect(oncall.goLive).toBeVisible();
    await expect(oncall.refreshSelect).toBeDisabled();
    const table = oncall.panel('Top failing services').getByRole('table');
    const before = await table.innerText();

    await page.reload();
    await oncall.settled(DASHBOARDS.oncall.panels.length);
    expect(await table.innerText()).toBe(before);
    await expect(oncall.rangeSelect).toHaveValue('6h');
  });

  test('a custom absolute range goes into the URL in UTC', async ({ page }) => {
    const oncall = new OncallPage(page);
    await oncall.goto({ time: fixtureTime() });
    await oncall.customRange.click();
    const form = page.getByRole('form', { name: 'Custom time range' });
    const end = new Date(fixtureTime() * 1000).toISOString().slice(0, 16);
    const start = new Date((fixtureTime() - 7_200) * 1000).toISOString().slice(0, 16);
    await form.getByLabel('From (UTC)').fill(start);
    await form.getByLabel('To (UTC)').fill(end);
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(new RegExp(`from=${fixtureTime() - 7_200}&time=${fixtureTime()}`));
    await expect(oncall.rangeSelect).toHaveValue('custom');
    await expect(oncall.timeRange).toContainText(`${start.replace('T', ' ')} to ${end.slice(11)} UTC`);
    await oncall.settled(DASHBOARDS.oncall.panels.length);
    await expect(oncall.panelErrors()).toHaveCount(0);
  });

  test('links follow the path executive -> debug -> on-call and keep the time', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto({ time: fixtureTime(), range: '6h' });
    await home.serviceRow('cart').getByRole('link', { name: 'cart' }).click();
    await expect(page).toHaveURL(/\/debug\?/);
    const debug = new DebugPage(page);
    await expect(debug.heading).toHaveText('Debug: cart');
    await expect(page).toHaveURL(new RegExp(`time=${fixtureTime()}`));
    await expect(debug.rangeSelect).toHaveValue('6h');

    await debug.nav.getByRole('link', { name: 'On-call' }).click();
    await expect(page).toHaveURL(new RegExp(`/oncall\\?range=6h&time=${fixtureTime()}$`));
  });
});

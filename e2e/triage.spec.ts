// From the page to the cause (issue 14): an on-call engineer opens the pinned moment of the payments
// outage and reaches payments' failing upstream call and its UF flags in at most 3 clicks, with the
// time kept in the URL at every step. The outage time comes from the simulator's timeline.
import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { OncallPage } from './pages/oncall-page';
import { createViaApi, OUTAGE_TIME } from './pages/slo-fixtures';

const pinned = (page: Page) => expect(page).toHaveURL(new RegExp(`[?&]time=${OUTAGE_TIME}(&|$)`));

/** What the debug view of payments must show: the failing call from checkout, and UF among the flags. */
async function expectPaymentsCause(page: Page) {
  const debug = new DashboardPage(page, '/debug', /Debug: payments/);
  await expect(debug.heading).toBeVisible();
  const inbound = debug.panel('Inbound edges');
  await expect(inbound.getByRole('row', { name: /shop\/checkout/ })).toBeVisible({ timeout: 30_000 });
  // The chart's text equivalent names its series: UF among them (the legend shows even one flag).
  await expect(debug.panel('Response flags').getByRole('img').first()).toHaveAccessibleName(/\bUF\b/, { timeout: 30_000 });
  const checklist = debug.panel('Incident checklist');
  await expect(checklist.getByRole('row', { name: /Proxies and pods stable.*look here.*payments\/payments-/ })).toBeVisible({ timeout: 30_000 });
}

test.describe('triage from the page to the cause', () => {
  test('on-call: one click from the top failing service to its debug view, time pinned', async ({ page }) => {
    const oncall = new OncallPage(page);
    await oncall.goto({ time: OUTAGE_TIME });
    await pinned(page);
    const checklist = oncall.panel('Incident checklist');
    await expect(checklist.getByRole('row', { name: /Proxies and pods stable.*look here/ })).toBeVisible({ timeout: 30_000 });
    // Click 1: the worst service.
    await oncall.panel('Top failing services').getByRole('link', { name: 'payments', exact: true }).first().click();
    await pinned(page);
    await expect(page).toHaveURL(/service=payments/);
    await expectPaymentsCause(page);
  });

  test('SLO page -> debug -> graph -> back, the pinned time kept at every step', async ({ page, request }) => {
    await createViaApi(request, 'triage-payments');
    await page.goto(`/slos/triage-payments?time=${OUTAGE_TIME}`);
    await expect(page.getByRole('heading', { level: 1, name: 'triage-payments' })).toBeVisible();
    // Click 1: from the SLO to the service's debug view.
    await page.getByRole('link', { name: 'Debug payments' }).click();
    await pinned(page);
    await expectPaymentsCause(page);
    // Click 2: onward to the graph around payments, same moment.
    await page.getByRole('link', { name: 'Graph around payments' }).click();
    await pinned(page);
    await expect(page).toHaveURL(/focus=payments%2Fpayments/);
    // Back returns to the pinned debug view.
    await page.goBack();
    await pinned(page);
    await expect(page).toHaveURL(/\/debug\?/);
  });
});

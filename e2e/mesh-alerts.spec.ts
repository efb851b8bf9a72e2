// The mesh-health alert settings page against the production build: an editor changes a threshold and
// turns an alert off, the API and the delivered rule group say the same, and each alert's runbook link
// opens its section of the runbooks page.
import { expect, test } from '@playwright/test';
import { EDITOR } from './pages/slo-fixtures';

const DEFAULTS = { alerts: [{ id: 'ca-cert-ticket', enabled: true, threshold: 7 }, { id: 'proxy-restarts', enabled: true, threshold: 3 }] };

test.describe('mesh-health alert settings', () => {
  test.afterEach(async ({ request }) => {
    expect((await request.put('/api/mesh-alerts', { headers: EDITOR, data: DEFAULTS })).status()).toBe(200);
  });

  test('an editor changes a threshold and turns an alert off; the rule file follows', async ({ page, request }) => {
    await page.goto('/settings/alerts');
    await expect(page.getByRole('heading', { name: 'Mesh-health alerts' })).toBeVisible();
    const threshold = page.getByLabel('Root (CA) certificate expiring: threshold in days');
    await expect(threshold).toHaveValue('7');
    await threshold.fill('14');
    await page.getByLabel('Proxies restarting repeatedly: on').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

    const body = (await (await request.get('/api/mesh-alerts')).json()) as { alerts: Array<{ id: string; enabled: boolean; threshold: number; updatedBy: string | null }> };
    expect(body.alerts.find((a) => a.id === 'ca-cert-ticket')).toMatchObject({ enabled: true, threshold: 14, updatedBy: expect.any(String) });
    expect(body.alerts.find((a) => a.id === 'proxy-restarts')).toMatchObject({ enabled: false });
    const rules = await (await request.get('/api/mesh-alerts?format=rules')).text();
    expect(rules).toContain('< 1209600'); // 14 days in seconds
    expect(rules).not.toContain('meshwatch_alert: proxy-restarts');
  });

  test('a threshold out of bounds is refused with its bounds, and nothing is saved', async ({ page, request }) => {
    await page.goto('/settings/alerts');
    await page.getByLabel('Root (CA) certificate expiring: threshold in days').fill('400');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'between 0.01 and 365 days' })).toBeVisible();
    const body = (await (await request.get('/api/mesh-alerts')).json()) as { alerts: Array<{ id: string; threshold: number }> };
    expect(body.alerts.find((a) => a.id === 'ca-cert-ticket')?.threshold).toBe(7);
  });

  test('each alert links its runbook section', async ({ page }) => {
    await page.goto('/settings/alerts');
    await page.locator('tr[data-alert="control-plane-down"]').getByRole('link', { name: 'Runbook' }).click();
    await expect(page).toHaveURL(/\/runbooks\/mesh-health#control-plane-down$/);
    await expect(page.getByRole('heading', { name: /Control plane down or not ready/ })).toBeInViewport();
  });
});

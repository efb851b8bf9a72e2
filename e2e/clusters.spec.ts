import { expect, test } from '@playwright/test';
import { OncallPage } from './pages/oncall-page';
import { fixtureTime } from './prometheus-control';

// The fixture's mesh spans two clusters (reviews runs in both, everything else in prod-us-east):
// on-call offers a cluster filter, keeps it in the URL, and every panel keeps to the cluster.
test.describe('cluster filter on /oncall', () => {
  test('filters the proxy table to the eu-west pods, and the URL keeps the choice', async ({ page }) => {
    const oncall = new OncallPage(page);
    await oncall.goto({ time: fixtureTime() });
    const cluster = page.getByRole('combobox', { name: 'Cluster' });
    await expect(cluster).toHaveValue('');
    await expect(cluster.getByRole('option')).toHaveText(['All clusters', 'prod-eu-west', 'prod-us-east']);

    const proxies = oncall.panel('Proxy resources');
    // All clusters: us-east pods (frontend, cart, ...) are among the busiest proxies.
    await expect(proxies.getByRole('rowheader', { name: /^(frontend|cart|catalog|checkout)-/ }).first()).toBeVisible();

    await cluster.selectOption('prod-eu-west');
    await expect(page).toHaveURL(/[?&]cluster=prod-eu-west(&|$)/);
    await oncall.settled();
    // Only reviews runs in eu-west: its pods, and no other.
    await expect(proxies.getByRole('rowheader', { name: /^reviews-/ }).first()).toBeVisible();
    await expect(proxies.getByRole('rowheader', { name: /^(frontend|cart|catalog|checkout|payments|search)-/ })).toHaveCount(0);
    await expect(oncall.panelErrors()).toHaveCount(0);

    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Cluster' })).toHaveValue('prod-eu-west');
    await expect(proxies.getByRole('rowheader', { name: /^reviews-/ }).first()).toBeVisible();
  });
});

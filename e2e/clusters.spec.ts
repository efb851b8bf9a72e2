import { expect, test } from '@playwright/test';
import { GraphPage } from './pages/graph-page';
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

test.describe('split by cluster on /graph', () => {
  test('draws reviews once per cluster, kept in the URL', async ({ page }) => {
    const graph = new GraphPage(page);
    await graph.goto({ time: fixtureTime() });
    await expect(graph.nodesTable.getByRole('button', { name: 'shop/reviews', exact: true })).toBeVisible();
    const split = page.getByRole('checkbox', { name: 'Split by cluster' });
    await expect(split).not.toBeChecked();
    // The URL holds the state: the box shows checked once the new URL is in.
    await split.click();
    await expect(page).toHaveURL(/[?&]split=cluster(&|$)/);
    await expect(split).toBeChecked();
    await expect(graph.nodesTable.getByRole('button', { name: 'shop/reviews@prod-eu-west', exact: true })).toBeVisible();
    await expect(graph.nodesTable.getByRole('button', { name: 'shop/reviews@prod-us-east', exact: true })).toBeVisible();
    await expect(graph.nodesTable.getByRole('button', { name: 'shop/reviews', exact: true })).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Legend' })).toContainText('across clusters');
  });
});

import { expect, test } from '@playwright/test';

// /maintenance in the browser: plan a window with the form (times in UTC), see it listed with what its
// silence is (the e2e server has no Alertmanager, so the page must say nothing is silenced), see the
// server's field errors in place, delete it. Everything by role and accessible name.
test.describe('maintenance windows', () => {
  test('plans, lists and deletes a window, saying plainly that nothing is silenced without Alertmanager', async ({ page }) => {
    await page.goto('/maintenance');
    await expect(page.getByRole('heading', { level: 1, name: 'Maintenance windows' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Maintenance' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('status').filter({ hasText: 'No Alertmanager is configured' })).toBeVisible();

    const form = page.getByRole('form', { name: 'Plan a maintenance window' });
    await form.getByRole('button', { name: 'Create window' }).click();
    // The server's 422, beside the field it names.
    await expect(form.getByLabel('Namespace')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('namespace is required')).toBeVisible();

    await form.getByLabel('Namespace').fill('shop');
    await form.getByLabel('Service').fill('catalog');
    await form.getByLabel('Start (UTC)').fill('2030-01-02T03:00');
    await form.getByLabel('End (UTC)').fill('2030-01-02T04:30');
    await form.getByLabel('Reason').fill('catalog database upgrade');
    await form.getByRole('button', { name: 'Create window' }).click();
    await expect(form.getByRole('status')).toContainText('Not silenced: no Alertmanager configured');

    const table = page.getByRole('table', { name: 'Maintenance windows, latest start first' });
    const row = table.getByRole('row').filter({ hasText: 'catalog database upgrade' });
    await expect(row).toHaveCount(1);
    // The scope is the row's header (the one table's first column), then start, end, length.
    await expect(row.getByRole('rowheader')).toHaveText('shop/catalog');
    await expect(row.getByRole('cell').nth(0)).toHaveText('2030-01-02 03:00 UTC');
    await expect(row.getByRole('cell').nth(2)).toHaveText('1h 30m');
    await row.getByRole('button', { name: /^Delete window \d+ \(shop\/catalog\)$/ }).click();
    await expect(row).toHaveCount(0);
  });

  test('the SLO form offers to exclude maintenance from the budget', async ({ page }) => {
    await page.goto('/slos/new');
    await expect(page.getByRole('checkbox', { name: 'Exclude maintenance windows from the budget' })).not.toBeChecked();
  });
});

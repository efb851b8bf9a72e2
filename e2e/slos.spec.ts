import { expect, test } from '@playwright/test';
import { SloDetailPage } from './pages/slo-detail-page';
import { createViaApi, EDITOR, NAME, OUTAGE_TIME, SLOTH_YAML, VIEWER } from './pages/slo-fixtures';
import { SloFormPage } from './pages/slo-form-page';
import { SloListPage } from './pages/slo-list-page';
import { startPrometheus, stopPrometheus } from './prometheus-control';

test.describe('SLOs', () => {
  test('create with a preview, see the status, edit, see the history, delete', async ({ page }, testInfo) => {
    const list = new SloListPage(page);
    await list.goto(OUTAGE_TIME);
    await expect(list.demoBanner).toBeVisible();
    await expect(list.emptyState).toBeVisible();

    const form = new SloFormPage(page);
    await form.gotoNew(OUTAGE_TIME);
    await form.fill({ name: NAME, service: 'payments (payments)', team: 'payments', objective: '99.9', window: '30d' });
    await form.previewButton.click();
    // The outage spends budget: the SLI and the remaining budget are numbers, and 1h burns far past 14.4x.
    await expect(form.preview.getByRole('definition').first()).toHaveText(/^\d{2}\.\d{3}%$/);
    await expect(form.preview).toContainText(/Budget remaining-?\d+(\.\d+)?%/);
    await expect(form.preview.getByRole('table', { name: 'Burn rate per window' })).toBeVisible();
    await expect(form.preview.getByLabel('Recommendation')).toContainText('page');
    await page.screenshot({ path: testInfo.outputPath('slo-form-preview.png'), fullPage: true });

    await form.createButton.click();
    await expect(page).toHaveURL(new RegExp(`/slos/${NAME}\\?time=${OUTAGE_TIME}$`));
    const detail = new SloDetailPage(page);
    await expect(detail.recommendation).toContainText('page');
    // Both burn rates above 14.4x now (Prometheus' own firing waits for the rule's for:, in its own column).
    await expect(detail.alerts.getByRole('row').filter({ hasText: '1h / 5m' }).getByRole('cell').nth(5)).toHaveText('yes');
    await expect(detail.burnRates).toBeVisible();
    // The fixture Prometheus holds no recorded series at this past instant: every window says it was computed raw.
    await expect(detail.burnRates.getByRole('row', { name: /^30d/ })).toContainText('Raw counters');
    await expect(detail.burnRates.getByRole('columnheader', { name: 'Read from' })).toBeVisible();
    await expect(detail.budget.locator('canvas')).toBeVisible();
    await expect(detail.rules.getByLabel('Rules YAML')).toContainText('groups:');
    await expect(detail.historyRows()).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath('slo-detail.png'), fullPage: true });

    await list.goto(OUTAGE_TIME);
    await expect(list.row(NAME)).toContainText('page');
    await expect(list.row(NAME)).toContainText('99.9% / 30d');
    await page.screenshot({ path: testInfo.outputPath('slo-list.png'), fullPage: true });

    await list.row(NAME).getByRole('link', { name: NAME }).click();
    await detail.editLink.click();
    await expect(form.objective).toHaveValue('99.9');
    await form.objective.fill('99.5');
    // A custom policy: page when 3% of the 30d budget burns within 1h, i.e. 3% x 720h / 1h = 21.6x.
    await page.getByLabel('Custom alert policy').check();
    await page.getByLabel('Alert 1 budget %').fill('3');
    await page.screenshot({ path: testInfo.outputPath('slo-form-edit-policy.png'), fullPage: true });
    await form.saveButton.click();
    await expect(page).toHaveURL(new RegExp(`/slos/${NAME}\\?time=`));
    await expect(page.getByText(/team payments · availability · 99\.5% over 30d/)).toBeVisible();
    await expect(detail.historyRows()).toHaveCount(2);
    await expect(detail.historyRows().first()).toContainText('objective: 99.9 → 99.5');
    await expect(detail.alerts.getByRole('row').filter({ hasText: '1h / 5m' })).toContainText('21.6x');
    await expect(detail.historyRows().last()).toContainText('create');

    await detail.confirmDelete();
    await expect(page).toHaveURL(/\/slos\?time=/);
    await expect(list.emptyState).toBeVisible();
  });

  test('invalid input shows field errors next to the fields', async ({ page }) => {
    const form = new SloFormPage(page);
    await form.gotoNew(OUTAGE_TIME);
    await form.fill({ name: 'Bad Name!', service: 'payments (payments)', team: 'payments', objective: '100', window: '30d' });
    await form.createButton.click();
    await expect(form.objective).toHaveAttribute('aria-invalid', 'true');
    await expect(form.objective).toHaveAccessibleDescription(/must be below 100/);
    await expect(form.name).toHaveAttribute('aria-invalid', 'true');
    await expect(form.name).toHaveAccessibleDescription(/lowercase letters, digits and dashes/);
    await expect(form.team).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/slos\/new/);
  });

  test('a viewer sees no edit controls and the API refuses their changes', async ({ browser, request, baseURL }) => {
    const name = 'viewer-check';
    await createViaApi(request, name);
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: VIEWER });
    try {
      const page = await context.newPage();
      const detail = new SloDetailPage(page);
      await detail.goto(name, OUTAGE_TIME);
      await expect(detail.readOnlyNotice).toBeVisible();
      await expect(detail.status).toBeVisible();
      await expect(detail.editLink).toHaveCount(0);
      await expect(detail.deleteButton).toHaveCount(0);
      const list = new SloListPage(page);
      await list.goto(OUTAGE_TIME);
      await expect(list.row(name)).toBeVisible();
      await expect(list.createLink).toHaveCount(0);

      const put = await context.request.put(`/api/slos/${name}`, { data: { objective: 99.5 } });
      expect(put.status()).toBe(403);
      const del = await context.request.delete(`/api/slos/${name}`);
      expect(del.status()).toBe(403);
    } finally {
      await context.close();
      await request.delete(`/api/slos/${name}`, { headers: EDITOR });
    }
  });

  test('a stale edit gets "changed by someone else" and can reload', async ({ page, request }) => {
    const name = 'conflict-check';
    await createViaApi(request, name);
    try {
      await page.goto(`/slos/${name}/edit?time=${OUTAGE_TIME}`);
      const form = new SloFormPage(page);
      await expect(form.objective).toHaveValue('99.9');
      // Someone else saves first.
      const other = await request.put(`/api/slos/${name}`, {
        headers: EDITOR,
        data: { name, service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.0, window: '30d' },
      });
      expect(other.status()).toBe(200);
      await form.objective.fill('99.5');
      await form.saveButton.click();
      const alert = page.getByRole('alert').filter({ hasText: 'changed by someone else' });
      await expect(alert).toBeVisible();
      await alert.getByRole('button', { name: 'Reload the latest version' }).click();
      await expect(form.objective).toHaveValue('99');
    } finally {
      await request.delete(`/api/slos/${name}`, { headers: EDITOR });
    }
  });

  test('with Prometheus down, specs still list and statuses show the error', async ({ page, request }) => {
    const name = 'outage-check';
    await createViaApi(request, name);
    await stopPrometheus(request);
    try {
      const list = new SloListPage(page);
      // A time nobody has cached, so the error is this load's.
      await list.goto(OUTAGE_TIME - 600);
      await expect(list.row(name)).toBeVisible();
      await expect(page.getByRole('alert').filter({ hasText: 'Statuses unavailable' })).toBeVisible({ timeout: 45_000 });
      await expect(list.row(name)).toContainText('error');
    } finally {
      await startPrometheus(request);
      await request.delete(`/api/slos/${name}`, { headers: EDITOR });
    }
  });

  test('custom and latency indicators: PromQL editor, bucket boundaries, preview', async ({ page }, testInfo) => {
    const form = new SloFormPage(page);
    await form.gotoNew(OUTAGE_TIME);
    await form.service.selectOption({ label: 'payments (payments)' });
    // The team starts as the namespace's; emptied, it is missing.
    await expect(form.team).toHaveValue('payments');
    await form.team.fill('');
    await form.previewButton.click();
    // The preview validates like a save: a missing team is marked on its field.
    await expect(form.team).toHaveAccessibleDescription(/team is required/);
    await expect(form.preview).toContainText('Fix the marked fields');
    await form.team.fill('payments');
    await form.indicator.selectOption('latency');
    const threshold = page.getByLabel('Latency threshold (ms)');
    // Boundaries come from the data's `le` labels.
    await expect(threshold.locator('option')).not.toHaveCount(1);
    await threshold.selectOption({ index: 1 });
    await form.previewButton.click();
    await expect(form.preview.getByLabel('Recommendation')).toBeVisible();

    await form.indicator.selectOption('custom');
    const errorQuery = page.getByRole('textbox', { name: 'Error query' });
    await expect(errorQuery).toContainText('destination_service_name="payments"');
    await expect(errorQuery).toContainText('{{window}}');
    // Highlighting: the editor renders tokens in spans.
    await expect(errorQuery.locator('span').first()).toBeVisible();
    await form.previewButton.click();
    await expect(form.preview.getByLabel('Recommendation')).toContainText('page');
    await page.screenshot({ path: testInfo.outputPath('slo-form-custom.png'), fullPage: true });
  });

  test('import previews Sloth YAML, then creates it', async ({ page, request }) => {
    const list = new SloListPage(page);
    await list.goto(OUTAGE_TIME);
    await page.getByText('Import OpenSLO or Sloth YAML').click();
    await page.getByLabel('YAML').fill(SLOTH_YAML);
    await page.getByRole('button', { name: 'Preview import' }).click();
    await expect(page.getByRole('list', { name: 'Import preview' })).toContainText('payments-sloth-availability');
    await page.getByRole('button', { name: /^Import 1 SLO/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported payments-sloth-availability' })).toBeVisible();
    await expect(list.row('payments-sloth-availability')).toBeVisible();
    await request.delete('/api/slos/payments-sloth-availability', { headers: EDITOR });
  });
});

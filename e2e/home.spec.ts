import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { fixtureTime, startPrometheus, stopPrometheus } from './prometheus-control';

const NUMBER = /^(< )?\d{1,3}(,\d{3})*(\.\d+)?$/;
const PERCENT = /^\d{1,3}\.\d{2}$/;
const VERDICT = /^(OK|Warning|Failing|Idle): .+/;
const MISSING = /^—\s*no traffic in window$/;

test.describe('Executive dashboard', () => {
  test('lists the simulated services with request rate, success and p95', async ({ page }, testInfo) => {
    const home = new HomePage(page);
    await home.goto({ time: fixtureTime() });

    await expect(home.servicesTable).toBeVisible();
    await expect(home.nav.getByRole('link', { name: 'Executive' })).toHaveAttribute('aria-current', 'page');
    for (const service of ['frontend', 'catalog', 'payments']) {
      await expect(home.cell(service, 'Requests')).toHaveText(NUMBER);
      await expect(home.cell(service, 'Success')).toHaveText(PERCENT);
      await expect(home.cell(service, 'p95 latency')).toHaveText(NUMBER);
      await expect(home.health(service)).toHaveAccessibleName(VERDICT);
    }
    // A few requests an hour: the row is there, and an empty window says why instead of NaN.
    await expect(home.serviceRow('audit-export')).toHaveCount(1);
    await expect(home.cell('audit-export', 'Requests')).toHaveText(NUMBER);
    await expect(home.cell('audit-export', 'Success')).toHaveText(new RegExp(`${PERCENT.source}|${MISSING.source}`));
    await expect(home.servicesPanel).not.toContainText('NaN');

    await page.screenshot({ path: testInfo.outputPath('home.png'), fullPage: true });
  });

  test('sorts by a column with the keyboard', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto({ time: fixtureTime() });
    await expect(home.serviceRow('frontend')).toHaveCount(1);

    const header = home.servicesTable.getByRole('columnheader', { name: /^Requests/ });
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const rps = await home.columnNumbers('Requests');
    expect(rps.length).toBeGreaterThan(3);
    expect(rps).toEqual([...rps].sort((a, b) => b - a));

    await page.keyboard.press('Enter');
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
  });

  test('shows an upstream failure on the panel and recovers on retry', async ({ page, request }) => {
    const home = new HomePage(page);
    await stopPrometheus(request);
    try {
      await home.goto({ time: fixtureTime() - 600 });
      await expect(home.servicesError).toContainText('Prometheus unreachable', { timeout: 30_000 });
      await expect(home.retryButton).toBeEnabled();
    } finally {
      await startPrometheus(request);
    }
    await home.retryButton.click();
    await expect(home.servicesTable).toBeVisible({ timeout: 30_000 });
    await expect(home.servicesError).toHaveCount(0);
  });

  test('keeps the chosen theme across reloads', async ({ page }) => {
    const home = new HomePage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await home.goto({ time: fixtureTime() });
    await expect(home.themeToggle).toHaveAttribute('aria-pressed', 'false');
    await home.themeToggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(home.themeToggle).toHaveAttribute('aria-pressed', 'true');
  });
});

test('GET /api/services rejects a malformed window with 422', async ({ request }) => {
  const res = await request.get(`/api/services?time=${fixtureTime()}&window=banana`);
  expect(res.status()).toBe(422);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('validation_failed');
  expect(body.error.message).toContain('window');
});

import { expect, test } from '@playwright/test';
import { TEST_ANCHOR } from '../scripts/simulator/fixture';
import { createTimeline } from '../scripts/simulator/timeline';
import { BacktestPanel, parseUtcCell } from './pages/backtest-panel';
import { EDITOR } from './pages/slo-fixtures';
import { SloDetailPage } from './pages/slo-detail-page';
import { startPrometheus, stopPrometheus } from './prometheus-control';

const NAME = 'payments-backtest';
// The payments hard outage, from the simulator's own timeline (not from the app).
const outage = createTimeline(TEST_ANCHOR).outage;
/**
 * SRE Workbook math for the 1h/5m page pair at 14.4x on a 99.9% SLO: at 90% errors the 5m burn is
 * 900x at once and the 1h burn passes 14.4x after 0.0144 / 0.9 h = 58 s; add the pair's `for: 2m`
 * and a couple of 60 s samples for rate() to see it: the page starts well within 10 minutes.
 */
const PAGE_DEADLINE = outage.start + 10 * 60;

test.describe('Backtest', () => {
  test.beforeAll(async ({ request }) => {
    const res = await request.post('/api/slos', {
      headers: EDITOR,
      data: { name: NAME, service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d' },
    });
    expect(res.status()).toBe(201);
  });

  test.afterAll(async ({ request }) => {
    await request.delete(`/api/slos/${NAME}`, { headers: EDITOR });
  });

  test('the SLO page replays its policy: a page at the payments outage, summary and recommendations', async ({ page }, testInfo) => {
    const detail = new SloDetailPage(page);
    await detail.goto(NAME, TEST_ANCHOR);
    const backtest = new BacktestPanel(page);
    await expect(backtest.range).toHaveValue('window');
    await expect(backtest.episodes).toBeVisible({ timeout: 45_000 });
    await expect(backtest.chart.locator('canvas')).toBeVisible();

    const pages = backtest.rows('page');
    await expect(pages).toHaveCount(1);
    const start = parseUtcCell(await pages.locator('td').nth(1).innerText());
    expect(start).toBeGreaterThanOrEqual(outage.start);
    expect(start).toBeLessThanOrEqual(PAGE_DEADLINE);
    await expect(pages).toContainText('1h/5m');

    await expect(backtest.summary).toContainText(/It would have paged 1 time/);
    await expect(backtest.recommendations).toBeVisible();
    await backtest.region.screenshot({ path: testInfo.outputPath('backtest-panel.png') });
    // Both themes: the chart rebuilds its colours from the page's variables.
    const dark = page.getByRole('button', { name: 'Dark theme' });
    await dark.click();
    await expect(dark).toHaveAttribute('aria-pressed', 'true');
    await backtest.region.screenshot({ path: testInfo.outputPath('backtest-panel-dark.png') });
    await dark.click();
    await backtest.region.getByText('Inspect', { exact: true }).click();
    await expect(backtest.region.locator('pre code').first()).toContainText('payments');
    await page.screenshot({ path: testInfo.outputPath('backtest-detail.png'), fullPage: true });

    // The range is in the URL, so a shared link shows the same backtest.
    await backtest.range.selectOption('7d');
    await expect(page).toHaveURL(/backtest=7d/);
    await expect(backtest.region).not.toHaveAttribute('aria-busy', 'true', { timeout: 45_000 });
    // The outage was 3 days before the anchor: still inside the last 7 days.
    await expect(backtest.rows('page')).toHaveCount(1);
  });

  test('the form compares the default policy with a candidate before saving', async ({ page }, testInfo) => {
    await page.goto(`/slos/${NAME}/edit?time=${TEST_ANCHOR}`);
    const compare = page.getByRole('region', { name: 'Compare policies' });
    await expect(compare.getByText('Turn on “Custom alert policy”')).toBeVisible();
    await page.getByLabel('Custom alert policy').check();
    // Page at 4% of the budget in 1h instead of 2%: 28.8x instead of 14.4x.
    await page.getByLabel('Alert 1 budget %').fill('4');

    const table = compare.getByRole('table', { name: 'Default policy vs candidate policy' });
    const pagesRow = table.getByRole('row', { name: /^Pages \d/ });
    await expect(pagesRow.getByRole('cell')).toHaveText([/^\d+$/, /^\d+$/], { timeout: 45_000 });
    const defaults = new BacktestPanel(compare, 'Default policy');
    const candidate = new BacktestPanel(compare, 'Candidate policy');
    await expect(defaults.rows('page')).toHaveCount(1);
    // 90% errors burn the 1h window at up to 675x: the raised threshold still catches the outage.
    await expect(candidate.rows('page')).toHaveCount(1);
    await expect(candidate.chart.locator('canvas')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('backtest-compare.png'), fullPage: true });

    // One pair paging at 100% of the budget in 1h: 720x on a 30d window. The outage's 1h burn peaks at
    // 0.9 x 45/60 / 0.001 = 675x, so the candidate would have stayed silent: said plainly, 0 pages.
    for (const i of [4, 3, 2]) await page.getByRole('button', { name: `Remove alert ${i}` }).click();
    await page.getByLabel('Alert 1 budget %').fill('100');
    await expect(candidate.empty).toBeVisible({ timeout: 45_000 });
    await expect(pagesRow.getByRole('cell')).toHaveText([/^[1-9]\d*$/, '0']);
  });

  test('with Prometheus down the backtest says what failed, and Retry recovers once it is back', async ({ page, request }) => {
    await stopPrometheus(request);
    const backtest = new BacktestPanel(page);
    const alert = backtest.region.getByRole('alert');
    try {
      const detail = new SloDetailPage(page);
      // A time nobody has cached, so the error is this load's.
      await detail.goto(NAME, TEST_ANCHOR - 600);
      await expect(alert).toContainText('Could not load backtest', { timeout: 45_000 });
      await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
      // The rest of the page still works: the spec is from the store.
      await expect(page.getByText(/team payments · availability · 99\.9% over 30d/)).toBeVisible();
    } finally {
      await startPrometheus(request);
    }
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(backtest.rows('page')).toHaveCount(1, { timeout: 45_000 });
    await expect(alert).toHaveCount(0);
  });
});

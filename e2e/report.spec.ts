import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO_SLOS } from '../scripts/demo-slos';
import { TEST_ANCHOR, TEST_HISTORY_DAYS, TEST_SEED } from '../scripts/simulator/fixture';
import { createModel } from '../scripts/simulator/model';
import { truthPaymentsBudget, truthPaymentsPage } from '../scripts/testing/truth-payments-page';
import { parseUtcCell } from './pages/backtest-panel';
import { parseDurationCell, parsePercentCell, ReportPage } from './pages/report-page';
import { EDITOR } from './pages/slo-fixtures';

// The executive report of September 2026 over the fixture history, with the demo's SLOs: the payments
// outage (28 September) must be listed as a page whose times, duration and budget are the simulator's
// truth (scripts/testing/truth-payments-page.ts, no app code), and the report must print one page per team.
const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR });
const HISTORY_START = TEST_ANCHOR - TEST_HISTORY_DAYS * 86_400;
const SEPT_END = Date.parse('2026-10-01T00:00:00Z') / 1000;
const truth = truthPaymentsPage(model);
const MIN = 60;
/** A month of backtest behind the page: seconds of Prometheus work on a shared machine. */
const REPORT_TIMEOUT = 120_000;
// The demo's SLOs under names of this spec's own: a deleted SLO's audit history outlives it, and
// e2e/slos.spec.ts counts payments-availability's.
const SLOS = DEMO_SLOS.map((s) => ({ ...s, name: `report-${s.name}` }));

test.describe('SLO report', () => {
  test.describe.configure({ timeout: 240_000 });

  test.beforeAll(async ({ request }) => {
    for (const spec of SLOS) {
      const res = await request.post('/api/slos', { headers: EDITOR, data: spec });
      expect([201, 409]).toContain(res.status());
    }
  });

  test.afterAll(async ({ request }) => {
    for (const spec of SLOS) await request.delete(`/api/slos/${spec.name}`, { headers: EDITOR });
  });

  test('September lists the payments outage with the truth’s duration and budget, downloads as CSV and prints one page per team', async ({ page }, testInfo) => {
    const report = new ReportPage(page);
    await report.goto('month=2026-09');
    await expect(report.heading).toHaveText('SLO report: September 2026 (UTC)', { timeout: REPORT_TIMEOUT });
    await expect(page.getByRole('note')).toContainText('The data starts at 2026-09-01 12:0');

    const row = report.incidentRows('payments', 'report-payments-availability', 'page');
    await expect(row).toHaveCount(1, { timeout: REPORT_TIMEOUT });
    const cells = row.locator('td');
    const start = parseUtcCell(await cells.nth(2).innerText());
    const end = parseUtcCell(await cells.nth(3).innerText());
    const duration = parseDurationCell(await cells.nth(4).innerText());
    const budget = parsePercentCell(await cells.nth(5).innerText());
    // The page shows minutes; rules evaluate once a minute: each end within 2 minutes of the truth.
    expect(Math.abs(start - truth.start)).toBeLessThanOrEqual(2 * MIN);
    expect(Math.abs(end - truth.end)).toBeLessThanOrEqual(2 * MIN);
    expect(Math.abs(duration - (truth.end - truth.start))).toBeLessThanOrEqual(4 * MIN);
    // Budget of the shown episode from the truth, within 3 % (increase() at the restarted pod's series).
    const expectedBudget = truthPaymentsBudget(model, start, end, HISTORY_START, SEPT_END);
    expect(Math.abs(budget - expectedBudget)).toBeLessThanOrEqual(0.03 * expectedBudget);
    // Payments missed its 99.9 % in September (the outage alone spent about the month's budget).
    await expect(report.team('payments').getByRole('table', { name: 'SLOs of payments' })).toContainText('missed');
    await page.screenshot({ path: testInfo.outputPath('report.png'), fullPage: true });

    // CSV: the same incident, with its UTC start.
    const download = page.waitForEvent('download');
    await report.csvLink.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('meshwatch-slo-report-2026-09.csv');
    const csv = readFileSync((await file.path()) ?? '', 'utf8');
    expect(csv).toContain('team,slo,severity,start_utc,end_utc,duration_seconds,budget_consumed_percent');
    expect(csv).toMatch(new RegExp(`payments,report-payments-availability,page,${new Date(start * 1000).toISOString().slice(0, 16)}`));

    // Print: no navigation or pickers, each team section starts a page, and the PDF has the overview
    // page plus exactly one page per team.
    const teams = await report.teamSections.count();
    expect(teams).toBeGreaterThanOrEqual(2); // payments and storefront
    await page.emulateMedia({ media: 'print' });
    await expect(report.nav).toBeHidden();
    await expect(report.controls).toBeHidden();
    for (let i = 0; i < teams; i++) {
      expect(await report.teamSections.nth(i).evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
    }
    const pdf = await page.pdf({ format: 'A4', margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    writeFileSync(testInfo.outputPath('report.pdf'), pdf);
    await page.screenshot({ path: testInfo.outputPath('report-print.png'), fullPage: true });
    expect(pages).toBe(teams + 1);
  });

  test('an invalid month answers 422 naming the field', async ({ request }) => {
    const res = await request.get('/api/report?month=2026-13');
    expect(res.status()).toBe(422);
    expect((await res.json()) as unknown).toMatchObject({ error: { details: { fieldErrors: { month: [expect.any(String)] } } } });
  });
});

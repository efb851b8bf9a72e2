// The SLO editor and pages against the production build and the fixture Prometheus: nothing the form
// does not show is lost on save, the preview follows the edited spec, the team starts filled in, the
// alerts table names its two "firing"s, and a spent budget reads "exhausted".
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_SLOS } from '../scripts/demo-slos';
import { TEST_ANCHOR } from '../scripts/simulator/fixture';
import { createTimeline } from '../scripts/simulator/timeline';
import { SloDetailPage } from './pages/slo-detail-page';
import { EDITOR, OUTAGE_TIME } from './pages/slo-fixtures';
import { SloFormPage } from './pages/slo-form-page';
import { SloListPage } from './pages/slo-list-page';

// Beside the demo's SLOs: fixed factors, `for: 0s`, a defaulted short window, a custom window.
const THRESHOLD_SLO = {
  name: 'weekly-catalog-latency',
  service: 'catalog',
  namespace: 'shop',
  team: 'storefront',
  indicator: { type: 'latency', thresholdMs: 250 },
  objective: 99.5,
  window: '14d',
  policy: { alerts: [{ severity: 'page', longWindow: '2h', shortWindow: '10m', threshold: 12, for: '0s' }, { severity: 'ticket', longWindow: '1d', budgetPercent: 25 }] },
};

async function storedSpec(request: APIRequestContext, name: string): Promise<Record<string, unknown>> {
  const res = await request.get(`/api/slos/${name}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

async function remove(request: APIRequestContext, names: readonly string[]) {
  for (const name of names) await request.delete(`/api/slos/${name}`, { headers: EDITOR });
}

test.describe('SLO editor and pages', () => {
  test('saving after changing only the description keeps every other field of each seeded SLO', async ({ page, request }) => {
    // Renamed: the audit history outlives a deleted SLO, and e2e/slos.spec.ts counts payments-availability's.
    const specs = [...DEMO_SLOS, THRESHOLD_SLO].map((s) => ({ ...s, name: `${s.name}-edit` }));
    try {
      for (const spec of specs) expect((await request.post('/api/slos', { headers: EDITOR, data: spec })).status()).toBe(201);
      const form = new SloFormPage(page);
      for (const spec of specs) {
        const before = await storedSpec(request, spec.name);
        await page.goto(`/slos/${spec.name}/edit?time=${OUTAGE_TIME}`);
        const description = page.getByLabel('Description');
        await expect(description).toHaveValue(typeof before.description === 'string' ? before.description : '');
        await description.fill(`Edited in the browser: ${spec.name}.`);
        await form.saveButton.click();
        await expect(page).toHaveURL(new RegExp(`/slos/${spec.name}\\?time=${OUTAGE_TIME}$`));
        expect(await storedSpec(request, spec.name)).toEqual({ ...before, description: `Edited in the browser: ${spec.name}.` });
      }
    } finally {
      await remove(
        request,
        specs.map((s) => s.name),
      );
    }
  });

  test('the preview is recomputed from the edited objective', async ({ page }) => {
    const form = new SloFormPage(page);
    await form.gotoNew(OUTAGE_TIME);
    await form.fill({ name: 'preview-check', service: 'payments (payments)', team: 'payments', objective: '99.9', window: '30d' });
    await form.previewButton.click();
    const budget = form.preview.getByRole('definition').nth(1);
    await expect(form.preview).toContainText('objective 99.9%');
    await expect(budget).toHaveText(/^-?\d+(\.\d+)?%$/);
    const before = Number.parseFloat((await budget.textContent()) ?? '');
    // Ten times the budget: the same errors spend a tenth of it, so remaining = 1 - (1 - before) / 10.
    await form.objective.fill('99');
    await expect(form.preview).toContainText('objective 99%');
    const expected = 100 - (100 - before) / 10;
    await expect(async () => {
      const after = Number.parseFloat((await budget.textContent()) ?? '');
      expect(Math.abs(after - expected)).toBeLessThan(0.05 * Math.max(1, Math.abs(expected)));
    }).toPass({ timeout: 20_000 });
  });

  test('team is required, marked, and starts as the team of the picked namespace', async ({ page }) => {
    const form = new SloFormPage(page);
    await form.gotoNew(OUTAGE_TIME);
    for (const field of [form.name, form.service, form.team, form.objective, form.window]) await expect(field).toHaveAttribute('aria-required', 'true');
    await expect(form.team).toHaveValue('');
    // No MESHWATCH_TEAMS in the e2e server: a namespace is its own team.
    await form.service.selectOption({ label: 'payments (payments)' });
    await expect(form.team).toHaveValue('payments');
    await form.service.selectOption({ label: 'cart (shop)' });
    await expect(form.team).toHaveValue('shop');
    await form.team.fill('storefront');
    await form.service.selectOption({ label: 'catalog (shop)' });
    await expect(form.team).toHaveValue('storefront');
  });

  test('an exhausted budget reads exhausted, with the policy, and the alert table names both answers', async ({ page, request }, testInfo) => {
    const name = 'payments-exhausted';
    const payments = { ...DEMO_SLOS.find((s) => s.name === 'payments-availability'), name };
    expect((await request.post('/api/slos', { headers: EDITOR, data: payments })).status()).toBe(201);
    try {
      // An hour before the fixture's anchor: the outage (72h ago) has spent more than the 30d budget, nothing fires.
      const time = TEST_ANCHOR - 3600;
      const status = (await (await request.get(`/api/slos/${name}/status?time=${time}`)).json()) as { errorBudget: { remaining: number }; state: string; alerts: Array<{ firing: boolean }> };
      expect(status.errorBudget.remaining).toBeLessThan(0);
      expect(status.alerts.some((a) => a.firing)).toBe(false);
      expect(status.state).toBe('exhausted');

      const list = new SloListPage(page);
      await list.goto(time);
      await expect(list.row(name)).toContainText('exhausted');
      await expect(list.row(name)).toContainText('hold risky releases');

      const detail = new SloDetailPage(page);
      await detail.goto(name, time);
      await expect(detail.recommendation).toContainText('exhausted');
      const exhausted = detail.status.getByLabel('Error-budget policy');
      await expect(exhausted).toContainText('hold risky releases');
      // The outage spent it (from the simulator's timeline, not from the app): the budget cannot be
      // positive before the outage's start leaves the 30d window, and is once all of it has (the
      // burn-down's 6h steps round up). Calm traffic burns under 1x, so it does recover.
      const outage = createTimeline(TEST_ANCHOR).outage;
      const window = 30 * 86_400;
      const text = (await exhausted.textContent()) ?? '';
      const found = /positive again in about (\d+)d (\d+)h/.exec(text);
      expect(found, text).not.toBeNull();
      const recovery = Number(found?.[1]) * 86_400 + Number(found?.[2]) * 3600;
      expect(recovery).toBeGreaterThanOrEqual(outage.start + window - time - 3600);
      expect(recovery).toBeLessThanOrEqual(outage.end + window - time + 6 * 3600);
      await page.screenshot({ path: testInfo.outputPath('slo-exhausted.png'), fullPage: true });

      // During the outage the burn is above every threshold now; Prometheus holds no rules here (no rule file).
      await detail.goto(name, OUTAGE_TIME);
      await expect(detail.alerts.getByRole('columnheader', { name: 'Burn above threshold now' })).toBeVisible();
      await expect(detail.alerts.getByRole('columnheader', { name: 'In Prometheus (after for:)' })).toBeVisible();
      const page1h = detail.alerts.getByRole('row').filter({ hasText: '1h / 5m' });
      await expect(page1h.getByRole('cell').nth(5)).toHaveText('yes');
      await expect(page1h.getByRole('cell').nth(6)).toHaveText(/rules not loaded|not active|pending|firing/);
    } finally {
      await remove(request, [name]);
    }
  });
});

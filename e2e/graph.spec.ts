import { expect, test } from '@playwright/test';
import { GRAPH_BOX, projector } from '../components/graph/graph-layout';
import { edgeCurveness } from '../components/graph/graph-options';
import { graphResponseSchema } from '../lib/graph/schema';
import { createModel, TEST_ANCHOR, TEST_SEED } from '../scripts/simulator';
import { GraphPage } from './pages/graph-page';
import { fixtureTime, startPrometheus, stopPrometheus } from './prometheus-control';

// The demo mesh at the fixture time: 13 HTTP services, redis and postgres (TCP), and the gateway.
const DEMO_NODES = 16;
const SLO = { name: 'graph-payments', service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d' };

/**
 * The middle of a call as ECharts draws it with `lineStyle.curveness` (echarts/lib/chart/graph/
 * simpleLayoutHelper.js): a quadratic curve bent off the chord's midpoint. The page has no copy of this;
 * ECharts reports clicks itself. The test needs it only to know where to put the pointer.
 */
function curveMiddle(p1: { x: number; y: number }, p2: { x: number; y: number }, curveness: number) {
  const c = { x: (p1.x + p2.x) / 2 - (p1.y - p2.y) * curveness, y: (p1.y + p2.y) / 2 - (p2.x - p1.x) * curveness };
  return { x: p1.x / 4 + c.x / 2 + p2.x / 4, y: p1.y / 4 + c.y / 2 + p2.y / 4 };
}

test.describe('service graph', () => {
  test('renders the mesh, with a table of every node', async ({ page }, testInfo) => {
    const graph = new GraphPage(page);
    await graph.goto({ time: fixtureTime() });
    await expect(graph.canvas).toBeVisible();
    await expect(graph.nodeRows()).toHaveCount(DEMO_NODES);
    await expect(graph.chart).toHaveAttribute('data-nodes', String(DEMO_NODES));
    await expect(graph.edgesTable.getByText('plaintext')).toBeVisible();
    await page.waitForTimeout(500); // let the canvas paint before the screenshot
    await page.screenshot({ path: testInfo.outputPath('graph.png'), fullPage: true });
  });

  test('replays the payments outage: checkout -> payments fails', async ({ page }, testInfo) => {
    const outage = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR }).timeline.find((e) => e.id === 'payments-outage');
    if (!outage) throw new Error('no outage in the model');
    const graph = new GraphPage(page);
    await graph.goto({ time: outage.start + 1200, end: TEST_ANCHOR, range: '7d' });
    const payments = graph.nodesTable.getByRole('row', { name: /payments\/payments/ }).first();
    await expect(payments).toContainText('Failing');
    await expect(graph.edgesTable.getByRole('row', { name: /shop\/checkout → payments\/payments/ })).toContainText(/\d+%/);
    await expect(graph.canvas).toBeVisible();
    await page.waitForTimeout(500);
    await page.screenshot({ path: testInfo.outputPath('graph-outage.png'), fullPage: true });

    // Compared with an hour before the outage, that call is the one whose error ratio got worse.
    await graph.goto({ time: outage.start + 1200, end: TEST_ANCHOR, range: '7d', compare: outage.start + 1200 - 3600 });
    await expect(graph.edgesTable.getByRole('row', { name: /shop\/checkout → payments\/payments/ })).toContainText('worse');
    await expect(page.getByText(/Compared with .*calls changed/)).toBeVisible();
  });

  test('judges payments by its SLO too: paging 20 minutes into the outage', async ({ page, request }) => {
    const outage = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR }).timeline.find((e) => e.id === 'payments-outage');
    if (!outage) throw new Error('no outage in the model');
    // The e2e app runs with MESHWATCH_DEMO_EDITOR, so an unauthenticated request may create SLOs.
    const created = await request.post('/api/slos', { data: SLO });
    expect(created.status()).toBe(201);
    try {
      const graph = new GraphPage(page);
      await graph.goto({ time: outage.start + 1200, end: TEST_ANCHOR, range: '7d' });
      // 90% of payments' requests fail: a 99.9% objective burns far past the paging threshold, and the
      // verdict (lib/health, on the server) names both the ratio and the paging SLO.
      const chip = graph.nodesTable.getByRole('row', { name: /payments\/payments/ }).first().getByRole('img');
      await expect(chip).toHaveAccessibleName(new RegExp(`^Failing: .*; SLO ${SLO.name} pages: 1h burn`));
      await graph.selectInTable('payments/payments');
      const panel = graph.panel('payments/payments');
      await expect(panel).toContainText(`SLO ${SLO.name} pages`);
      // The graph's pinned moment goes along (issue 14: the graph link dropped it).
      await expect(panel.getByRole('link', { name: SLO.name })).toHaveAttribute('href', `/slos/${SLO.name}?time=${outage.start + 1200}`);
      // A service without an SLO is judged by its error ratio alone.
      await expect(graph.nodesTable.getByRole('row', { name: /shop\/checkout/ }).first().getByRole('img')).not.toHaveAccessibleName(/SLO/);
    } finally {
      await request.delete(`/api/slos/${SLO.name}`);
    }
  });

  test('a node clicked in the table or on the canvas opens its side panel', async ({ page }, testInfo) => {
    const graph = new GraphPage(page);
    await graph.goto({ time: fixtureTime() });
    await graph.selectInTable('payments/payments');
    const panel = graph.panel('payments/payments');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Debug' })).toHaveAttribute('href', `/debug?service=payments&namespace=payments&time=${fixtureTime()}`);
    await expect(panel.getByRole('link', { name: 'SLOs' })).toHaveAttribute('href', '/slos?service=payments');
    await expect(page).toHaveURL(/node=payments%2Fpayments/);
    await page.screenshot({ path: testInfo.outputPath('graph-panel.png') });

    // The gateway is alone in the first layer, so it sits on the left edge, vertically centred.
    await panel.getByRole('button', { name: 'Close service panel' }).click();
    await expect(panel).toBeHidden();
    const box = await graph.chart.boundingBox();
    if (!box) throw new Error('no chart box');
    await graph.chart.click({ position: { x: GRAPH_BOX.left, y: GRAPH_BOX.top + (box.height - GRAPH_BOX.top - GRAPH_BOX.bottom) / 2 } });
    await expect(graph.panel('istio-system/istio-ingressgateway')).toBeVisible();
  });

  test('the namespace filter and the time slider change what is drawn', async ({ page }) => {
    const graph = new GraphPage(page);
    await graph.goto({ time: fixtureTime() });
    await expect(graph.nodeRows()).toHaveCount(DEMO_NODES);
    await graph.namespace.selectOption('payments');
    await expect(page).toHaveURL(/namespace=payments/);
    // payments' own services, its caller checkout, and ledger's callee audit-export.
    await expect(graph.nodeRows()).toHaveCount(6);
    await expect(graph.chart).toHaveAttribute('data-nodes', '6');

    const before = await graph.sliderTime.textContent();
    await graph.slider.focus();
    await page.keyboard.press('Home');
    await expect(graph.sliderTime).not.toHaveText(before ?? '');
    await expect(page).toHaveURL(new RegExp(`time=${fixtureTime() - 6 * 3600}`));
    await expect(graph.nodesTable.locator('caption')).toContainText(new Date((fixtureTime() - 6 * 3600) * 1000).toISOString().slice(11, 16));
  });

  test('the Services | Workloads toggle redraws workloads, kept in the URL; the deploy shows two revisions', async ({ page }) => {
    const graph = new GraphPage(page);
    await graph.goto({ time: fixtureTime() });
    const workloads = page.getByRole('radio', { name: 'Workloads' });
    await expect(page.getByRole('radio', { name: 'Services' })).toBeChecked();
    await workloads.check();
    await expect(page).toHaveURL(/view=workload/);
    const table = page.locator('table', { has: page.locator('caption', { hasText: /workloads at/ }) });
    // The simulator names each workload after its service: the same 16 nodes, now as workloads.
    await expect(table.locator('tbody tr')).toHaveCount(DEMO_NODES);
    await expect(table.getByRole('columnheader', { name: /Revisions/ })).toBeVisible();

    // Two minutes into the catalog v1 -> v2 deployment both revisions serve.
    const deploy = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR }).timeline.find((e) => e.id === 'catalog-deploy');
    if (!deploy) throw new Error('no deployment in the model');
    await graph.goto({ time: deploy.start + 120, end: TEST_ANCHOR, range: '7d', view: 'workload' });
    await expect(workloads).toBeChecked();
    await expect(table.getByRole('row', { name: /shop\/catalog/ })).toContainText(/v[12], v[12]/);
    await table.getByRole('button', { name: 'shop/catalog', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Workload shop/catalog' })).toContainText(/Revisions: v[12] .*, v[12] /);
  });

  test('a call clicked on the canvas opens its panel', async ({ page, request }, testInfo) => {
    const time = fixtureTime();
    const graph = new GraphPage(page);
    await graph.goto({ time });
    await expect(graph.nodeRows()).toHaveCount(DEMO_NODES);
    // Where the call is drawn: the API's layout, placed on this canvas the way the page places it.
    const body = graphResponseSchema.parse(await (await request.get(`/api/graph?time=${time}&window=5m`)).json());
    const [source, target] = ['shop/checkout', 'payments/payments'];
    // ECharts itself agrees the pointer is on that call: clicking there opens that call's panel. The
    // canvas is measured on each try: the toolbar can still grow a line (the cluster picker appears
    // once the clusters are known) and move it; and a pointer that arrives while the chart still runs
    // its first animation (or redraws on a refresh) hits nothing, so move and click again.
    const panel = page.getByRole('complementary', { name: `Call ${source} → ${target}` });
    await expect(async () => {
      const box = await graph.chart.boundingBox();
      if (!box) throw new Error('no chart box');
      const at = projector(body.nodes, { width: box.width, height: box.height });
      const byId = new Map(body.nodes.map((n) => [n.id, at(n)]));
      const [a, b] = [byId.get(source), byId.get(target)];
      if (!a || !b) throw new Error('checkout or payments is not drawn');
      const mid = curveMiddle(a, b, edgeCurveness(body.edges.length));
      await page.mouse.move(box.x + mid.x - 3, box.y + mid.y);
      await page.mouse.move(box.x + mid.x, box.y + mid.y);
      await page.mouse.click(box.x + mid.x, box.y + mid.y);
      await expect(panel).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 45_000 });
    await expect(page).toHaveURL(/edge=shop%2Fcheckout\+-%3E\+payments%2Fpayments/);
    const edge = body.edges.find((e) => e.source === source && e.target === target && e.protocol === 'http');
    await expect(panel).toContainText(`mTLS share${Math.round((edge?.mtlsRatio ?? NaN) * 100)}%`);
    await expect(panel).toContainText('Latency p95');
    await expect(panel.getByRole('link', { name: /Debug payments\/payments/ })).toHaveAttribute('href', `/debug?service=payments&namespace=payments&time=${time}`);
    await page.screenshot({ path: testInfo.outputPath('graph-edge-panel.png') });
    await panel.getByRole('button', { name: 'Close call panel' }).click();
    await expect(panel).toBeHidden();
    // The calls table selects the same way, and the panel leads on to the callee.
    await graph.edgesTable.getByRole('button', { name: `${source} → ${target}`, exact: true }).click();
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: target, exact: true }).click();
    await expect(graph.panel(target)).toBeVisible();
    await expect(panel).toBeHidden();
  });

  test('Prometheus down: the graph says so with Retry, and Retry recovers', async ({ page, request }) => {
    try {
      await stopPrometheus(request);
      const graph = new GraphPage(page);
      // A time nobody has cached, so the error is this load's.
      await graph.goto({ time: fixtureTime() - 1500 });
      const alert = page.getByRole('alert').filter({ hasText: 'Could not load the graph' });
      await expect(alert).toContainText(/Prometheus|upstream|unreachable/i, { timeout: 45_000 });
      const retry = alert.getByRole('button', { name: 'Retry', exact: true });
      await expect(retry).toBeVisible();

      await startPrometheus(request);
      await expect.poll(async () => (await request.get('/api/readyz')).status(), { timeout: 30_000 }).toBe(200);
      await retry.click();
      await expect(alert).toBeHidden({ timeout: 45_000 });
      await expect(graph.nodeRows()).toHaveCount(DEMO_NODES);
    } finally {
      await startPrometheus(request);
    }
  });
});

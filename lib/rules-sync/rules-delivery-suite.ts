// Rules delivered to a real Prometheus and read back from its own APIs. This test starts its own
// Prometheus (it needs a rule file and --web.enable-lifecycle, which the shared fixture has not) over a
// short live history: the simulator anchored at now, the last 2 h backfilled, then scraped live every
// second, with a payments incident (90% of successful requests fail) injected through the simulator's
// control endpoint 15 minutes ago. The expected burn comes from the simulator's truth, not from Meshwatch.
// A suite per mesh (rules-sync.int.test.ts for Istio, rules-sync-linkerd.int.test.ts for Linkerd, MESH
// unset so the mesh is detected): the environment, Prometheus client and mesh detection are per process,
// so each mesh runs in its own test file rather than in a describe.each.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getPanel } from '@/app/api/panels/[dashboard]/[panel]/route';
import { GET as getRules } from '@/app/api/rules/route';
import { GET as getAlerting } from '@/app/api/slos-alerting/route';
import { POST as create } from '@/app/api/slos/route';
import { panelResponseSchema } from '@/lib/dashboards/schema';
import { getPrometheusClient } from '@/lib/prometheus';
import { rulesDeliverySchema, slosAlertingResponseSchema, type SlosAlertingResponse } from '@/lib/slo/alerting-schema';
import { sloSpecSchema } from '@/lib/slo/spec';
import { openSqliteStore, setSloStore } from '@/lib/store';
import { createModel, writeHistory, type Model } from '@/scripts/simulator';
import { startControlledLiveServer, type ControlledLiveServer } from '@/scripts/simulator/live-control/server';
import { freePort, waitFor } from '@/scripts/system/ports';
import { backfill, prometheusConfig, startPrometheus, type PrometheusProcess } from '@/scripts/system/prometheus';
import type { FixtureMesh } from '@/scripts/testing/fixture-tsdb';
import { getRulesSyncer, readSloAlerting } from './index';

const HISTORY_S = 2 * 3600;
const INCIDENT_AGO_S = 15 * 60;
const ERROR_SHARE = 0.9;
const EDITOR = { authorization: 'Bearer editor-token-123', 'content-type': 'application/json' };
// One page pair as the SRE Workbook's 1h/5m (2% of a 30d budget: 14.4x), without the pending period so
// the alert fires at the first evaluation after the rules load.
const spec = sloSpecSchema.parse({
  name: 'payments-availability',
  service: 'payments',
  namespace: 'payments',
  team: 'payments',
  indicator: { type: 'availability' },
  objective: 99.9,
  window: '30d',
  policy: { alerts: [{ severity: 'page', longWindow: '1h', shortWindow: '5m', budgetPercent: 2, for: '0s' }] },
});

/** The whole delivery story on `mesh`'s rendering of the shop. */
export function rulesDeliverySuite(mesh: FixtureMesh): void {
  let dir: string;
  let rulesFile: string;
  let model: Model;
  let sim: ControlledLiveServer;
  let prom: PrometheusProcess;
  let incidentStart: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-rules-int-'));
    const now = Math.floor(Date.now() / 1000);
    model = createModel({ seed: 42, anchor: now - (now % 60), mesh });
    // On the history's minute grid, so the injected 503 series has a sample of 0 where it is born: a
    // series born between two samples loses its first increase to Prometheus' increase() (up to 60 s here).
    incidentStart = model.anchor - INCIDENT_AGO_S;
    sim = await startControlledLiveServer({ model, port: 0 });
    const injected = await fetch(`${sim.controlUrl}/incidents`, {
      method: 'POST',
      body: JSON.stringify({ service: 'payments', minutes: 60, errorShare: ERROR_SHARE, start: incidentStart }),
    });
    expect(injected.status).toBe(201);
    // The history includes the incident's first 15 minutes: the writer reads the same families.
    const om = path.join(dir, 'history.om');
    await writeHistory({ model: sim.control.model, from: model.anchor - HISTORY_S, to: model.anchor, outFile: om });
    await backfill(om, path.join(dir, 'data'));
    rulesFile = path.join(dir, 'meshwatch-rules.yml');
    writeFileSync(rulesFile, 'groups: []\n');
    const target = new URL(sim.url).host;
    prom = await startPrometheus({
      dataDir: path.join(dir, 'data'),
      workDir: dir,
      port: await freePort(),
      retention: '100y',
      configYaml: prometheusConfig([{ job: 'kubernetes-pods', target, honorLabels: true }], { ruleFiles: [rulesFile], evaluationInterval: '1s', scrapeInterval: '1s' }),
    });
    vi.stubEnv('PROMETHEUS_URL', prom.url);
    vi.stubEnv('MESHWATCH_RULES_FILE', rulesFile);
    vi.stubEnv('MESHWATCH_PROMTOOL', '/usr/bin/promtool');
    vi.stubEnv('MESHWATCH_API_TOKENS', 'editor-token-123:editor');
    setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
  }, 120_000);

  afterAll(async () => {
    setSloStore(undefined)?.close();
    vi.unstubAllEnvs();
    await prom?.stop();
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const alerting = async () => slosAlertingResponseSchema.parse(await (await getAlerting(new Request('http://meshwatch.test/api/slos-alerting'))).json());

  /** The 1h error ratio at t from the simulator's truth, with the incident's share of successes moved to errors. */
  function expectedRatio(t: number): number {
    const id = 'payments/payments';
    const hour = model.truth(t - 3600, t).services.find((s) => s.id === id);
    const during = model.truth(Math.max(incidentStart, t - 3600), t).services.find((s) => s.id === id);
    if (!hour || !during) throw new Error('payments missing from the truth');
    return (hour.errors + ERROR_SHARE * (during.requests - during.errors - during.fourxx)) / hour.requests;
  }

  describe(`rules delivered to a real Prometheus (${mesh})`, () => {
    it('creating an SLO writes the checked rule file and reloads Prometheus', async () => {
      const res = await create(new Request('http://meshwatch.test/api/slos', { method: 'POST', headers: EDITOR, body: JSON.stringify(spec) }));
      expect(res.status).toBe(201);
      await getRulesSyncer()!.request();
      const delivery = rulesDeliverySchema.parse(await (await getRules(new Request('http://meshwatch.test/api/rules'))).json());
      expect(delivery).toMatchObject({ mode: 'file', file: rulesFile, lastSync: { ok: true, reload: 'ok' } });
      expect(delivery.lastSync?.checkOutput).toContain('SUCCESS');
    });

    it('Prometheus loads the rules and fires the page, as /api/slos-alerting reads back from /api/v1/rules and /api/v1/alerts', async () => {
      let body: SlosAlertingResponse | undefined;
      await waitFor(
        async () => {
          body = await alerting();
          return body.slos[0]?.alerts.some((a) => a.state === 'firing') ?? false;
        },
        45_000,
        'the page to fire',
      );
      const readAt = Date.now() / 1000;
      expect(body?.source).toBe('live');
      const payments = body?.slos[0];
      // Loaded, not stale: Prometheus re-prints every expression, and they still match what we generate.
      expect(payments).toMatchObject({ name: 'payments-availability', rules: 'loaded' });
      expect(payments?.detail).toBeUndefined();
      const page = payments?.alerts[0];
      expect(page).toMatchObject({ severity: 'page', state: 'firing', longWindow: '1h', shortWindow: '5m' });
      expect(page?.activeAt).toBeGreaterThan(readAt - 60);
      // The alert's value is the 1h error ratio: about a quarter of the hour at 90% errors, far above 14.4 x 0.1%.
      const expected = expectedRatio(readAt);
      expect(expected).toBeGreaterThan(0.2);
      expect(Math.abs((page?.value ?? 0) - expected) / expected).toBeLessThan(0.05);

      // Prometheus' own API says the same.
      const own = (await (await fetch(`${prom.url}/api/v1/alerts`)).json()) as { data: { alerts: Array<{ labels: Record<string, string>; state: string }> } };
      expect(own.data.alerts).toContainEqual(
        expect.objectContaining({ state: 'firing', labels: expect.objectContaining({ alertname: 'SLOErrorBudgetBurn', slo: 'payments-availability', severity: 'page', service: 'payments', namespace: 'payments' }) }),
      );
    });

    it('the on-call and executive dashboards show the firing page, linked to its SLO, from the ALERTS series', async () => {
      const panel = async (dashboard: string, id: string) => {
        const end = Math.floor(Date.now() / 1000);
        const qs = new URLSearchParams({ start: String(end - 600), end: String(end), step: '60' });
        const res = await getPanel(new Request(`http://meshwatch.test/api/panels/${dashboard}/${id}?${qs}`), { params: Promise.resolve({ dashboard, panel: id }) });
        const { data } = panelResponseSchema.parse(await res.json());
        if (data.kind !== 'table') throw new Error(`${id}: not a table`);
        return data.rows;
      };
      // ALERTS is written at rule evaluation (every second here); give the first sample a moment.
      await waitFor(async () => (await panel('oncall', 'slo-alerts')).length > 0, 15_000, 'ALERTS to hold the page');
      const row = (await panel('oncall', 'slo-alerts'))[0]?.cells;
      expect(row).toMatchObject({ severity: 'page', state: 'firing', windows: '1h and 5m' });
      // The link is pinned at the alert's start (ALERTS_FOR_STATE's activeAt), a time within the last minutes.
      const since = Number(row?.since);
      expect(since).toBeGreaterThan(Date.now() / 1000 - 600);
      expect(row?.slo).toEqual({ text: 'payments-availability', href: `/slos/payments-availability?time=${Math.floor(since)}` });
      const incidents = await panel('executive', 'incidents');
      expect(incidents.find((r) => r.cells.namespace === 'payments')?.cells).toMatchObject({
        alerts: 'SLOErrorBudgetBurn (page)',
        slo: { text: 'payments-availability (page)', href: '/slos/payments-availability' },
        // An episode over the range from Prometheus' ALERTS, still firing at its end.
        start: expect.any(Number),
        end: 'still firing',
        duration: expect.stringMatching(/\+$/),
      });
    });

    it('tells stale and missing rules apart from loaded ones', async () => {
      const client = getPrometheusClient();
      const now = Date.now() / 1000;
      const { slos } = await readSloAlerting(client, [{ ...spec, objective: 99.5 }, { ...spec, name: 'never-synced' }], { time: now, now, lastSync: getRulesSyncer()?.last() ?? null });
      expect(slos.map((s) => s.rules)).toEqual(['stale', 'not_loaded']);
      expect(slos[0]?.detail).toContain('differ');
    });

    it('a 28-day SLO reads loaded, though Prometheus reprints its [28d] ranges as [4w]', async () => {
      const monthly = sloSpecSchema.parse({ ...spec, name: 'payments-28d', window: '28d', policy: undefined });
      const res = await create(new Request('http://meshwatch.test/api/slos', { method: 'POST', headers: EDITOR, body: JSON.stringify(monthly) }));
      expect(res.status).toBe(201);
      await getRulesSyncer()!.request();
      const loadedQueries = async () => {
        const body = (await (await fetch(`${prom.url}/api/v1/rules`)).json()) as { data: { groups: Array<{ rules: Array<{ query: string; labels?: Record<string, string> }> }> } };
        return body.data.groups.flatMap((g) => g.rules).filter((r) => r.labels?.slo === 'payments-28d');
      };
      await waitFor(async () => (await loadedQueries()).length > 0, 30_000, 'Prometheus to load the 28d rules');
      // The premise, from Prometheus itself: it answers [4w] where we wrote [28d].
      expect((await loadedQueries()).some((r) => r.query.includes('[4w]'))).toBe(true);
      const body = await alerting();
      expect(body.slos.find((s) => s.name === 'payments-28d')).toMatchObject({ rules: 'loaded' });
    });
  });
}

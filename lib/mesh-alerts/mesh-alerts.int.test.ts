// The generated mesh-health rules in a real Prometheus, on both meshes:
// 1. over the fixture history, each alert's expression at the anchor: only the CA ticket at 14 days
//    holds (the simulator's root certificate expires 10 days after the anchor; the default 7-day ticket
//    would hold only 3 days later, after the history ends, so the threshold, a setting, is 14 days);
// 2. the rule file Meshwatch writes, loaded by a Prometheus that scrapes the live simulator (anchored
//    now, the last hour backfilled): the 14-day ticket fires on the expiring root certificate, then a
//    control-plane outage injected through the simulator's control endpoint fires the page.
// Expected values come from the simulator's facts (its root certificate's expiry), not from the rules.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MESH_ADAPTERS } from '@/lib/mesh';
import { createPrometheusClient } from '@/lib/prometheus';
import { rulesFileYaml } from '@/lib/rules-sync/bundle';
import { createModel, writeHistory, type Model } from '@/scripts/simulator';
import { startControlledLiveServer, type ControlledLiveServer } from '@/scripts/simulator/live-control/server';
import { freePort, waitFor } from '@/scripts/system/ports';
import { backfill, prometheusConfig, startPrometheus, type PrometheusProcess } from '@/scripts/system/prometheus';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import type { MeshAlertSetting } from './catalog';
import { meshAlertRules, meshHealthGroups } from './rules';

const DAY = 86_400;
const PUBLIC = 'https://meshwatch.example.com';
const HISTORY_S = 3600;
/** The CA ticket at 14 days (the root expires 10 days after the anchor); the control-plane page at once, so the test waits for no pending period (promtool's tests check it). */
const SETTINGS: MeshAlertSetting[] = [
  { id: 'ca-cert-ticket', enabled: true, threshold: 14 },
  { id: 'control-plane-down', enabled: true, threshold: 0 },
];
const CA_CERT = { istio: 'root', linkerd: 'issuer' } as const;

describe.each(FIXTURE_MESHES)('mesh-health alert expressions over the fixture history (%s)', (mesh) => {
  const { seed, anchor } = inject('fixture');
  const model = createModel({ seed, anchor, mesh });
  const client = createPrometheusClient({ baseUrl: inject('prometheusUrls')[mesh], timeoutMs: 30_000 });
  const signals = MESH_ADAPTERS[mesh].healthSignals();
  const holding = async (settings: MeshAlertSetting[], time: number) => {
    const out: Record<string, Array<{ labels: Record<string, string>; value: number }>> = {};
    for (const r of meshAlertRules(signals, settings)) {
      if (!r.rule) continue;
      const result = await client.instantQuery(r.rule.expr, { time });
      if (result.resultType !== 'vector') throw new Error(`${r.id}: ${result.resultType}`);
      out[r.id] = result.samples.map((s) => ({ labels: s.labels, value: s.value }));
    }
    return out;
  };

  it('at the anchor only the 14-day CA ticket holds, at the seconds the simulator says are left', async () => {
    const at = await holding(SETTINGS, anchor);
    const held = Object.entries(at).filter(([, samples]) => samples.length > 0).map(([id]) => id);
    expect(held).toEqual(['ca-cert-ticket']);
    expect(at['ca-cert-ticket']).toEqual([{ labels: { cert: CA_CERT[mesh] }, value: model.facts.rootCertExpiry - anchor }]);
    expect((model.facts.rootCertExpiry - anchor) / DAY).toBeCloseTo(10, 9);
  });

  it('with the default 7-day ticket nothing holds yet: 10 days are left', async () => {
    const at = await holding([], anchor);
    expect(Object.entries(at).filter(([, s]) => s.length > 0)).toEqual([]);
  });
});

interface FiringAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: string;
  value: string;
}

describe.each(FIXTURE_MESHES)('mesh-health rules in a Prometheus scraping the live simulator (%s)', (mesh) => {
  let dir: string;
  let model: Model;
  let sim: ControlledLiveServer;
  let prom: PrometheusProcess;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-mesh-alerts-int-'));
    const now = Math.floor(Date.now() / 1000);
    model = createModel({ seed: 42, anchor: now - (now % 60), mesh });
    sim = await startControlledLiveServer({ model, port: 0 });
    const om = path.join(dir, 'history.om');
    await writeHistory({ model, from: model.anchor - HISTORY_S, to: model.anchor, outFile: om });
    await backfill(om, path.join(dir, 'data'));
    // The file the rules sync writes: no SLOs here, the mesh-health group after them.
    const adapter = MESH_ADAPTERS[mesh];
    const rulesFile = path.join(dir, 'meshwatch-rules.yml');
    writeFileSync(rulesFile, rulesFileYaml([], adapter.sli, PUBLIC, {}, meshHealthGroups(adapter.healthSignals(), SETTINGS, PUBLIC)));
    prom = await startPrometheus({
      dataDir: path.join(dir, 'data'),
      workDir: dir,
      port: await freePort(),
      retention: '100y',
      configYaml: prometheusConfig([{ job: 'kubernetes-pods', target: new URL(sim.url).host, honorLabels: true }], { ruleFiles: [rulesFile], evaluationInterval: '1s', scrapeInterval: '1s' }),
    });
    // The control plane must have been scraped live before its outage: only a series that leaves a
    // scrape gets a staleness marker; the backfilled history's last sample alone would hide the outage
    // for the 5-minute lookback.
    await waitFor(async () => (await controlPlaneScrapes()) >= 2, 60_000, 'Prometheus to scrape the live simulator');
  }, 180_000);

  /** Live scrapes so far (`up` exists only for them); each holds the control plane until the outage. */
  const controlPlaneScrapes = async () => {
    const query = encodeURIComponent('count_over_time(up{job="kubernetes-pods"}[5m])');
    const body = (await (await fetch(`${prom.url}/api/v1/query?query=${query}`)).json()) as { data: { result: Array<{ value: [number, string] }> } };
    return Number(body.data.result[0]?.value[1] ?? 0);
  };

  afterAll(async () => {
    await prom?.stop();
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const alerts = async (): Promise<FiringAlert[]> => ((await (await fetch(`${prom.url}/api/v1/alerts`)).json()) as { data: { alerts: FiringAlert[] } }).data.alerts;
  const firing = async (name: string) => (await alerts()).filter((a) => a.labels.alertname === name && a.state === 'firing');

  it('fires the CA ticket on the expiring root certificate, with the seconds left and an absolute runbook link', async () => {
    await waitFor(async () => (await firing('MeshCACertificateExpiring')).length > 0, 60_000, 'the CA ticket to fire');
    const [ticket, ...rest] = await firing('MeshCACertificateExpiring');
    expect(rest).toEqual([]); // the 1-day page stays silent: 10 days are left
    expect(ticket?.labels).toMatchObject({ severity: 'ticket', meshwatch_alert: 'ca-cert-ticket', cert: CA_CERT[mesh] });
    expect(ticket?.annotations.runbook_url).toBe(`${PUBLIC}/runbooks/mesh-health#ca-cert-ticket`);
    const left = model.facts.rootCertExpiry - Date.now() / 1000;
    expect(Math.abs(Number(ticket?.value) - left)).toBeLessThan(60);
    expect(await firing('MeshControlPlaneDown')).toEqual([]);
    expect(await firing('MeshWorkloadCertificateExpiring')).toEqual([]);
  });

  it('pages on a control-plane outage injected in the live simulator', async () => {
    expect(await firing('MeshControlPlaneDown')).toEqual([]);
    const res = await fetch(`${sim.controlUrl}/outages`, { method: 'POST', body: JSON.stringify({ minutes: 10 }) });
    expect(res.status).toBe(201);
    await waitFor(async () => (await firing('MeshControlPlaneDown')).length > 0, 60_000, 'the control-plane page to fire');
    const [page] = await firing('MeshControlPlaneDown');
    expect(page?.labels).toMatchObject({ severity: 'page', meshwatch_alert: 'control-plane-down' });
    expect(page?.annotations.runbook_url).toBe(`${PUBLIC}/runbooks/mesh-health#control-plane-down`);
    // The proxies keep reporting through the outage: their certificates raise nothing.
    expect(await firing('MeshWorkloadCertificateExpiring')).toEqual([]);
  });
});

// Rollouts: the MeshwatchRollout expression of each mesh adapter, run by a real Prometheus over the
// fixture history at explicit times around the simulator's catalog v1 -> v2 deploy (timeline.ts), fires
// for catalog only, from the deploy for MESHWATCH_ROLLOUT_MUTE; and a real Alertmanager running the
// generated config inhibits the service's ticket, not its page, while the rollout alert is active.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { istioAdapter, linkerdAdapter } from '@/lib/mesh';
import { createPrometheusClient } from '@/lib/prometheus';
import { createModel } from '@/scripts/simulator';
import { startAlertmanager, type AlertmanagerProcess } from '@/scripts/system/alertmanager';
import { findNeedBinary } from '@/scripts/system/deps';
import { freePort, waitFor } from '@/scripts/system/ports';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import { alertmanagerYaml } from './alertmanager';
import { ROLLOUT_ALERT } from './rollout';

const { seed, anchor } = inject('fixture');
const model = createModel({ seed, anchor });
const deploy = model.timeline.find((e) => e.id === 'catalog-deploy')?.start;
if (deploy === undefined) throw new Error('no catalog deploy in the story');
const ADAPTERS = { istio: istioAdapter, linkerd: linkerdAdapter };
const MINUTE = 60;

describe.each(FIXTURE_MESHES)('MeshwatchRollout over the fixture history (%s)', (mesh) => {
  const client = createPrometheusClient({ baseUrl: inject('prometheusUrls')[mesh], timeoutMs: 60_000 });
  const expr = ADAPTERS[mesh].rolloutStarted({ since: '30m' }).promql;
  const firingAt = async (time: number) => {
    const result = await client.instantQuery(expr, { time });
    if (result.resultType !== 'vector') throw new Error('expected a vector');
    return result.samples.map((s) => `${s.labels.namespace}/${s.labels.service}`).sort();
  };

  it.each([
    ['10 min before the deploy', -10 * MINUTE, []],
    ['2 min after the deploy', 2 * MINUTE, ['shop/catalog']],
    ['29 min after the deploy', 29 * MINUTE, ['shop/catalog']],
    // Once v2 has two samples (1 min apart) 30 min back, it is no longer new: the mute is 30 min plus a scrape.
    ['32 min after the deploy', 32 * MINUTE, []],
  ] as const)('%s: fires for %j', async (_label, offset, expected) => {
    expect(await firingAt(deploy + offset)).toEqual(expected);
  });

  it('names the new revision', async () => {
    const result = await client.instantQuery(expr, { time: deploy + 5 * MINUTE });
    const labels = result.resultType === 'vector' ? result.samples[0]?.labels : undefined;
    const v2 = model.services.find((s) => s.id === 'shop/catalog')?.pods.find((p) => p.revision === 'v2');
    // Istio names it by its version label; Linkerd by the ReplicaSet hash in the pod's name.
    expect(labels?.revision).toBe(mesh === 'istio' ? 'v2' : v2?.pod.split('-').at(-2));
  });
});

const present = findNeedBinary('alertmanager', 'alertmanager') !== null;

interface ApiAlert {
  labels: Record<string, string>;
  status: { state: string; inhibitedBy: string[] };
}

describe.skipIf(!present)('rollout inhibition in a real Alertmanager with the generated config', () => {
  let am: AlertmanagerProcess;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-rollout-am-'));
    am = await startAlertmanager({ workDir: dir, port: await freePort(), configYaml: alertmanagerYaml(), portEnvName: 'TEST_ALERTMANAGER_PORT' });
  });
  afterAll(async () => {
    await am?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("mutes the rolling service's ticket, not its page, nor another service's ticket", async () => {
    const burn = (service: string, severity: string) => ({ alertname: 'SLOErrorBudgetBurn', slo: `${service}-availability`, service, namespace: 'shop', team: 'storefront', severity });
    const alerts = [
      { alertname: ROLLOUT_ALERT, namespace: 'shop', service: 'catalog', revision: 'v2', severity: 'info' },
      burn('catalog', 'ticket'),
      burn('catalog', 'page'),
      burn('cart', 'ticket'),
    ];
    const startsAt = new Date().toISOString();
    const posted = await fetch(`${am.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts.map((labels) => ({ labels, startsAt }))),
    });
    expect(posted.status).toBe(200);
    const key = (a: ApiAlert) => `${a.labels.alertname}/${a.labels.service}/${a.labels.severity}`;
    let byKey = new Map<string, ApiAlert>();
    await waitFor(
      async () => {
        const list = (await (await fetch(`${am.url}/api/v2/alerts`)).json()) as ApiAlert[];
        byKey = new Map(list.map((a) => [key(a), a]));
        return byKey.size === 4 && byKey.get('SLOErrorBudgetBurn/catalog/ticket')?.status.state === 'suppressed';
      },
      20_000,
      "catalog's ticket to be inhibited",
    );
    expect(byKey.get('SLOErrorBudgetBurn/catalog/ticket')?.status.inhibitedBy).toHaveLength(1);
    expect(byKey.get('SLOErrorBudgetBurn/catalog/page')?.status).toMatchObject({ state: 'active', inhibitedBy: [] });
    expect(byKey.get('SLOErrorBudgetBurn/cart/ticket')?.status).toMatchObject({ state: 'active', inhibitedBy: [] });
    expect(byKey.get(`${ROLLOUT_ALERT}/catalog/info`)?.status.state).toBe('active');
  });
});

// The generated Alertmanager config under the real Alertmanager: amtool accepts it (standalone and
// merged into someone's config), routes pages and tickets to their receivers, and a running
// Alertmanager inhibits the ticket of an SLO whose page fires, grouping per team, region, service and SLO.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startAlertmanager, checkAlertmanagerConfig, routeReceivers, type AlertmanagerProcess } from '@/scripts/system/alertmanager';
import { findNeedBinary } from '@/scripts/system/deps';
import { prometheusConfig, startPrometheus } from '@/scripts/system/prometheus';
import { freePort, waitFor } from '@/scripts/system/ports';
import { alertmanagerFragmentYaml, alertmanagerYaml } from './alertmanager';

const present = findNeedBinary('alertmanager', 'alertmanager') !== null && findNeedBinary('alertmanager', 'amtool') !== null;
const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-am-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const burn = (slo: string, severity: string, team = 'payments', region?: string) => ({
  alertname: 'SLOErrorBudgetBurn',
  slo,
  service: slo.split('-')[0] ?? slo,
  namespace: 'shop',
  team,
  severity,
  long_window: severity === 'page' ? '1h' : '1d',
  ...(region ? { region } : {}),
});

function writeConfig(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe.skipIf(!present)('generated Alertmanager config under amtool', () => {
  it('passes amtool check-config, with and without team routes', async () => {
    expect(await checkAlertmanagerConfig(writeConfig('plain.yml', alertmanagerYaml()))).toContain('SUCCESS');
    expect(await checkAlertmanagerConfig(writeConfig('teams.yml', alertmanagerYaml({ teams: ['payments', 'store "front"'] })))).toContain('SUCCESS');
  });

  it('merges into an existing config as its instructions say', async () => {
    const theirs = {
      route: { receiver: 'ops', group_by: ['alertname', 'cluster'], routes: [{ matchers: ['severity="critical"'], receiver: 'ops' }] },
      receivers: [{ name: 'ops', webhook_configs: [{ url: 'http://127.0.0.1:9/hook' }] }],
      inhibit_rules: [{ source_matchers: ['alertname="ClusterDown"'], target_matchers: ['severity="warning"'], equal: ['cluster'] }],
    };
    const ours = parse(alertmanagerFragmentYaml()) as { route: { routes: unknown[] }; receivers: unknown[]; inhibit_rules: unknown[] };
    const merged = {
      route: { ...theirs.route, routes: [...ours.route.routes, ...theirs.route.routes] },
      receivers: [...theirs.receivers, ...ours.receivers],
      inhibit_rules: [...theirs.inhibit_rules, ...ours.inhibit_rules],
    };
    const file = writeConfig('merged.yml', stringify(merged));
    expect(await checkAlertmanagerConfig(file)).toContain('SUCCESS');
    expect(await routeReceivers(file, burn('checkout-availability', 'page'))).toEqual(['meshwatch-page']);
    expect(await routeReceivers(file, { alertname: 'Other', severity: 'critical' })).toEqual(['ops']);
  });

  it('routes a page to meshwatch-page and a ticket to meshwatch-ticket, team routes first', async () => {
    const plain = writeConfig('routes.yml', alertmanagerYaml());
    expect(await routeReceivers(plain, burn('checkout-availability', 'page'))).toEqual(['meshwatch-page']);
    expect(await routeReceivers(plain, burn('checkout-availability', 'ticket'))).toEqual(['meshwatch-ticket']);
    expect(await routeReceivers(plain, { alertname: 'SomethingElse', severity: 'page' })).toEqual(['meshwatch-default']);
    const teams = writeConfig('team-routes.yml', alertmanagerYaml({ teams: ['payments'] }));
    expect(await routeReceivers(teams, burn('checkout-availability', 'page'))).toEqual(['meshwatch-page-payments']);
    expect(await routeReceivers(teams, burn('cart-availability', 'ticket', 'storefront'))).toEqual(['meshwatch-ticket']);
    // The mesh-health alerts reach the same receivers by severity, not the default one.
    expect(await routeReceivers(plain, { alertname: 'MeshControlPlaneDown', severity: 'page', meshwatch_alert: 'control-plane-down' })).toEqual(['meshwatch-page']);
    expect(await routeReceivers(plain, { alertname: 'MeshCACertificateExpiring', severity: 'ticket', meshwatch_alert: 'ca-cert-ticket' })).toEqual(['meshwatch-ticket']);
  });
});

interface ApiAlert {
  labels: Record<string, string>;
  status: { state: string; inhibitedBy: string[] };
  receivers: Array<{ name: string }>;
}
interface ApiGroup {
  labels: Record<string, string>;
  receiver: { name: string };
  alerts: ApiAlert[];
}

describe.skipIf(!present)('a real Alertmanager running the generated config', () => {
  let am: AlertmanagerProcess;
  beforeAll(async () => {
    am = await startAlertmanager({ workDir: path.join(dir, 'am'), port: await freePort(), configYaml: alertmanagerYaml(), portEnvName: 'TEST_ALERTMANAGER_PORT' });
  });
  afterAll(async () => {
    await am?.stop();
  });

  const get = async <T,>(p: string): Promise<T> => (await (await fetch(`${am.url}${p}`)).json()) as T;

  /**
   * Posts the alerts, then waits until Alertmanager lists every one of them and has suppressed the one
   * whose `key` is `suppressed`; returns them by key. Only alerts with exactly the posted labels count,
   * so the alerts of the other tests on the same Alertmanager never match.
   */
  async function postUntilSuppressed(alerts: Array<Record<string, string>>, key: (a: ApiAlert) => string, suppressed: string): Promise<Map<string, ApiAlert>> {
    const startsAt = new Date().toISOString();
    const response = await fetch(`${am.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts.map((labels) => ({ labels, annotations: { summary: 'test' }, startsAt }))),
    });
    expect(response.status).toBe(200);
    const labelsText = (labels: Record<string, string>) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
    const posted = new Set(alerts.map(labelsText));
    let byKey = new Map<string, ApiAlert>();
    await waitFor(
      async () => {
        const ours = (await get<ApiAlert[]>('/api/v2/alerts')).filter((a) => posted.has(labelsText(a.labels)));
        byKey = new Map(ours.map((a) => [key(a), a]));
        return byKey.size === alerts.length && byKey.get(suppressed)?.status.state === 'suppressed';
      },
      20_000,
      `${suppressed} to be inhibited`,
    );
    return byKey;
  }

  it('inhibits the ticket of an SLO whose page fires, and only that one', async () => {
    const alerts = [burn('checkout-availability', 'page'), burn('checkout-availability', 'ticket'), burn('cart-availability', 'ticket', 'storefront')];
    const byKey = await postUntilSuppressed(alerts, (a) => `${a.labels.slo}/${a.labels.severity}`, 'checkout-availability/ticket');
    const page = byKey.get('checkout-availability/page');
    expect(page?.status).toMatchObject({ state: 'active', inhibitedBy: [] });
    expect(page?.receivers.map((r) => r.name)).toEqual(['meshwatch-page']);
    expect(byKey.get('checkout-availability/ticket')?.status.inhibitedBy).toHaveLength(1);
    expect(byKey.get('cart-availability/ticket')?.status).toMatchObject({ state: 'active', inhibitedBy: [] });
    expect(byKey.get('cart-availability/ticket')?.receivers.map((r) => r.name)).toEqual(['meshwatch-ticket']);
  });

  it('groups per team, service and SLO, a group per severity receiver', async () => {
    const groups = await get<ApiGroup[]>('/api/v2/alerts/groups');
    const summary = groups.map((g) => ({ labels: g.labels, receiver: g.receiver.name, alerts: g.alerts.length })).sort((a, b) => a.receiver.localeCompare(b.receiver) || (a.labels.slo ?? '').localeCompare(b.labels.slo ?? ''));
    expect(summary).toEqual([
      { labels: { team: 'payments', service: 'checkout', slo: 'checkout-availability' }, receiver: 'meshwatch-page', alerts: 1 },
      { labels: { team: 'storefront', service: 'cart', slo: 'cart-availability' }, receiver: 'meshwatch-ticket', alerts: 1 },
      { labels: { team: 'payments', service: 'checkout', slo: 'checkout-availability' }, receiver: 'meshwatch-ticket', alerts: 1 },
    ]);
  });

  it('a perRegion SLO: one group per region, and a page mutes its own region\'s ticket only', async () => {
    const alerts = [burn('reviews-availability', 'page', 'storefront', 'eu-west'), burn('reviews-availability', 'ticket', 'storefront', 'eu-west'), burn('reviews-availability', 'ticket', 'storefront', 'us-east')];
    const byKey = await postUntilSuppressed(alerts, (a) => `${a.labels.region}/${a.labels.severity}`, 'eu-west/ticket');
    expect(byKey.get('us-east/ticket')?.status).toMatchObject({ state: 'active', inhibitedBy: [] });
    const groups = (await get<ApiGroup[]>('/api/v2/alerts/groups')).filter((g) => g.labels.slo === 'reviews-availability');
    expect(groups.map((g) => `${g.receiver.name} ${JSON.stringify(g.labels)}`).sort()).toEqual([
      'meshwatch-page {"region":"eu-west","service":"reviews","slo":"reviews-availability","team":"storefront"}',
      'meshwatch-ticket {"region":"eu-west","service":"reviews","slo":"reviews-availability","team":"storefront"}',
      'meshwatch-ticket {"region":"us-east","service":"reviews","slo":"reviews-availability","team":"storefront"}',
    ]);
  });

  it("a mesh-health page mutes the same alert's ticket on the same certificate, not another cluster's", async () => {
    const cert = (severity: string, cluster: string) => ({
      alertname: 'MeshCACertificateExpiring',
      severity,
      meshwatch_alert: `ca-cert-${severity}`,
      cert: 'root',
      cluster,
    });
    const alerts = [cert('page', 'prod-us-east'), cert('ticket', 'prod-us-east'), cert('ticket', 'prod-eu-west')];
    const byKey = await postUntilSuppressed(alerts, (a) => `${a.labels.cluster}/${a.labels.severity}`, 'prod-us-east/ticket');
    expect(byKey.get('prod-us-east/page')?.receivers.map((r) => r.name)).toEqual(['meshwatch-page']);
    expect(byKey.get('prod-eu-west/ticket')?.status).toMatchObject({ state: 'active', inhibitedBy: [] });
    expect(byKey.get('prod-eu-west/ticket')?.receivers.map((r) => r.name)).toEqual(['meshwatch-ticket']);
  });

  it("receives a firing alert from a Prometheus configured like the demo's", async () => {
    const promDir = path.join(dir, 'prom');
    const rules = path.join(dir, 'always.rules.yml');
    const labels = { slo: 'payments-availability', service: 'payments', namespace: 'payments', team: 'payments', severity: 'page' };
    // `for` outlasts the notifier's first discovery of the Alertmanager (alerts sent before it are dropped).
    writeFileSync(rules, stringify({ groups: [{ name: 'always', rules: [{ alert: 'SLOErrorBudgetBurn', expr: 'vector(1)', for: '10s', labels }] }] }));
    const amTarget = am.url.replace('http://', '');
    const prom = await startPrometheus({
      dataDir: path.join(promDir, 'data'),
      workDir: promDir,
      port: await freePort(),
      configYaml: prometheusConfig([], { ruleFiles: [rules], evaluationInterval: '1s', alertmanagers: [amTarget] }),
    });
    try {
      let found: ApiAlert | undefined;
      await waitFor(
        async () => {
          found = (await get<ApiAlert[]>('/api/v2/alerts')).find((a) => a.labels.slo === labels.slo);
          return found !== undefined;
        },
        45_000,
        'the alert to reach Alertmanager',
      );
      expect(found?.receivers.map((r) => r.name)).toEqual(['meshwatch-page']);
    } finally {
      await prom.stop();
    }
  });
});

// The executive figures against the simulator's truth and against the PromQL of Istio's own Grafana
// dashboards (istio/istio manifests/addons/dashboards), evaluated by the same Prometheus on the same data.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, setSloStore } from '@/lib/store';
import { anchor, event, interpolatedQuantile, model, panel, scalar, service, stat, table, text } from './int-helpers';

const MINUTE = 60;
const DAY = 86_400;

// Istio Mesh dashboard, "Success Rate" ($__rate_interval = 5m here). It reads the SOURCE reporter and
// counts only 5xx, while Meshwatch reads the destination reporter and counts 5xx and resets (code 0).
const ISTIO_MESH_SUCCESS =
  'sum (rate(istio_requests_total{reporter=~"source|waypoint",response_code!~"5.."}[5m])) / sum (rate(istio_requests_total{reporter=~"source|waypoint"}[5m]))';
// Istio Service dashboard, "Server Success Rate (non-5xx responses)", for one destination_service.
const istioServiceSuccess = (fqdn: string) =>
  `sum(irate(istio_requests_total{reporter=~"destination|waypoint",destination_service=~"${fqdn}",response_code!~"5.*"}[5m])) / ` +
  `sum(irate(istio_requests_total{reporter=~"destination|waypoint",destination_service=~"${fqdn}"}[5m]))`;

/** Success as the source proxies saw it, from the truth (what the Mesh dashboard measures). */
function sourceSuccess(from: number, to: number): number {
  const edges = model.truth(from, to).edges;
  const requests = edges.reduce((sum, e) => sum + e.sourceRequests, 0);
  const errors = edges.reduce((sum, e) => sum + e.sourceErrors, 0);
  return 1 - errors / requests;
}

describe('success users experienced', () => {
  const outage = event('payments-outage');
  const storm = event('catalog-retry-storm');
  const times = { 'a quiet hour (cart slow burn)': anchor - 3600, 'payments outage, 30 min in': outage.start + 30 * MINUTE, 'retry storm, 20 min in': storm.start + 20 * MINUTE };

  it.each(Object.entries(times))('equals the Istio Mesh dashboard and the callers\' truth; the server side differs by the destination truth (%s)', async (name, time) => {
    const ours = stat(await panel('executive', 'user-success', { start: time - 300, end: time }));
    expect(ours.value).not.toBeNull();
    // The Mesh dashboard reads the source reporter too; the fixture has no code-0 responses, so its
    // 5xx-only count and our 5xx-and-resets agree exactly.
    const istio = await scalar(ISTIO_MESH_SUCCESS, time);
    expect(ours.value ?? 0).toBeCloseTo(istio ?? 0, 9);
    expect(ours.value ?? 0).toBeCloseTo(sourceSuccess(time - 300, time), 9);
    // The server-side figure, in the detail, is the destination truth: every attempt counted.
    const server = 1 - (model.truth(time - 300, time).mesh.errorRatio ?? 1);
    expect(ours.detail).toContain(`Servers answered ${(server * 100).toFixed(1)} % of attempts`);
    if (name.startsWith('retry storm')) expect((ours.value ?? 0) - server).toBeGreaterThan(0.01);
    // During the outage the caller's proxy also answers 503 UH for requests that never reach
    // payments: users got fewer successes than the servers report.
    if (name.startsWith('payments outage')) expect(server - (ours.value ?? 0)).toBeGreaterThan(0.001);
  });
});

describe('per-service success', () => {
  it('top failing equals the truth and the Istio Service dashboard for every service with errors', async () => {
    // The Service dashboard uses irate: the last two samples, 60 s apart. A 1-minute range asks
    // Meshwatch for exactly that window, so all three describe the same requests.
    const time = event('payments-outage').start + 30 * MINUTE;
    const rows = table(await panel('oncall', 'top-failing', { start: time - MINUTE, end: time, step: MINUTE })).rows;
    const truth = model.truth(time - MINUTE, time);
    const failing = truth.services.filter((s) => s.errors > 0).sort((a, b) => (b.errorRatio ?? 0) - (a.errorRatio ?? 0));
    expect(failing.length).toBeGreaterThan(0);
    expect(rows.map((r) => `${r.cells.namespace}/${text(r.cells.service)}`)).toEqual(failing.slice(0, 10).map((s) => s.id));
    for (const s of failing) {
      const row = rows.find((r) => `${r.cells.namespace}/${text(r.cells.service)}` === s.id);
      if (!row) continue;
      expect(row.cells.errorRatio, s.id).toBeCloseTo(s.errorRatio ?? 0, 9);
      const istio = await scalar(istioServiceSuccess(`${s.service}.${s.namespace}.svc.cluster.local`), time);
      expect(istio ?? 0, s.id).toBeCloseTo(1 - Number(row.cells.errorRatio), 9);
    }
    // Services without errors: the Istio dashboard says 100%, Meshwatch does not list them.
    const quiet = truth.services.find((s) => s.requests > 0 && s.errors === 0);
    if (quiet) expect(await scalar(istioServiceSuccess(`${quiet.service}.${quiet.namespace}.svc.cluster.local`), time)).toBe(1);
  });

  it('the services table agrees with the Istio Service dashboard over its 5-minute window at a quiet time', async () => {
    const time = anchor - 3600;
    const cart = service(model.truth(time - 300, time), 'shop/cart');
    const { GET } = await import('@/app/api/services/route');
    const body = (await (await GET(new Request(`http://meshwatch.test/api/services?time=${time}&window=5m`))).json()) as { services: Array<{ namespace: string; service: string; successRatio: number }> };
    const row = body.services.find((s) => s.namespace === 'shop' && s.service === 'cart');
    expect(row?.successRatio ?? 0).toBeCloseTo(1 - (cart.errorRatio ?? 1), 9);
    // With rate over the same 5 minutes in place of irate, the dashboard's expression gives the same.
    const istio5m = istioServiceSuccess('cart.shop.svc.cluster.local').replaceAll('irate(', 'rate(');
    expect((await scalar(istio5m, time)) ?? 0).toBeCloseTo(row?.successRatio ?? 0, 9);
  });
});

describe('latency panels of Istio\'s own dashboards work on the simulated history', () => {
  const time = anchor - 3600;
  const sumBuckets = (lists: ReadonlyArray<ReadonlyArray<{ le: number; count: number }>>) =>
    (lists[0] ?? []).map((b, i) => ({ le: b.le, count: lists.reduce((sum, l) => sum + (l[i]?.count ?? 0), 0) }));

  it('Service dashboard, "Server Request Duration" (destination reporter, by destination_service), equals the truth', async () => {
    const q = 'histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket{reporter=~"destination|waypoint",destination_service=~"cart.shop.svc.cluster.local"}[5m])) by (le))';
    const truth = interpolatedQuantile(0.95, service(model.truth(time - 300, time), 'shop/cart').latencyBuckets);
    expect(truth).not.toBeNull();
    expect((await scalar(q, time)) ?? 0).toBeCloseTo(truth ?? Number.NaN, 6);
  });

  it('Workload dashboard, "Outgoing Request Duration" (source reporter, by source_workload), equals the truth', async () => {
    const q = 'histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket{reporter=~"source|waypoint",source_workload=~"frontend",source_workload_namespace=~"shop"}[5m])) by (le))';
    const edges = model.truth(time - 300, time).edges.filter((e) => e.source === 'shop/frontend');
    const truth = interpolatedQuantile(0.95, sumBuckets(edges.map((e) => e.latencyBuckets)));
    expect(truth).not.toBeNull();
    expect((await scalar(q, time)) ?? 0).toBeCloseTo(truth ?? Number.NaN, 6);
  });
});

describe('error budget by team', () => {
  // With no SLO stored, every team is measured by its namespaces (budget-by-team.int.test.ts has SLOs).
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-istio-int-'));
    setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
  });
  afterAll(() => {
    setSloStore(undefined)?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each namespace the 30-day availability the truth gives, and the budget left of 99.9%', async () => {
    const rows = table(await panel('executive', 'budget-by-team', { start: anchor - 3600, end: anchor })).rows;
    const truth = model.truth(anchor - 30 * DAY, anchor);
    for (const namespace of ['shop', 'payments', 'platform']) {
      const services = truth.services.filter((s) => s.namespace === namespace);
      const requests = services.reduce((sum, s) => sum + s.requests, 0);
      const errors = services.reduce((sum, s) => sum + s.errors, 0);
      const row = rows.find((r) => r.id === namespace);
      expect(row?.cells.availability, namespace).toBeCloseTo(1 - errors / requests, 6);
      expect(row?.cells.remaining, namespace).toBeCloseTo(1 - errors / requests / 0.001, 3);
      expect(row?.cells.summary, namespace).toBe('no SLO defined: availability vs 99.9%');
    }
  });
});

// Injected incidents keep the counters honest: every series stays monotonic, the requests per edge are
// the model's own, and the share moved to 503 UF is the one asked for (checked against the model's truth).
import { describe, expect, it } from 'vitest';
import { createModel } from '../model';
import { TEST_ANCHOR, TEST_SEED } from '../fixture';
import { createIncidentControl } from './incident';
import { startControlledLiveServer } from './server';

const A = TEST_ANCHOR;
const sumAt = (series: ReadonlyArray<{ labels: Record<string, string>; value: (t: number) => number }>, t: number, pick: (l: Record<string, string>) => boolean) =>
  series.filter((s) => pick(s.labels)).reduce((sum, s) => sum + s.value(t), 0);

describe('live incidents', () => {
  const base = createModel({ seed: TEST_SEED, anchor: A });
  const control = createIncidentControl(base);
  const incident = control.inject({ service: 'payments', start: A - 600, end: A + 600, errorShare: 0.5 });
  const requests = control.model.families.find((f) => f.name === 'istio_requests_total')?.series ?? [];
  const payments = (l: Record<string, string>) => l.reporter === 'destination' && l.destination_service_namespace === 'payments' && l.destination_service_name === 'payments';
  const bad = (l: Record<string, string>) => payments(l) && /^(5..|0)$/.test(l.response_code ?? '');

  it('resolves the service and leaves other families and services alone', () => {
    expect(incident.service).toBe('payments/payments');
    expect(control.model.families.find((f) => f.name === 'istio_tcp_connections_opened_total')?.series).toBe(base.families.find((f) => f.name === 'istio_tcp_connections_opened_total')?.series);
    const cart = (l: Record<string, string>) => l.destination_service_name === 'cart';
    expect(sumAt(requests, A, cart)).toBe(sumAt(base.families.find((f) => f.name === 'istio_requests_total')?.series ?? [], A, cart));
  });

  it('moves half of the successful requests of the window to errors, keeping the total', () => {
    const truth = base.truth(A - 600, A).services.find((s) => s.id === 'payments/payments');
    if (!truth) throw new Error('no payments');
    const total = sumAt(requests, A, payments) - sumAt(requests, A - 600, payments);
    const errors = sumAt(requests, A, bad) - sumAt(requests, A - 600, bad);
    expect(total).toBeCloseTo(truth.requests, 6);
    expect(errors).toBeCloseTo(truth.errors + 0.5 * (truth.requests - truth.errors - truth.fourxx), 6);
  });

  it('keeps every series monotonic across the incident', () => {
    for (const s of requests.filter((x) => payments(x.labels))) {
      let previous = -Infinity;
      for (let t = A - 900; t <= A + 900; t += 30) {
        const v = s.value(t);
        expect(v).toBeGreaterThanOrEqual(previous);
        previous = v;
      }
    }
  });

  it('refuses unknown services and bad shares', () => {
    expect(() => control.inject({ service: 'nope', start: A, end: A + 60, errorShare: 0.5 })).toThrow(/no service "nope"/);
    expect(() => control.inject({ service: 'cart', start: A, end: A + 60, errorShare: 2 })).toThrow(/errorShare/);
  });
});

describe('live incidents on Linkerd', () => {
  const base = createModel({ seed: TEST_SEED, anchor: A, mesh: 'linkerd' });
  const control = createIncidentControl(base);
  control.inject({ service: 'payments', start: A - 600, end: A + 600, errorShare: 0.5 });
  const responses = control.model.families.find((f) => f.name === 'response_total')?.series ?? [];
  const payments = (l: Record<string, string>) => l.direction === 'inbound' && l.namespace === 'payments' && l.deployment === 'payments';
  const failed = (l: Record<string, string>) => payments(l) && l.classification === 'failure';

  it('moves half of the successful responses of the window to failures, keeping the total', () => {
    const truth = base.truth(A - 600, A).services.find((s) => s.id === 'payments/payments');
    if (!truth) throw new Error('no payments');
    expect(sumAt(responses, A, payments) - sumAt(responses, A - 600, payments)).toBeCloseTo(truth.requests, 6);
    expect(sumAt(responses, A, failed) - sumAt(responses, A - 600, failed)).toBeCloseTo(truth.errors + 0.5 * (truth.requests - truth.errors - truth.fourxx), 6);
  });
});

describe('live regional partitions', () => {
  const base = createModel({ seed: TEST_SEED, anchor: A });
  const uf = (l: Record<string, string>) =>
    l.reporter === 'source' && l.source_workload === 'reviews' && l.source_cluster === 'prod-eu-west' && l.destination_workload === 'inventory' && l.response_flags === 'UF';
  const requestsOf = (m: typeof base) => m.families.find((f) => f.name === 'istio_requests_total')?.series ?? [];

  it('fails every eu-west call to us-east from the start on, as the model with that partition says, keeping an incident injected before', () => {
    const control = createIncidentControl(base);
    control.inject({ service: 'payments', start: A - 600, end: A + 600, errorShare: 0.5 });
    const span = control.partition({ start: A - 600, end: A + 600 });
    expect(control.partitions()).toEqual([span]);
    const cut = control.model.truth(A - 600, A).edges.find((e) => e.source === 'shop/reviews' && e.target === 'platform/inventory')?.byCluster.find((b) => b.sourceCluster === 'prod-eu-west');
    expect(cut?.requests).toBe(0);
    expect(cut?.sourceErrors).toBe(cut?.sourceRequests);
    const requests = requestsOf(control.model);
    expect(sumAt(requests, A, uf) - sumAt(requests, A - 600, uf)).toBe(cut?.sourceRequests);
    // before the injected start, the series are the original model's
    expect(sumAt(requests, A - 600, uf)).toBe(sumAt(requestsOf(base), A - 600, uf));
    // the payments incident is still applied
    const bad = (l: Record<string, string>) => l.reporter === 'destination' && l.destination_service_name === 'payments' && l.response_code === '503';
    expect(sumAt(requests, A, bad) - sumAt(requests, A - 600, bad)).toBeGreaterThan(0);
  });

  it('is served by the control endpoint', async () => {
    const server = await startControlledLiveServer({ model: base, port: 0, now: () => A });
    try {
      const res = await fetch(`${server.controlUrl}/partitions`, { method: 'POST', body: JSON.stringify({ minutes: 20, start: A - 600 }) });
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ partition: { start: A - 600, end: A + 600 } });
      expect(((await (await fetch(`${server.controlUrl}/partitions`)).json()) as { partitions: unknown[] }).partitions).toHaveLength(1);
      expect((await fetch(`${server.controlUrl}/partitions`, { method: 'POST', body: '{"minutes":-1}' })).status).toBe(400);
      const metrics = await (await fetch(server.url)).text();
      const line = metrics.split('\n').find((l) => l.startsWith('istio_requests_total{') && l.includes('reporter="source"') && l.includes('source_cluster="prod-eu-west"') && l.includes('destination_workload="inventory"') && l.includes('response_flags="UF"'));
      const expected = server.control.model.families.find((f) => f.name === 'istio_requests_total')?.series.find((s) => uf(s.labels))?.value(A);
      expect(Number(line?.split(' ').at(-1))).toBe(expected);
      expect(expected).toBeGreaterThan(sumAt(requestsOf(base), A, uf));
    } finally {
      await server.close();
    }
  });
});

describe.each(['istio', 'linkerd'] as const)('live control-plane outage (%s)', (mesh) => {
  const base = createModel({ seed: TEST_SEED, anchor: A, mesh });
  const control = createIncidentControl(base);
  control.injectOutage({ start: A, end: A + 600 });
  const alive = (s: { start: number; end: number }, t: number) => t >= s.start && t < s.end;
  const controlPlane = (l: Record<string, string>) => (mesh === 'istio' ? l.app === 'istiod' && l.namespace === 'istio-system' : l.namespace === 'linkerd');
  const count = (families: typeof base.families, t: number, pick: (l: Record<string, string>) => boolean) =>
    families.flatMap((f) => f.series).filter((s) => pick(s.labels) && alive(s, t)).length;

  it('silences every control-plane series during the outage only, with the same values after', () => {
    const before = count(base.families, A - 60, controlPlane);
    expect(before).toBeGreaterThan(0);
    expect(count(control.model.families, A - 60, controlPlane)).toBe(before);
    expect(count(control.model.families, A + 300, controlPlane)).toBe(0);
    expect(count(control.model.families, A + 600, controlPlane)).toBe(count(base.families, A + 600, controlPlane));
  });

  it('leaves the proxies reporting', () => {
    const proxies = (l: Record<string, string>) => !controlPlane(l);
    expect(count(control.model.families, A + 300, proxies)).toBe(count(base.families, A + 300, proxies));
  });
});

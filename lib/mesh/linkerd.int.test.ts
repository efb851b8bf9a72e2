// The Linkerd adapter's PromQL in a real Prometheus over the shared Linkerd fixture (30 days of the
// simulator's Linkerd rendering of the same shop), against the model's truth. The routes' figures on
// both meshes are checked by their own integration tests (services, graph, panels).
import { describe, expect, inject, it } from 'vitest';
import { createPrometheusClient } from '@/lib/prometheus';
import { createModel } from '@/scripts/simulator';
import { interpolatedQuantile } from '@/scripts/testing/truth-quantile';
import { linkerdAdapter as mesh } from './linkerd';
import { readDim } from './read';

const { seed, anchor } = inject('fixture');
const model = createModel({ seed, anchor, mesh: 'linkerd' });
const WINDOW = 300;
const time = anchor - 3600;
const client = createPrometheusClient({ baseUrl: inject('prometheusUrls').linkerd, timeoutMs: 30_000 });

async function vector(promql: string) {
  const r = await client.instantQuery(promql, { time });
  if (r.resultType !== 'vector') throw new Error(r.resultType);
  return r.samples;
}

describe('Linkerd adapter over Linkerd telemetry', () => {
  const truth = model.truth(time - WINDOW, time);

  it('gives per-service rate and error ratio from inbound metrics equal to the truth', async () => {
    const q = { window: '5m', by: 'service' as const };
    const rates = await vector(mesh.requestRate(q).promql);
    const ratios = await vector(mesh.errorRatio(q).promql);
    const key = (labels: Record<string, string>) => `${readDim(labels, mesh.requestRate(q), 'namespace')}/${readDim(labels, mesh.requestRate(q), 'service')}`;
    for (const s of truth.services.filter((x) => x.requests > 0)) {
      expect(rates.find((r) => key(r.labels) === s.id)?.value, s.id).toBeCloseTo(s.requests / WINDOW, 9);
      expect(ratios.find((r) => key(r.labels) === s.id)?.value, s.id).toBeCloseTo(s.errorRatio ?? 0, 9);
    }
  });

  it('reads edges and mTLS from the caller side, naming both ends', async () => {
    const q = { window: '5m', by: 'edge' as const };
    const rates = await vector(mesh.requestRate(q).promql);
    const mtls = await vector(mesh.mtlsRatio(q).promql);
    const query = mesh.requestRate(q);
    const key = (l: Record<string, string>) =>
      `${readDim(l, query, 'sourceNamespace')}/${readDim(l, query, 'sourceService')}->${readDim(l, query, 'namespace')}/${readDim(l, query, 'service')}`;
    // Outbound metrics are per endpoint: every attempt that reached the server, as the server counted it.
    for (const e of truth.edges.filter((x) => x.requests > 0)) {
      expect(rates.find((r) => key(r.labels) === `${e.source}->${e.target}`)?.value, `${e.source}->${e.target}`).toBeCloseTo(e.requests / WINDOW, 9);
    }
    expect(mtls.find((r) => key(r.labels) === 'shop/checkout->platform/notifications')?.value).toBe(0);
    expect(mtls.find((r) => key(r.labels) === 'shop/frontend->shop/catalog')?.value).toBe(1);
  });

  it('gives the identity certificate expiry and says what Linkerd does not report', async () => {
    const [cert] = await vector(mesh.certExpiry().query.promql);
    expect(cert?.value).toBe(model.facts.rootCertExpiry);
    expect('unsupported' in mesh.responseFlags({ window: '5m', by: 'mesh' })).toBe(true);
    expect('unsupported' in mesh.retryStats({ window: '5m' })).toBe(true);
  });

  it('counts TCP connections per pod of the database, both from tcp_open_total and tcp_close_total', async () => {
    const open = await vector(mesh.tcpConnections({ window: '5m', namespace: 'platform', service: 'redis' }).open.promql);
    expect(open.length).toBeGreaterThan(0);
    for (const s of open) {
      expect(s.labels.direction).toBe('inbound');
      expect(s.value).toBeGreaterThanOrEqual(8);
      expect(s.value).toBeLessThanOrEqual(30);
    }
  });
});

describe('Linkerd viz\'s own queries work on the simulated history', () => {
  const truth = model.truth(time - WINDOW, time);

  it('edge latency from the caller\'s outbound histogram (viz edges/top), equal to the truth', async () => {
    const q = 'histogram_quantile(0.95, sum(rate(response_latency_ms_bucket{direction="outbound", namespace="shop", deployment="frontend", dst_namespace="shop", dst_deployment="catalog"}[5m])) by (le, dst_deployment))';
    const edge = truth.edges.find((e) => e.source === 'shop/frontend' && e.target === 'shop/catalog');
    const expected = interpolatedQuantile(0.95, edge?.latencyBuckets ?? []);
    expect(expected).not.toBeNull();
    expect((await vector(q))[0]?.value).toBeCloseTo(expected ?? Number.NaN, 6);
  });

  it('effective and actual route success during the retry storm (viz routes -o wide), equal to the truth', async () => {
    const storm = model.timeline.find((e) => e.id === 'catalog-retry-storm');
    const at = (storm?.start ?? 0) + 20 * 60;
    const edge = model.truth(at - WINDOW, at).edges.find((e) => e.source === 'shop/recommendations' && e.target === 'shop/catalog');
    // linkerd2 viz/metrics-api top_routes.go: sum(increase(route_[actual_]response_total{...}[w])) by (rt_route, dst, classification)
    const sel = 'direction="outbound", namespace="shop", deployment="recommendations", dst=~"(catalog.shop.svc.cluster.local)(:\\\\d+)?"';
    const success = async (metric: string) => {
      const r = await client.instantQuery(`sum(increase(${metric}{${sel}, classification="success"}[5m])) / sum(increase(${metric}{${sel}}[5m]))`, { time: at });
      return r.resultType === 'vector' ? r.samples[0]?.value : undefined;
    };
    const effective = 1 - (edge?.sourceErrorRatio ?? 1);
    const actual = 1 - (edge?.errorRatio ?? 1);
    expect(await success('route_response_total')).toBeCloseTo(effective, 9);
    expect(await success('route_actual_response_total')).toBeCloseTo(actual, 9);
    expect(effective - actual).toBeGreaterThan(0.1);
    // The adapter's callers' figure for that edge is the effective one.
    const q = mesh.callerErrorRatio({ window: '5m', by: 'edge', sourceNamespace: 'shop', sourceService: 'recommendations', namespace: 'shop', service: 'catalog' });
    const r = await client.instantQuery(q.promql, { time: at });
    if (r.resultType !== 'vector') throw new Error(r.resultType);
    expect(r.samples.map((s) => `${readDim(s.labels, q, 'sourceService')}->${readDim(s.labels, q, 'service')}`)).toEqual(['recommendations->catalog']);
    expect(r.samples[0]?.value).toBeCloseTo(edge?.sourceErrorRatio ?? Number.NaN, 9);
  });

  it('success rate from inbound response classification (viz stat), equal to the truth', async () => {
    const q =
      'sum(rate(response_total{direction="inbound", classification="success", namespace="shop", deployment="cart"}[5m])) / sum(rate(response_total{direction="inbound", namespace="shop", deployment="cart"}[5m]))';
    const cart = truth.services.find((x) => x.id === 'shop/cart');
    expect((await vector(q))[0]?.value).toBeCloseTo(1 - (cart?.errorRatio ?? 1), 9);
  });
});

// The graph's edges through the real route and a real Prometheus over each mesh's fixture history
// (the same shop under Istio and under Linkerd, the mesh detected), against the simulator's own truth
// for the same window (not against the app's PromQL), with the same tolerances for both meshes.
import { describe, expect, inject, it } from 'vitest';
import { createModel } from '@/scripts/simulator';
import { interpolatedQuantile } from '@/scripts/testing/truth-quantile';
import { appOnMesh, FIXTURE_MESHES } from '@/scripts/testing/app-mesh';
import { graphResponseSchema, type GraphResponse } from '@/lib/graph';

const { seed, anchor } = inject('fixture');
const WINDOW_S = 300;

function edge(g: GraphResponse, source: string, target: string) {
  const found = g.edges.find((e) => e.source === source && e.target === target && e.protocol === 'http');
  if (!found) throw new Error(`no edge ${source} -> ${target}`);
  return found;
}

describe.each(FIXTURE_MESHES)('GET /api/graph against the simulator truth (%s)', (mesh) => {
  const model = createModel({ seed, anchor, mesh });
  const outageStart = model.timeline.find((e) => e.id === 'payments-outage')?.start ?? 0;
  const gatewayId = model.services.find((s) => s.kind === 'gateway')?.id;
  const route = appOnMesh(mesh, () => import('./route'));
  const GET = (request: Request) => route().GET(request);
  async function graph(query: string) {
    const res = await GET(new Request(`http://meshwatch.test/api/graph?${query}`));
    return { status: res.status, body: (await res.json()) as unknown };
  }

  const times = { 'quiet hour': anchor - 3600, 'payments outage + 20 min': outageStart + 1200 };

  it.each(Object.entries(times))('edge and node rates, error ratios, p95 and mTLS shares equal the truth (%s)', async (_name, time) => {
    const { status, body } = await graph(`time=${time}&window=5m`);
    expect(status).toBe(200);
    const g = graphResponseSchema.parse(body);
    const truth = model.truth(time - WINDOW_S, time);
    for (const t of truth.edges.filter((e) => e.requests > 0)) {
      const e = edge(g, t.source, t.target);
      expect(e.rps, `${t.source} -> ${t.target} rps`).toBeCloseTo(t.requests / WINDOW_S, 9);
      expect(e.errorRatio, `${t.source} -> ${t.target} errors`).toBeCloseTo(t.errorRatio ?? NaN, 9);
      expect(e.mtlsRatio, `${t.source} -> ${t.target} mtls`).toBeCloseTo(t.mtlsRatio ?? NaN, 9);
      const p95 = interpolatedQuantile(0.95, t.latencyBuckets);
      if (p95 === null) expect(e.p95Ms).toBeNull();
      else expect(e.p95Ms, `${t.source} -> ${t.target} p95`).toBeCloseTo(p95, 6);
    }
    // Nodes carry what each service served, from every caller.
    for (const s of truth.services.filter((x) => x.requests > 0)) {
      const n = g.nodes.find((x) => x.id === s.id);
      expect(n?.rps, s.id).toBeCloseTo(s.requests / WINDOW_S, 9);
      expect(n?.errorRatio, s.id).toBeCloseTo(s.errorRatio ?? NaN, 9);
      const p95 = interpolatedQuantile(0.95, s.latencyBuckets);
      if (p95 !== null) expect(n?.p95Ms, `${s.id} p95`).toBeCloseTo(p95, 6);
    }
    // Every edge of the truth is drawn, and no other edge carries traffic.
    expect(g.edges.filter((e) => e.protocol === 'http' && e.rps > 0)).toHaveLength(truth.edges.filter((e) => e.requests > 0).length);
    // Ten traffic queries (+ Istio's workload -> service map), whatever the mesh size.
    expect(g.queries).toHaveLength(mesh === 'istio' ? 11 : 10);
  });

  it('shows the plaintext edge at 0% mTLS, the gateway as a caller, and TCP edges', async () => {
    const g = graphResponseSchema.parse((await graph(`time=${anchor - 3600}&window=5m`)).body);
    const { source, target } = model.facts.plaintextEdge;
    expect(edge(g, source, target).mtlsRatio).toBe(0);
    const gateway = g.nodes.find((n) => n.id === gatewayId);
    expect(gateway?.kind).toBe('gateway');
    expect(gateway?.layer).toBe(0);
    expect(g.edges.filter((e) => e.source === gateway?.id).map((e) => e.target)).toContain('shop/frontend');
    const redis = g.edges.find((e) => e.target === 'platform/redis');
    expect(redis?.protocol).toBe('tcp');
    expect(redis?.bytesPerSecond ?? 0).toBeGreaterThan(0);
    expect(g.nodes.find((n) => n.id === 'platform/redis')?.kind).toBe('tcp');
  });

  it('replays the outage: checkout -> payments fails 20 minutes into it', async () => {
    const time = outageStart + 1200;
    const g = graphResponseSchema.parse((await graph(`time=${time}&window=5m`)).body);
    const truth = model.truth(time - WINDOW_S, time).edges.find((e) => e.source === 'shop/checkout' && e.target === 'payments/payments');
    const e = edge(g, 'shop/checkout', 'payments/payments');
    expect(e.errorRatio ?? 0).toBeGreaterThan(0.5);
    expect(e.errorRatio).toBeCloseTo(truth?.errorRatio ?? NaN, 9);
    expect(g.nodes.find((n) => n.id === 'payments/payments')?.errorRatio ?? 0).toBeGreaterThan(0.5);
  });

  it('keeps only edges touching the namespace; a hostile namespace is escaped, not injected', async () => {
    const time = anchor - 3600;
    const g = graphResponseSchema.parse((await graph(`time=${time}&window=5m&namespace=payments`)).body);
    expect(g.edges.length).toBeGreaterThan(0);
    for (const e of g.edges) expect([e.source, e.target].some((id) => id.startsWith('payments/'))).toBe(true);
    expect(g.edges.map((e) => `${e.source} ${e.target}`)).toContain('shop/checkout payments/payments');
    const hostile = encodeURIComponent('payments"} or vector(1) or {a="');
    const res = await graph(`time=${time}&window=5m&namespace=${hostile}`);
    expect(res.status).toBe(200);
    expect(graphResponseSchema.parse(res.body).edges).toEqual([]);
  });

  it('rejects bad input with 422 and field errors', async () => {
    const res = await graph('time=-5&window=banana');
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('window');
  });
});

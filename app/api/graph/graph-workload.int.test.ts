// The workload view through the real route and a real Prometheus over each mesh's fixture history,
// against the simulator's own truth (its workloads and their pods' revisions), not against the app's PromQL.
import { describe, expect, inject, it } from 'vitest';
import { createModel } from '@/scripts/simulator';
import { appOnMesh, FIXTURE_MESHES } from '@/scripts/testing/app-mesh';
import { graphResponseSchema, type GraphResponse } from '@/lib/graph';

const { seed, anchor } = inject('fixture');
const WINDOW_S = 300;

describe.each(FIXTURE_MESHES)('GET /api/graph?view=workload against the simulator truth (%s)', (mesh) => {
  const model = createModel({ seed, anchor, mesh });
  const outageStart = model.timeline.find((e) => e.id === 'payments-outage')?.start ?? 0;
  const deploy = model.timeline.find((e) => e.id === 'catalog-deploy')?.start ?? 0;
  const catalog = model.services.find((s) => s.id === 'shop/catalog');
  const route = appOnMesh(mesh, () => import('./route'));
  const GET = (request: Request) => route().GET(request);

  async function workloads(time: number): Promise<GraphResponse> {
    const res = await GET(new Request(`http://meshwatch.test/api/graph?time=${time}&window=5m&view=workload`));
    expect(res.status).toBe(200);
    return graphResponseSchema.parse(await res.json());
  }

  /** Requests the catalog workload served in (from, to], from the simulator's counters. */
  function catalogRequests(from: number, to: number): number {
    return model.truth(from, to).services.find((s) => s.id === 'shop/catalog')?.requests ?? 0;
  }

  const times = { 'quiet hour': anchor - 3600, 'payments outage + 20 min': outageStart + 1200 };

  it.each(Object.entries(times))('workload edges carry the true rates, error ratios and mTLS shares (%s)', async (_name, time) => {
    const g = await workloads(time);
    expect(g.view).toBe('workload');
    const truth = model.truth(time - WINDOW_S, time);
    const http = g.edges.filter((e) => e.protocol === 'http');
    const live = truth.edges.filter((e) => e.requests > 0);
    // Idle edges (audit-export's few requests an hour) have series, hence a 0 req/s edge, but no truth.
    expect(http.filter((e) => e.rps > 0)).toHaveLength(live.length);
    for (const t of live) {
      const e = http.find((x) => x.source === t.source && x.target === t.target);
      expect(e, `${t.source} -> ${t.target}`).toBeDefined();
      expect(e?.rps, `${t.source} -> ${t.target} rps`).toBeCloseTo(t.requests / WINDOW_S, 9);
      expect(e?.errorRatio, `${t.source} -> ${t.target} errors`).toBeCloseTo(t.errorRatio ?? NaN, 9);
      expect(e?.mtlsRatio, `${t.source} -> ${t.target} mtls`).toBeCloseTo(t.mtlsRatio ?? NaN, 9);
    }
    // Nodes are the simulator's workloads, with the traffic they served.
    for (const s of truth.services.filter((x) => x.requests > 0)) {
      const n = g.nodes.find((x) => x.id === s.id);
      expect(n?.rps, s.id).toBeCloseTo(s.requests / WINDOW_S, 9);
      expect(n?.errorRatio, s.id).toBeCloseTo(s.errorRatio ?? NaN, 9);
    }
  });

  it('asks Prometheus a constant number of queries: ten traffic queries, whatever the mesh size', async () => {
    const g = await workloads(anchor - 3600);
    expect(g.queries).toHaveLength(10);
  });

  // Linkerd's metrics carry no revision label (its adapter says so): no revisions to list there.
  it.runIf(mesh === 'linkerd')('lists no revisions where the mesh reports none', async () => {
    expect((await workloads(deploy + 120)).nodes.every((n) => n.revisions === undefined)).toBe(true);
  });

  it.runIf(mesh === 'istio')('shows catalog v1 before the deployment, v2 after, and both while it happens', async () => {
    expect(catalog?.pods.map((p) => p.revision)).toEqual(['v1', 'v2']);
    const revisions = async (time: number) => (await workloads(time)).nodes.find((n) => n.id === 'shop/catalog')?.revisions ?? [];

    const before = await revisions(deploy - 3600);
    expect(before.map((r) => r.revision)).toEqual(['v1']);
    expect(before[0]?.rps).toBeCloseTo(catalogRequests(deploy - 3600 - WINDOW_S, deploy - 3600) / WINDOW_S, 9);

    const after = await revisions(deploy + 3600);
    expect(after.map((r) => r.revision)).toEqual(['v2']);
    expect(after[0]?.rps).toBeCloseTo(catalogRequests(deploy + 3600 - WINDOW_S, deploy + 3600) / WINDOW_S, 9);

    // Two minutes after the switch, the 5m window holds three minutes of v1 and two of v2. The old
    // pod's last minute is never scraped (it is gone at the deploy) and rate() extrapolates a series
    // that ends inside the window by at most half a scrape interval, so each revision's rate is the
    // truth within one scrape interval (60 s) of the catalog's traffic.
    const during = await revisions(deploy + 120);
    const v1 = during.find((r) => r.revision === 'v1');
    const v2 = during.find((r) => r.revision === 'v2');
    const rateOf = (from: number, to: number) => catalogRequests(from, to) / WINDOW_S;
    const slack = (rateOf(deploy + 120 - WINDOW_S, deploy + 120) * 60) / WINDOW_S;
    expect(v1?.rps ?? 0).toBeGreaterThan(0);
    expect(v2?.rps ?? 0).toBeGreaterThan(0);
    expect(Math.abs((v1?.rps ?? 0) - rateOf(deploy + 120 - WINDOW_S, deploy))).toBeLessThanOrEqual(slack);
    expect(Math.abs((v2?.rps ?? 0) - rateOf(deploy, deploy + 120))).toBeLessThanOrEqual(slack);
  });

  it('rejects an unknown view with 422', async () => {
    const res = await GET(new Request('http://meshwatch.test/api/graph?view=pods'));
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('view');
  });
});

// The graph split and filtered by cluster, through the real route and a real Prometheus over each
// mesh's two-cluster fixture, against the simulator's per-cluster truth for the same window.
import { describe, expect, inject, it } from 'vitest';
import { createModel, type EdgeClusterTruth, type Truth } from '@/scripts/simulator';
import { appOnMesh, FIXTURE_MESHES, type FixtureMesh } from '@/scripts/testing/app-mesh';
import { graphResponseSchema, type GraphResponse } from '@/lib/graph';

const { seed, anchor } = inject('fixture');
const WINDOW_S = 300;
const US = 'prod-us-east';
const EU = 'prod-eu-west';

function edge(g: GraphResponse, source: string, target: string) {
  const found = g.edges.find((e) => e.source === source && e.target === target && e.protocol === 'http');
  if (!found) throw new Error(`no edge ${source} -> ${target} in ${g.edges.map((e) => `${e.source} -> ${e.target}`).join(', ')}`);
  return found;
}

function between(truth: Truth, source: string, target: string, sourceCluster: string, targetCluster: string): EdgeClusterTruth {
  const found = truth.edges.find((e) => e.source === source && e.target === target)?.byCluster.find((b) => b.sourceCluster === sourceCluster && b.targetCluster === targetCluster);
  if (!found) throw new Error(`no ${source}@${sourceCluster} -> ${target}@${targetCluster} in the truth`);
  return found;
}

/**
 * What each mesh's split graph counts on a call: Istio's callers (reporter="source", after retries,
 * failures before any server included); Linkerd's outbound side per endpoint attempt: what the
 * servers answered plus the calls that failed to reach one (a partition's UF).
 */
function callerFigures(mesh: FixtureMesh, b: EdgeClusterTruth): { requests: number; errorRatio: number | null } {
  if (mesh === 'istio') return { requests: b.sourceRequests, errorRatio: b.sourceErrorRatio };
  return { requests: b.endpointRequests, errorRatio: b.endpointRequests > 0 ? b.endpointErrors / b.endpointRequests : null };
}

describe.each(FIXTURE_MESHES)('GET /api/graph by cluster against the simulator truth (%s)', (mesh) => {
  const model = createModel({ seed, anchor, mesh });
  const partition = model.timeline.find((e) => e.id === 'region-partition');
  if (!partition) throw new Error('no region-partition event');
  const route = appOnMesh(mesh, () => import('./route'));
  async function graph(query: string): Promise<GraphResponse> {
    const res = await route().GET(new Request(`http://meshwatch.test/api/graph?${query}`));
    const body: unknown = await res.json();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
    return graphResponseSchema.parse(body);
  }
  const quiet = anchor - 3600;
  const during = partition.start + 15 * 60;

  it.each([
    ['a quiet hour', quiet],
    ['15 minutes into the partition', during],
  ])('split: every service has a node per cluster with that cluster\'s rate and error ratio (%s)', async (_name, time) => {
    const g = await graph(`time=${time}&window=5m&split=cluster`);
    expect(g.byCluster).toBe(true);
    const truth = model.truth(time - WINDOW_S, time);
    for (const s of truth.services) {
      for (const c of s.byCluster.filter((x) => x.requests > 0)) {
        const n = g.nodes.find((x) => x.id === `${s.id}@${c.cluster}`);
        expect(n, `${s.id}@${c.cluster}`).toMatchObject({ namespace: s.namespace, service: s.service, cluster: c.cluster });
        expect(n?.rps, `${s.id}@${c.cluster} rps`).toBeCloseTo(c.requests / WINDOW_S, 9);
        expect(n?.errorRatio, `${s.id}@${c.cluster} errors`).toBeCloseTo(c.errorRatio ?? NaN, 9);
      }
    }
    // reviews runs in both clusters: two nodes, whose rates add up to the service's.
    const reviews = truth.services.find((s) => s.id === 'shop/reviews');
    const eu = g.nodes.find((n) => n.id === `shop/reviews@${EU}`);
    const us = g.nodes.find((n) => n.id === `shop/reviews@${US}`);
    expect((eu?.rps ?? 0) + (us?.rps ?? 0)).toBeCloseTo((reviews?.requests ?? NaN) / WINDOW_S, 9);
  });

  it('split: frontend -> reviews in eu-west crosses clusters and carries its share of the calls', async () => {
    const g = await graph(`time=${quiet}&window=5m&split=cluster`);
    const truth = model.truth(quiet - WINDOW_S, quiet);
    const cross = edge(g, `shop/frontend@${US}`, `shop/reviews@${EU}`);
    expect(cross).toMatchObject({ sourceCluster: US, targetCluster: EU, crossCluster: true });
    const expected = callerFigures(mesh, between(truth, 'shop/frontend', 'shop/reviews', US, EU));
    expect(cross.rps).toBeCloseTo(expected.requests / WINDOW_S, 9);
    expect(cross.errorRatio).toBeCloseTo(expected.errorRatio ?? NaN, 9);
    const local = edge(g, `shop/frontend@${US}`, `shop/reviews@${US}`);
    expect(local).toMatchObject({ crossCluster: false });
    // search -> reviews stays in us-east
    expect(g.edges.filter((e) => e.source === `shop/search@${US}` && e.target.startsWith('shop/reviews@')).map((e) => e.target)).toEqual([`shop/reviews@${US}`]);
  });

  it('split, during the partition: reviews@eu-west -> inventory shows every call failing, reviews@us-east -> inventory does not', async () => {
    const g = await graph(`time=${during}&window=5m&split=cluster`);
    const truth = model.truth(during - WINDOW_S, during);
    const cut = edge(g, `shop/reviews@${EU}`, `platform/inventory@${US}`);
    const cutTruth = between(truth, 'shop/reviews', 'platform/inventory', EU, US);
    expect(cutTruth.requests).toBe(0); // no server saw them
    expect(cut.crossCluster).toBe(true);
    expect(cut.rps).toBeCloseTo(callerFigures(mesh, cutTruth).requests / WINDOW_S, 9);
    expect(cut.errorRatio).toBe(1);
    expect(cut.health.level).toBe('failing');
    // mTLS is what servers saw: nobody saw these calls, so no share (not "plaintext").
    if (mesh === 'istio') expect(cut.mtlsRatio).toBeNull();
    const fine = edge(g, `shop/reviews@${US}`, `platform/inventory@${US}`);
    const fineTruth = callerFigures(mesh, between(truth, 'shop/reviews', 'platform/inventory', US, US));
    expect(fine.rps).toBeCloseTo(fineTruth.requests / WINDOW_S, 9);
    expect(fine.errorRatio).toBeCloseTo(fineTruth.errorRatio ?? NaN, 9);
    expect(fine.errorRatio ?? 1).toBeLessThan(0.01);
    expect(fine.health.level).toBe('ok');
  });

  it('filter: split and kept to eu-west, every call has an end in eu-west; without either, the graph is as before', async () => {
    const g = await graph(`time=${quiet}&window=5m&split=cluster&cluster=${EU}`);
    expect(g.cluster).toBe(EU);
    expect(g.edges.length).toBeGreaterThan(0);
    for (const e of g.edges) expect([e.sourceCluster, e.targetCluster], `${e.source} -> ${e.target}`).toContain(EU);
    expect(g.edges.map((e) => `${e.source} -> ${e.target}`)).toEqual(
      expect.arrayContaining([`shop/frontend@${US} -> shop/reviews@${EU}`, `shop/reviews@${EU} -> platform/inventory@${US}`]),
    );
    const plain = await graph(`time=${quiet}&window=5m`);
    expect(plain.nodes.some((n) => n.id.includes('@') || n.cluster !== undefined)).toBe(false);
    expect(plain.edges.some((e) => 'crossCluster' in e || 'sourceCluster' in e)).toBe(false);
    expect('byCluster' in plain || 'cluster' in plain).toBe(false);
  });
});

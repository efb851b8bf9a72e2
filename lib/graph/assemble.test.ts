import { describe, expect, it } from 'vitest';
import { istioAdapter, linkerdAdapter, type GraphQueries } from '@/lib/mesh';
import { sample } from './graph-samples';
import { assembleGraph, emptyVectors, type GraphVectors } from './assemble';

const ends = (src: string, dst: string) => {
  const [sourceNamespace = '', sourceService = ''] = src.split('/');
  const [namespace = '', service = ''] = dst.split('/');
  return { sourceNamespace, sourceService, namespace, service };
};
const at = (id: string) => {
  const [namespace = '', service = ''] = id.split('/');
  return { namespace, service };
};
const plans = (view: 'service' | 'workload') =>
  [istioAdapter, linkerdAdapter].map((a) => [a.kind, a.graphQueries({ window: '5m', view })] as const);
const empty: GraphVectors = emptyVectors();

describe.each(plans('service'))('assembleGraph (%s)', (_mesh, plan: GraphQueries) => {
  const q = plan.queries;
  const edge = (src: string, dst: string, value: number) => sample(q.edgeRequests, ends(src, dst), value);
  const svc = (id: string, value: number) => sample(q.serviceRequests, at(id), value);
  const gateway = `gw/${plan.gatewayWorkloads[0] ?? ''}`;
  const g = assembleGraph({
    ...empty,
    edgeRequests: [edge(gateway, 'shop/frontend', 100), edge('shop/frontend', 'pay/payments', 10), edge('unknown/unknown', 'shop/frontend', 2), edge('pay/ledger', 'pay/audit', 0)],
    edgeErrors: [edge('shop/frontend', 'pay/payments', 4)],
    edgeMtls: [edge(gateway, 'shop/frontend', 100), edge('shop/frontend', 'pay/payments', 5)],
    edgeP95: [edge('shop/frontend', 'pay/payments', 120), edge('pay/ledger', 'pay/audit', NaN)],
    tcpBytes: [edge('shop/cart', 'platform/redis', 5000)],
    tcpMtlsBytes: [edge('shop/cart', 'platform/redis', 5000)],
    tcpConnections: [edge('shop/cart', 'platform/redis', 4)],
    serviceRequests: [svc('shop/frontend', 102), svc('pay/payments', 10), svc('pay/audit', 0)],
    serviceErrors: [svc('pay/payments', 4)],
    serviceP95: [svc('pay/payments', 120)],
  }, plan);
  const find = (s: string, t: string) => g.edges.find((e) => e.source === s && e.target === t);

  it('computes edge error ratio and mTLS share from summed rates', () => {
    expect(find('shop/frontend', 'pay/payments')).toMatchObject({ rps: 10, errorRatio: 0.4, mtlsRatio: 0.5, p95Ms: 120, protocol: 'http' });
    expect(find(gateway, 'shop/frontend')).toMatchObject({ errorRatio: 0, mtlsRatio: 1 });
  });

  it('gives null, not 0 or NaN, without traffic', () => {
    expect(find('pay/ledger', 'pay/audit')).toMatchObject({ rps: 0, errorRatio: null, mtlsRatio: null, p95Ms: null });
    expect(g.nodes.find((n) => n.id === 'pay/audit')).toMatchObject({ rps: 0, errorRatio: null, p95Ms: null });
  });

  it('marks callers outside the mesh and TCP-only services', () => {
    const kinds = Object.fromEntries(g.nodes.map((n) => [n.id, n.kind]));
    expect(kinds).toMatchObject({ [gateway]: 'gateway', 'unknown/unknown': 'external', 'platform/redis': 'tcp', 'shop/frontend': 'service' });
    expect(g.nodes.find((n) => n.id === gateway)?.rps).toBe(100);
    expect(find('shop/cart', 'platform/redis')).toMatchObject({ protocol: 'tcp', rps: 4, bytesPerSecond: 5000, mtlsRatio: 1, errorRatio: null });
  });

  it('takes node numbers from the per-service queries', () => {
    expect(g.nodes.find((n) => n.id === 'pay/payments')).toMatchObject({ rps: 10, errorRatio: 0.4, p95Ms: 120, namespace: 'pay', service: 'payments' });
  });
});

describe.each(plans('workload'))('assembleGraph, workload view (%s)', (_mesh, plan: GraphQueries) => {
  const q = plan.queries;
  const wl = (src: string, dst: string, value: number) => sample(q.edgeRequests, ends(src, dst), value);
  const withRevision = q.serviceRequests.labels.revision !== undefined;
  const node = (id: string, value: number, revision?: string) => sample(q.serviceRequests, { ...at(id), ...(revision && withRevision ? { revision } : {}) }, value);
  const g = assembleGraph(
    {
      ...empty,
      edgeRequests: [wl('shop/frontend', 'shop/catalog-v2', 30), wl('shop/frontend', 'shop/catalog-v1', 10)],
      edgeErrors: [wl('shop/frontend', 'shop/catalog-v2', 3)],
      // v1 and v2 rows of one workload (a rolling update) add up; an idle revision is not listed.
      serviceRequests: withRevision
        ? [node('shop/catalog-v2', 20, 'v2'), node('shop/catalog-v2', 10, 'v1'), node('shop/catalog-v2', 0, 'v0'), node('shop/catalog-v1', 10)]
        : [node('shop/catalog-v2', 30), node('shop/catalog-v1', 10)],
      serviceErrors: [node('shop/catalog-v2', 3)],
    },
    plan,
  );

  it('names nodes by workload and sums revisions into the node', () => {
    expect(g.nodes.map((n) => n.id)).toEqual(['shop/catalog-v1', 'shop/catalog-v2', 'shop/frontend']);
    expect(g.nodes.find((n) => n.id === 'shop/catalog-v2')).toMatchObject({ rps: 30, errorRatio: 0.1, service: 'catalog-v2' });
    expect(g.edges.find((e) => e.target === 'shop/catalog-v2')).toMatchObject({ source: 'shop/frontend', rps: 30, errorRatio: 0.1 });
  });

  it.runIf(withRevision)('lists the revisions with traffic, busiest first', () => {
    expect(g.nodes.find((n) => n.id === 'shop/catalog-v2')?.revisions).toEqual([
      { revision: 'v2', rps: 20 },
      { revision: 'v1', rps: 10 },
    ]);
    expect(g.nodes.find((n) => n.id === 'shop/catalog-v1')?.revisions).toEqual([{ revision: 'unknown', rps: 10 }]);
  });

  it.runIf(!withRevision)('lists no revisions where the mesh reports none', () => {
    expect(g.nodes.every((n) => n.revisions === undefined)).toBe(true);
  });
});

// Only meshes that report callers as workloads and callees as services need the workload map.
const mapped = plans('service').filter(([, p]) => p.callersAsServices);

describe.each(mapped)('assembleGraph, service view over workloads named unlike their services (Bookinfo, %s)', (mesh, plan: GraphQueries) => {
  const q = plan.queries;
  const edge = (src: string, dst: string, value: number) => sample(q.edgeRequests, ends(src, dst), value);
  const svc = (id: string, value: number) => sample(q.serviceRequests, at(id), value);
  const gateway = `gw/${plan.gatewayWorkloads[0] ?? ''}`;
  // What the serving proxies report: workload -> service, with the requests each served.
  const backs = (workload: string, service: string, value: number) => {
    const [workloadNamespace = '', w = ''] = workload.split('/');
    return sample(q.workloadServices, { workloadNamespace, workload: w, ...at(service) }, value);
  };
  const vectors: GraphVectors = {
    ...empty,
    edgeRequests: [
      edge(gateway, 'bi/productpage', 20),
      edge('bi/productpage-v1', 'bi/details', 20),
      edge('bi/productpage-v1', 'bi/reviews', 20),
      edge('bi/reviews-v2', 'bi/ratings', 6),
      edge('bi/reviews-v3', 'bi/ratings', 4),
      edge('ops/backup-job', 'bi/ratings', 1),
    ],
    edgeErrors: [edge('bi/reviews-v2', 'bi/ratings', 1), edge('bi/reviews-v3', 'bi/ratings', 1)],
    edgeMtls: [edge('bi/reviews-v2', 'bi/ratings', 6), edge('bi/reviews-v3', 'bi/ratings', 2), edge('bi/productpage-v1', 'bi/reviews', 20)],
    edgeP95: [edge('bi/reviews-v2', 'bi/ratings', 40), edge('bi/reviews-v3', 'bi/ratings', 90), edge('bi/productpage-v1', 'bi/details', NaN)],
    tcpBytes: [edge('bi/reviews-v2', 'bi/mongodb', 100), edge('bi/reviews-v3', 'bi/mongodb', 300)],
    tcpMtlsBytes: [edge('bi/reviews-v2', 'bi/mongodb', 100)],
    tcpConnections: [edge('bi/reviews-v2', 'bi/mongodb', 1), edge('bi/reviews-v3', 'bi/mongodb', 3)],
    serviceRequests: [svc('bi/productpage', 20), svc('bi/details', 20), svc('bi/reviews', 20), svc('bi/ratings', 11)],
    workloadServices: [
      backs('bi/productpage-v1', 'bi/productpage', 2000),
      backs('bi/details-v1', 'bi/details', 2000),
      backs('bi/reviews-v1', 'bi/reviews', 700),
      backs('bi/reviews-v2', 'bi/reviews', 700),
      // Behind two services: it belongs to the one it served most.
      backs('bi/reviews-v3', 'bi/reviews-canary', 50),
      backs('bi/reviews-v3', 'bi/reviews', 600),
      backs('bi/ratings-v1', 'bi/ratings', 1100),
      backs('bi/mongodb-v1', 'bi/mongodb', 9),
    ],
  };
  const g = assembleGraph(vectors, plan);
  const find = (s: string, t: string, protocol = 'http') => g.edges.filter((e) => e.source === s && e.target === t && e.protocol === protocol);

  it('draws each caller as the service it backs, so the graph is one connected piece', () => {
    expect(g.nodes.map((n) => n.id)).toEqual(['bi/details', 'bi/mongodb', 'bi/productpage', 'bi/ratings', 'bi/reviews', gateway, 'ops/backup-job']);
    const seen = new Set(['bi/productpage']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of g.edges) {
        if (seen.has(e.source) !== seen.has(e.target)) {
          seen.add(e.source).add(e.target);
          grew = true;
        }
      }
    }
    expect(seen.size).toBe(g.nodes.length);
  });

  it('keeps callers that back no service as nodes of their own kind', () => {
    expect(g.nodes.find((n) => n.id === gateway)).toMatchObject({ kind: 'gateway', rps: 20 });
    // As before this change: a job with no service is a caller node that receives nothing.
    expect(g.nodes.find((n) => n.id === 'ops/backup-job')).toMatchObject({ kind: 'service', rps: 0 });
    expect(find('ops/backup-job', 'bi/ratings')).toHaveLength(1);
  });

  it('merges the calls that collapse onto one pair by summing their parts', () => {
    const [merged, ...more] = find('bi/reviews', 'bi/ratings');
    expect(more).toEqual([]);
    // 6 + 4 req/s; (1 + 1) / 10 failing; (6 + 2) / 10 mutual TLS; p95: the slower caller's, max(40, 90).
    expect(merged).toMatchObject({ rps: 10, errorRatio: 0.2, mtlsRatio: 0.8, p95Ms: 90 });
    // TCP: 100 + 300 B/s, 1 + 3 connections/s, 100 / 400 of the bytes under mTLS.
    expect(find('bi/reviews', 'bi/mongodb', 'tcp')).toEqual([expect.objectContaining({ rps: 4, bytesPerSecond: 400, mtlsRatio: 0.25 })]);
    expect(find('bi/productpage', 'bi/details')).toEqual([expect.objectContaining({ rps: 20, errorRatio: 0, mtlsRatio: 0, p95Ms: null })]);
    expect(g.nodes.find((n) => n.id === 'bi/reviews')?.rps).toBe(20);
  });

  it('leaves the workload view alone: callers and callees are both workloads there', () => {
    const workload = plans('workload').find(([kind]) => kind === mesh)?.[1];
    if (!workload) throw new Error(`no workload view for ${mesh}`);
    const w = assembleGraph({ ...empty, workloadServices: vectors.workloadServices, edgeRequests: [sample(workload.queries.edgeRequests, ends('bi/reviews-v2', 'bi/ratings-v1'), 1)] }, workload);
    expect(w.edges.map((e) => [e.source, e.target])).toEqual([['bi/reviews-v2', 'bi/ratings-v1']]);
  });
});

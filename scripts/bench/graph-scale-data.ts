// A synthetic /api/graph response for the scale benchmark: the synthetic mesh's calls turned into the
// graph's query vectors, then assembled and laid out by the same code as lib/graph/fetch-graph.ts.
import { graphResponse, type GraphResponse, type GraphVectors, type VectorSample } from '@/lib/graph';
import { istioAdapter } from '@/lib/mesh';
import { ISTIO_LABELS } from '@/lib/mesh/istio-traffic';
import { syntheticMesh } from './graph';

export const WINDOW = '5m';

/** `n` services and exactly `m` distinct calls (no self-calls): what Prometheus would return, one series per edge. */
export function syntheticVectors(n: number, m: number): GraphVectors {
  // syntheticMesh may repeat a pair or draw a self-call; ask for more and keep the first `m` distinct ones.
  const { edges } = syntheticMesh(n, m * 2);
  const seen = new Set<string>();
  const calls = edges.filter((e) => e.source !== e.target && !seen.has(`${e.source} ${e.target}`) && seen.add(`${e.source} ${e.target}`)).slice(0, m);
  if (calls.length < m) throw new Error(`only ${calls.length} distinct calls`);
  const split = (id: string) => id.split('/') as [string, string];
  const edge = (source: string, target: string, value: number): VectorSample => {
    const [sns, ssvc] = split(source);
    const [dns, dsvc] = split(target);
    return { labels: { [ISTIO_LABELS.sourceNamespace]: sns, [ISTIO_LABELS.sourceService]: ssvc, [ISTIO_LABELS.namespace]: dns, [ISTIO_LABELS.service]: dsvc }, value };
  };
  const service = (id: string, value: number): VectorSample => {
    const [ns, svc] = split(id);
    return { labels: { [ISTIO_LABELS.namespace]: ns, [ISTIO_LABELS.service]: svc }, value };
  };
  // Deterministic, varied numbers: rates 0.1-100 req/s, 1 call in 10 failing, 1 in 20 plaintext.
  const rate = calls.map((_, i) => 0.1 + ((i * 37) % 1000) / 10);
  const received = new Map<string, number>();
  const failed = new Map<string, number>();
  calls.forEach((c, i) => {
    received.set(c.target, (received.get(c.target) ?? 0) + (rate[i] ?? 0));
    if (i % 10 === 0) failed.set(c.target, (failed.get(c.target) ?? 0) + (rate[i] ?? 0) * 0.02);
  });
  return {
    edgeRequests: calls.map((c, i) => edge(c.source, c.target, rate[i] ?? 0)),
    edgeErrors: calls.flatMap((c, i) => (i % 10 === 0 ? [edge(c.source, c.target, (rate[i] ?? 0) * 0.02)] : [])),
    edgeMtls: calls.flatMap((c, i) => (i % 20 === 0 ? [] : [edge(c.source, c.target, rate[i] ?? 0)])),
    edgeServed: [],
    edgeP95: calls.map((c, i) => edge(c.source, c.target, 5 + (i % 400))),
    tcpBytes: [],
    tcpMtlsBytes: [],
    tcpConnections: [],
    serviceRequests: [...received].map(([id, v]) => service(id, v)),
    serviceErrors: [...failed].map(([id, v]) => service(id, v)),
    serviceP95: [...received.keys()].map((id, i) => service(id, 10 + (i % 300))),
    // Every service backed by one workload of its own name: the caller -> service map is exercised.
    workloadServices: [...received].map(([id, v]) => {
      const [ns, svc] = split(id);
      return { labels: { ...service(id, v).labels, destination_workload_namespace: ns, destination_workload: svc }, value: v };
    }),
  };
}

/** The response lib/graph/fetch-graph.ts would give for these vectors (same assembly and layout code). */
export function syntheticResponse(vectors: GraphVectors, time: number): GraphResponse {
  return graphResponse({
    vectors,
    plan: istioAdapter.graphQueries({ window: WINDOW, view: 'service' }),
    time,
    window: WINDOW,
    view: 'service',
    namespace: null,
    warnings: [],
  });
}

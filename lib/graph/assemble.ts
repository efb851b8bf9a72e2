// Turns the graph queries' vectors into nodes and edges. Pure: no I/O, unit-tested with plain samples.
// Mesh-neutral: every label is read through the dimension map of the query that produced the vector.
import { GRAPH_QUERY_NAMES, readDim, UNKNOWN_CALLER, type GraphQueries, type GraphQueryName, type MeshQuery } from '@/lib/mesh';
import { clustersOf, inCluster, splitId as split } from './node-id';
import type { MeasuredEdge as GraphEdge, NodeKind, Revision } from './schema';

export interface VectorSample {
  labels: Readonly<Record<string, string>>;
  value: number;
}

/** One vector per graph query; a query the mesh does not need (e.g. the workload map) is empty. */
export type GraphVectors = Record<GraphQueryName, readonly VectorSample[]>;

export function emptyVectors(): GraphVectors {
  return Object.fromEntries(GRAPH_QUERY_NAMES.map((n) => [n, []])) as unknown as GraphVectors;
}

export interface UnplacedNode {
  id: string;
  service: string;
  namespace: string;
  /** Split by cluster: the cluster this node's figures are from. */
  cluster?: string;
  kind: NodeKind;
  rps: number;
  errorRatio: number | null;
  p95Ms: number | null;
  /** Workload view: the canonical revisions that served traffic in the window, busiest first. */
  revisions?: Revision[];
}

export interface AssembledGraph {
  nodes: UnplacedNode[];
  edges: GraphEdge[];
}

const num = (v: number) => (Number.isFinite(v) ? v : null);
type Key = (s: VectorSample) => string;

/**
 * Workload id -> the id of the service it backs, from the serving proxies' series. A workload behind
 * several services maps to the one it served most requests for (ties: the first by name), so each
 * caller lands on exactly one node.
 */
export function workloadServiceMap(samples: readonly VectorSample[], query: MeshQuery): Map<string, string> {
  const best = new Map<string, { service: string; value: number }>();
  for (const s of samples) {
    const [wn, w, sn, svc] = (['workloadNamespace', 'workload', 'namespace', 'service'] as const).map((d) => readDim(s.labels, query, d));
    if (!wn || !w || !sn || !svc || w === UNKNOWN_CALLER || svc === UNKNOWN_CALLER) continue;
    const workload = `${wn}/${w}`;
    const service = `${sn}/${svc}`;
    const prev = best.get(workload);
    if (!prev || s.value > prev.value || (s.value === prev.value && service < prev.service)) best.set(workload, { service, value: s.value });
  }
  return new Map([...best].map(([workload, { service }]) => [workload, service]));
}

/**
 * Sample -> node and edge ids, read through each query's labels; `callers` renames caller workloads.
 * When the queries carry clusters (split by cluster), ids end in `@cluster`: the caller's cluster for
 * a source, the serving one for a target.
 */
function idsFor(callers: ReadonlyMap<string, string> = new Map()) {
  const workloadId = (q: MeshQuery) => (s: VectorSample) =>
    `${readDim(s.labels, q, 'sourceNamespace') || UNKNOWN_CALLER}/${readDim(s.labels, q, 'sourceService') || UNKNOWN_CALLER}`;
  // A caller that backs no service (gateway, job, outside the mesh) stays a node of its own.
  const sourceId = (q: MeshQuery) => (s: VectorSample) =>
    `${callers.get(workloadId(q)(s)) ?? workloadId(q)(s)}${inCluster(readDim(s.labels, q, 'sourceCluster'))}`;
  const targetId = (q: MeshQuery): Key => (s) => `${readDim(s.labels, q, 'namespace')}/${readDim(s.labels, q, 'service')}${inCluster(readDim(s.labels, q, 'cluster'))}`;
  return { targetId, edgeKey: (q: MeshQuery): Key => (s) => `${sourceId(q)(s)} ${targetId(q)(s)}` };
}
type Ids = ReturnType<typeof idsFor>;

function byKey(samples: readonly VectorSample[], key: Key): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of samples) out.set(key(s), (out.get(key(s)) ?? 0) + s.value);
  return out;
}

/** part / whole, null without traffic (never NaN, never a fake 0). */
export function safeRatio(part: number | undefined, whole: number | undefined): number | null {
  if (whole === undefined || !(whole > 0)) return null;
  return Math.min(1, (part ?? 0) / whole);
}

function kindOf(id: string, tcpOnly: boolean, gateways: readonly string[]): NodeKind {
  const { service } = split(id);
  if (gateways.includes(service)) return 'gateway';
  if (service === UNKNOWN_CALLER) return 'external';
  return tcpOnly ? 'tcp' : 'service';
}

/**
 * The slowest of the series merged onto one edge. A quantile cannot be summed or averaged, and the
 * histogram is grouped by caller workload (PromQL cannot rename callers to services without a join
 * per query), so for several workloads calling the same service this is an upper bound: the worst
 * caller's p95. Unmerged edges (the usual case) get their exact p95.
 */
function maxByKey(samples: readonly VectorSample[], key: Key): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const s of samples) {
    const v = num(s.value);
    const prev = out.get(key(s));
    out.set(key(s), prev === undefined || prev === null ? v : v === null ? prev : Math.max(prev, v));
  }
  return out;
}

function splitKey(key: string): { source: string; target: string } {
  const [source = '', target = ''] = key.split(' ');
  return { source, target };
}

// Edges that collapse onto one (caller, callee) pair are merged by summing rates; ratios are then
// recomputed from the summed parts, never averaged.
function httpEdges(v: GraphVectors, q: GraphQueries['queries'], { edgeKey }: Ids): GraphEdge[] {
  const errors = byKey(v.edgeErrors, edgeKey(q.edgeErrors));
  const mtls = byKey(v.edgeMtls, edgeKey(q.edgeMtls));
  const p95 = maxByKey(v.edgeP95, edgeKey(q.edgeP95));
  // mTLS is a share of what the servers saw; a call no server saw (a partition) has no share at all.
  const served = q.edgeServed ? byKey(v.edgeServed, edgeKey(q.edgeServed)) : undefined;
  return [...byKey(v.edgeRequests, edgeKey(q.edgeRequests))].map(([key, rps]) => ({
    ...splitKey(key),
    ...clustersOf(splitKey(key).source, splitKey(key).target),
    protocol: 'http' as const,
    rps,
    errorRatio: safeRatio(errors.get(key), rps),
    p95Ms: p95.get(key) ?? null,
    mtlsRatio: safeRatio(mtls.get(key), served ? served.get(key) : rps),
    bytesPerSecond: null,
  }));
}

function tcpEdges(v: GraphVectors, q: GraphQueries['queries'], { edgeKey }: Ids): GraphEdge[] {
  const conns = byKey(v.tcpConnections, edgeKey(q.tcpConnections));
  const mtls = byKey(v.tcpMtlsBytes, edgeKey(q.tcpMtlsBytes));
  return [...byKey(v.tcpBytes, edgeKey(q.tcpBytes))].map(([key, bytes]) => {
    const { source, target } = splitKey(key);
    return {
      source,
      target,
      ...clustersOf(source, target),
      protocol: 'tcp' as const,
      rps: conns.get(key) ?? 0,
      errorRatio: null,
      p95Ms: null,
      mtlsRatio: safeRatio(mtls.get(key), bytes),
      bytesPerSecond: bytes,
    };
  });
}

/** Per node, the revisions with traffic and their request rates (only when the mesh reports revisions). */
function revisionsOf(samples: readonly VectorSample[], query: MeshQuery, targetId: Key): Map<string, Revision[]> {
  const out = new Map<string, Revision[]>();
  if (query.labels.revision === undefined) return out;
  for (const s of samples) {
    if (!(s.value > 0)) continue;
    const list = out.get(targetId(s)) ?? [];
    list.push({ revision: readDim(s.labels, query, 'revision') || 'unknown', rps: s.value });
    out.set(targetId(s), list);
  }
  for (const list of out.values()) list.sort((a, b) => b.rps - a.rps || a.revision.localeCompare(b.revision));
  return out;
}

/**
 * Nodes are every edge end; a node's own numbers come from the per-node (unfiltered) queries.
 * `plan` is the mesh's query set for one view (services or workloads). With `callersAsServices`,
 * callers are drawn as the service their workload backs, so `reviews-v2 -> ratings` and
 * `productpage -> reviews` meet at one `reviews` node.
 */
export function assembleGraph(v: GraphVectors, plan: GraphQueries): AssembledGraph {
  const q = plan.queries;
  const callers = plan.callersAsServices && q.workloadServices ? workloadServiceMap(v.workloadServices, q.workloadServices) : undefined;
  const ids = idsFor(callers);
  const edges = [...httpEdges(v, q, ids), ...tcpEdges(v, q, ids)].sort((a, b) =>
    a.source === b.source ? (a.target === b.target ? a.protocol.localeCompare(b.protocol) : a.target < b.target ? -1 : 1) : a.source < b.source ? -1 : 1,
  );
  const nodeId = ids.targetId;
  const requests = byKey(v.serviceRequests, nodeId(q.serviceRequests));
  const errors = byKey(v.serviceErrors, nodeId(q.serviceErrors));
  const p95 = new Map(v.serviceP95.map((s) => [nodeId(q.serviceP95)(s), num(s.value)]));
  const sent = new Map<string, number>();
  const httpTargets = new Set<string>();
  for (const e of edges) {
    if (e.protocol === 'http') {
      sent.set(e.source, (sent.get(e.source) ?? 0) + e.rps);
      httpTargets.add(e.target);
    }
  }
  const revisions = revisionsOf(v.serviceRequests, q.serviceRequests, nodeId(q.serviceRequests));
  const nodeIds = [...new Set(edges.flatMap((e) => [e.source, e.target]))].sort();
  const nodes = nodeIds.map((id): UnplacedNode => {
    const kind = kindOf(id, !httpTargets.has(id) && !sent.has(id), plan.gatewayWorkloads);
    const received = requests.get(id);
    // Callers outside the mesh receive nothing we can see: show what they send.
    const rps = received ?? (kind === 'service' ? 0 : (sent.get(id) ?? 0));
    const node: UnplacedNode = { id, ...split(id), kind, rps, errorRatio: safeRatio(errors.get(id), received), p95Ms: p95.get(id) ?? null };
    const served = revisions.get(id);
    return served ? { ...node, revisions: served } : node;
  });
  return { nodes, edges };
}

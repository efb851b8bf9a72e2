// Turns the graph queries' vectors into nodes and edges. Pure: no I/O, unit-tested with plain samples.
import { VIEW_LABELS, WORKLOAD_SERVICE_LABELS, type GraphQueryName, type ViewLabels } from './queries';
import type { MeasuredEdge as GraphEdge, NodeKind, Revision } from './schema';

export interface VectorSample {
  labels: Readonly<Record<string, string>>;
  value: number;
}

export type GraphVectors = Record<GraphQueryName, readonly VectorSample[]>;

export interface UnplacedNode {
  id: string;
  service: string;
  namespace: string;
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

/** Istio's ingress gateway workload: the mesh's front door, drawn as a caller. */
export const GATEWAY_WORKLOAD = 'istio-ingressgateway';
/** Istio reports callers without a sidecar (outside the mesh) as source_workload="unknown". */
export const UNKNOWN_WORKLOAD = 'unknown';

const num = (v: number) => (Number.isFinite(v) ? v : null);
const label = (s: VectorSample, name: string) => s.labels[name] ?? '';

/**
 * Workload id -> the id of the service it backs, from the destination reporter's series. A workload
 * behind several services maps to the one it served most requests for (ties: the first by name), so
 * each caller lands on exactly one node.
 */
export function workloadServiceMap(samples: readonly VectorSample[]): Map<string, string> {
  const L = WORKLOAD_SERVICE_LABELS;
  const best = new Map<string, { service: string; value: number }>();
  for (const s of samples) {
    const [wn, w, sn, svc] = [label(s, L.workloadNamespace), label(s, L.workload), label(s, L.serviceNamespace), label(s, L.service)];
    if (!wn || !w || !sn || !svc || w === UNKNOWN_WORKLOAD || svc === UNKNOWN_WORKLOAD) continue;
    const workload = `${wn}/${w}`;
    const service = `${sn}/${svc}`;
    const prev = best.get(workload);
    if (!prev || s.value > prev.value || (s.value === prev.value && service < prev.service)) best.set(workload, { service, value: s.value });
  }
  return new Map([...best].map(([workload, { service }]) => [workload, service]));
}

/** Sample -> node and edge ids, for the labels of one view; `callers` renames caller workloads. */
function idsFor(l: ViewLabels, callers: ReadonlyMap<string, string> = new Map()) {
  const workloadId = (s: VectorSample) => `${label(s, l.sourceNamespace) || UNKNOWN_WORKLOAD}/${label(s, l.source) || UNKNOWN_WORKLOAD}`;
  // A caller that backs no service (gateway, job, outside the mesh) stays a node of its own.
  const sourceId = (s: VectorSample) => callers.get(workloadId(s)) ?? workloadId(s);
  const targetId = (s: VectorSample) => `${label(s, l.targetNamespace)}/${label(s, l.target)}`;
  return { sourceId, targetId, edgeKey: (s: VectorSample) => `${sourceId(s)} ${targetId(s)}` };
}
type Ids = ReturnType<typeof idsFor>;

function byKey(samples: readonly VectorSample[], key: (s: VectorSample) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of samples) out.set(key(s), (out.get(key(s)) ?? 0) + s.value);
  return out;
}

/** part / whole, null without traffic (never NaN, never a fake 0). */
export function safeRatio(part: number | undefined, whole: number | undefined): number | null {
  if (whole === undefined || !(whole > 0)) return null;
  return Math.min(1, (part ?? 0) / whole);
}

function split(id: string): { namespace: string; service: string } {
  const i = id.indexOf('/');
  return { namespace: id.slice(0, i), service: id.slice(i + 1) };
}

function kindOf(id: string, tcpOnly: boolean): NodeKind {
  const { service } = split(id);
  if (service === GATEWAY_WORKLOAD) return 'gateway';
  if (service === UNKNOWN_WORKLOAD) return 'external';
  return tcpOnly ? 'tcp' : 'service';
}

/**
 * The slowest of the series merged onto one edge. A quantile cannot be summed or averaged, and the
 * histogram is grouped by caller workload (PromQL cannot rename callers to services without a join
 * per query), so for several workloads calling the same service this is an upper bound: the worst
 * caller's p95. Unmerged edges (the usual case) get their exact p95.
 */
function maxByKey(samples: readonly VectorSample[], key: (s: VectorSample) => string): Map<string, number | null> {
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
function httpEdges(v: GraphVectors, { edgeKey }: Ids): GraphEdge[] {
  const errors = byKey(v.edgeErrors, edgeKey);
  const mtls = byKey(v.edgeMtls, edgeKey);
  const p95 = maxByKey(v.edgeP95, edgeKey);
  return [...byKey(v.edgeRequests, edgeKey)].map(([key, rps]) => ({
    ...splitKey(key),
    protocol: 'http' as const,
    rps,
    errorRatio: safeRatio(errors.get(key), rps),
    p95Ms: p95.get(key) ?? null,
    mtlsRatio: safeRatio(mtls.get(key), rps),
    bytesPerSecond: null,
  }));
}

function tcpEdges(v: GraphVectors, { edgeKey }: Ids): GraphEdge[] {
  const conns = byKey(v.tcpConnections, edgeKey);
  const mtls = byKey(v.tcpMtlsBytes, edgeKey);
  return [...byKey(v.tcpBytes, edgeKey)].map(([key, bytes]) => {
    const { source, target } = splitKey(key);
    return {
      source,
      target,
      protocol: 'tcp' as const,
      rps: conns.get(key) ?? 0,
      errorRatio: null,
      p95Ms: null,
      mtlsRatio: safeRatio(mtls.get(key), bytes),
      bytesPerSecond: bytes,
    };
  });
}

/** Per node, the revisions with traffic and their request rates (only when grouped by revision). */
function revisionsOf(samples: readonly VectorSample[], l: ViewLabels, targetId: (s: VectorSample) => string): Map<string, Revision[]> {
  const out = new Map<string, Revision[]>();
  const name = l.revision;
  if (name === undefined) return out;
  for (const s of samples) {
    if (!(s.value > 0)) continue;
    const list = out.get(targetId(s)) ?? [];
    list.push({ revision: label(s, name) || 'unknown', rps: s.value });
    out.set(targetId(s), list);
  }
  for (const list of out.values()) list.sort((a, b) => b.rps - a.rps || a.revision.localeCompare(b.revision));
  return out;
}

/**
 * Nodes are every edge end; a node's own numbers come from the per-node (unfiltered) queries.
 * `labels` picks the view: services (default) or workloads. In the service view callers are drawn
 * as the service their workload backs, so `reviews-v2 -> ratings` and `productpage -> reviews` meet
 * at one `reviews` node.
 */
export function assembleGraph(v: GraphVectors, labels: ViewLabels = VIEW_LABELS.service): AssembledGraph {
  const ids = idsFor(labels, labels.callersAsServices ? workloadServiceMap(v.workloadServices) : undefined);
  const { targetId } = ids;
  const edges = [...httpEdges(v, ids), ...tcpEdges(v, ids)].sort((a, b) =>
    a.source === b.source ? (a.target === b.target ? a.protocol.localeCompare(b.protocol) : a.target < b.target ? -1 : 1) : a.source < b.source ? -1 : 1,
  );
  const requests = byKey(v.serviceRequests, targetId);
  const errors = byKey(v.serviceErrors, targetId);
  const p95 = new Map(v.serviceP95.map((s) => [targetId(s), num(s.value)]));
  const sent = new Map<string, number>();
  const httpTargets = new Set<string>();
  for (const e of edges) {
    if (e.protocol === 'http') {
      sent.set(e.source, (sent.get(e.source) ?? 0) + e.rps);
      httpTargets.add(e.target);
    }
  }
  const revisions = revisionsOf(v.serviceRequests, labels, targetId);
  const nodeIds = [...new Set(edges.flatMap((e) => [e.source, e.target]))].sort();
  const nodes = nodeIds.map((id): UnplacedNode => {
    const kind = kindOf(id, !httpTargets.has(id) && !sent.has(id));
    const received = requests.get(id);
    // Callers outside the mesh receive nothing we can see: show what they send.
    const rps = received ?? (kind === 'service' ? 0 : (sent.get(id) ?? 0));
    const node: UnplacedNode = { id, ...split(id), kind, rps, errorRatio: safeRatio(errors.get(id), received), p95Ms: p95.get(id) ?? null };
    const served = revisions.get(id);
    return served ? { ...node, revisions: served } : node;
  });
  return { nodes, edges };
}

import { readDim, type GraphQueries, type GraphView } from '@/lib/mesh';
import { parsePromDuration } from '@/lib/promql';
import { assembleGraph, type GraphVectors } from './assemble';
import { edgeHealth, nodeHealth, type GraphHealthInput } from './health';
import { layeredLayout } from './layout';
import type { GraphResponse } from './schema';

export interface GraphResponseInput {
  vectors: GraphVectors;
  /** The mesh's queries that produced `vectors` (their labels say how to read them). */
  plan: GraphQueries;
  time: number;
  window: string;
  view: GraphView;
  namespace: string | null;
  /** The cluster filter and the split by cluster, echoed only when asked for. */
  cluster?: string;
  byCluster?: boolean;
  warnings: string[];
  /** SLO statuses by service and the thresholds for each node's and edge's verdict (lib/health). */
  health?: Omit<GraphHealthInput, 'windowSeconds'>;
}

/** The PromQL of a plan, in the order the response lists it. */
export function planQueries(plan: GraphQueries): string[] {
  return Object.values(plan.queries).map((q) => q.promql);
}

/** The query answers assembled, judged and laid out into `/api/graph`'s body. Pure, so benchmarks run the same code. */
export function graphResponse({ vectors, plan, time, window, view, namespace, cluster, byCluster, warnings, health = {} }: GraphResponseInput): GraphResponse {
  const { nodes, edges } = assembleGraph(vectors, plan);
  const judge = { ...health, windowSeconds: parsePromDuration(window) };
  const placed = layeredLayout(
    nodes.map((n) => n.id),
    edges,
  );
  const nodeQuery = plan.queries.serviceRequests;
  return {
    evaluatedAt: new Date(time * 1000).toISOString(),
    time,
    window,
    view,
    namespace,
    ...(cluster !== undefined ? { cluster } : {}),
    ...(byCluster ? { byCluster } : {}),
    nodes: nodes.map((n) => ({ ...n, ...(placed.get(n.id) ?? { x: 0, y: 0, layer: 0 }), health: nodeHealth(n, judge, edges) })),
    edges: edges.map((e) => ({ ...e, health: edgeHealth(e, judge) })),
    namespaces: [...new Set(vectors.serviceRequests.map((s) => readDim(s.labels, nodeQuery, 'namespace')))].filter(Boolean).sort(),
    queries: planQueries(plan),
    warnings,
  };
}

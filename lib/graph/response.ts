import { parsePromDuration } from '@/lib/promql';
import { assembleGraph, type GraphVectors } from './assemble';
import { edgeHealth, nodeHealth, type GraphHealthInput } from './health';
import { layeredLayout } from './layout';
import { VIEW_LABELS, type GraphView } from './queries';
import type { GraphResponse } from './schema';

export interface GraphResponseInput {
  vectors: GraphVectors;
  time: number;
  window: string;
  view: GraphView;
  namespace: string | null;
  /** The PromQL that produced `vectors`, in query order. */
  queries: string[];
  warnings: string[];
  /** SLO statuses by service and the thresholds for each node's and edge's verdict (lib/health). */
  health?: Omit<GraphHealthInput, 'windowSeconds'>;
}

/** The query answers assembled and laid out into `/api/graph`'s body. Pure, so benchmarks run the same code. */
export function graphResponse({ vectors, time, window, view, namespace, queries, warnings, health = {} }: GraphResponseInput): GraphResponse {
  const labels = VIEW_LABELS[view];
  const { nodes, edges } = assembleGraph(vectors, labels);
  const judge = { ...health, windowSeconds: parsePromDuration(window) };
  const placed = layeredLayout(
    nodes.map((n) => n.id),
    edges,
  );
  return {
    evaluatedAt: new Date(time * 1000).toISOString(),
    time,
    window,
    view,
    namespace,
    nodes: nodes.map((n) => ({ ...n, ...(placed.get(n.id) ?? { x: 0, y: 0, layer: 0 }), health: nodeHealth(n, judge, edges) })),
    edges: edges.map((e) => ({ ...e, health: edgeHealth(e, judge) })),
    namespaces: [...new Set(vectors.serviceRequests.map((s) => s.labels[labels.targetNamespace] ?? ''))].filter(Boolean).sort(),
    queries,
    warnings,
  };
}

import 'server-only';
import { getPrometheusClient, type InstantResult } from '@/lib/prometheus';
import { assembleGraph, type GraphVectors } from './assemble';
import { layeredLayout } from './layout';
import { graphQueries, VIEW_LABELS, type GraphQueryName, type GraphView } from './queries';
import type { GraphResponse } from './schema';

export interface FetchGraphParams {
  time: number;
  window: string;
  namespace?: string;
  view?: GraphView;
  signal?: AbortSignal;
}

function samples(result: InstantResult) {
  // Every graph query aggregates to a vector; anything else is a bug worth a 500, not an empty graph.
  if (result.resultType !== 'vector') throw new Error(`expected a vector, got a ${result.resultType}`);
  return result.samples;
}

/** Runs the graph's constant set of queries at one instant, assembles and lays out the graph. */
export async function fetchGraph({ time, window, namespace, view = 'service', signal }: FetchGraphParams): Promise<GraphResponse> {
  const labels = VIEW_LABELS[view];
  const queries = graphQueries({ window, namespace, view });
  const client = getPrometheusClient();
  const names = Object.keys(queries) as GraphQueryName[];
  const results = await Promise.all(names.map((n) => client.instantQuery(queries[n], { time, signal })));
  const vectors = {} as Partial<GraphVectors>;
  for (const [i, n] of names.entries()) vectors[n] = samples(results[i] as InstantResult);
  const complete = vectors as GraphVectors;
  const { nodes, edges } = assembleGraph(complete, labels);
  const placed = layeredLayout(
    nodes.map((n) => n.id),
    edges,
  );
  return {
    evaluatedAt: new Date(time * 1000).toISOString(),
    time,
    window,
    view,
    namespace: namespace ?? null,
    nodes: nodes.map((n) => ({ ...n, ...(placed.get(n.id) ?? { x: 0, y: 0, layer: 0 }) })),
    edges,
    namespaces: [...new Set(complete.serviceRequests.map((s) => s.labels[labels.targetNamespace] ?? ''))].filter(Boolean).sort(),
    queries: names.map((n) => queries[n]),
    warnings: [...new Set(results.flatMap((r) => r.warnings))],
  };
}

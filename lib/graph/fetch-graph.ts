import 'server-only';
import { getEnv } from '@/lib/env';
import { getPrometheusClient, type InstantResult } from '@/lib/prometheus';
import { serviceSloStatuses } from '@/lib/slo-engine/stored-statuses';
import type { GraphVectors } from './assemble';
import { graphQueries, type GraphQueryName, type GraphView } from './queries';
import { graphResponse } from './response';
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

/** Runs the graph's constant set of queries at one instant, assembles and lays out the graph, and
 * judges every node and edge (service nodes with their SLOs at the same instant). */
export async function fetchGraph({ time, window, namespace, view = 'service', signal }: FetchGraphParams): Promise<GraphResponse> {
  const queries = graphQueries({ window, namespace, view });
  const client = getPrometheusClient();
  const names = Object.keys(queries) as GraphQueryName[];
  // SLOs measure services: the workload view's nodes are judged by their error ratio alone. Every
  // namespace's SLOs, since a namespace's graph also draws its callers and callees from other ones.
  const [slos, results] = await Promise.all([
    view === 'service' ? serviceSloStatuses({ client, time, signal }) : Promise.resolve(undefined),
    Promise.all(names.map((n) => client.instantQuery(queries[n], { time, signal }))),
  ]);
  const vectors = {} as Partial<GraphVectors>;
  for (const [i, n] of names.entries()) vectors[n] = samples(results[i] as InstantResult);
  return graphResponse({
    vectors: vectors as GraphVectors,
    time,
    window,
    view,
    namespace: namespace ?? null,
    queries: names.map((n) => queries[n]),
    warnings: [...new Set(results.flatMap((r) => r.warnings))],
    health: { ...(slos ? { slos } : {}), thresholds: getEnv().health },
  });
}

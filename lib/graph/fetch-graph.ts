import 'server-only';
import { getPrometheusClient, type InstantResult } from '@/lib/prometheus';
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

/** Runs the graph's constant set of queries at one instant, assembles and lays out the graph. */
export async function fetchGraph({ time, window, namespace, view = 'service', signal }: FetchGraphParams): Promise<GraphResponse> {
  const queries = graphQueries({ window, namespace, view });
  const client = getPrometheusClient();
  const names = Object.keys(queries) as GraphQueryName[];
  const results = await Promise.all(names.map((n) => client.instantQuery(queries[n], { time, signal })));
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
  });
}

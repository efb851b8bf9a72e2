import 'server-only';
import { fetchGraph } from '@/lib/graph/fetch-graph';
import { graphResponseSchema } from '@/lib/graph/schema';
import type { GraphUrlState } from '@/lib/graph/url-state';
import { queryKeys } from '../keys';
import { asJson, type Prefetch } from './prefetch';

/**
 * The graph page's first data, as `GET /api/graph` answers it, under useGraph's keys: the picture at
 * the moment the view shows (the URL's `time`, else its slider `end`, else `now`, as GraphView picks
 * it) and, when the URL compares, the baseline.
 */
export function graphPrefetches(state: GraphUrlState, now: number): Prefetch[] {
  const time = state.time ?? state.end ?? now;
  const moments = state.compare === undefined ? [time] : [time, state.compare];
  return moments.map((at) => {
    const params = { time: at, window: state.window, namespace: state.namespace, view: state.view };
    return {
      queryKey: queryKeys.graph(params),
      load: async (signal) => graphResponseSchema.parse(asJson(await fetchGraph({ ...params, signal }))),
    };
  });
}

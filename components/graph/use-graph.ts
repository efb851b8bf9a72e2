'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchApi } from '@/lib/queries/api-fetch';
import { queryKeys, type GraphKeyParams as GraphParams } from '@/lib/queries/keys';
import { isGraphResponse } from '@/lib/queries/response-guards';
import { shouldRetry } from '@/lib/queries/retry';

export type { GraphParams };

export function graphUrl({ time, window, namespace, cluster, byCluster, view = 'service' }: GraphParams): string {
  const search = new URLSearchParams({ time: String(time), window });
  if (namespace) search.set('namespace', namespace);
  if (cluster) search.set('cluster', cluster);
  if (byCluster) search.set('split', 'cluster');
  if (view !== 'service') search.set('view', view);
  return `/api/graph?${search.toString()}`;
}

/** The graph at one moment; `enabled: false` for an unused baseline. The previous graph stays while the next loads. */
export function useGraph(params: GraphParams, { enabled = true, live = false }: { enabled?: boolean; live?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.graph(params),
    queryFn: ({ signal }) => fetchApi(graphUrl(params), isGraphResponse, signal),
    placeholderData: keepPreviousData,
    retry: shouldRetry,
    enabled,
    refetchInterval: live ? 30_000 : false,
  });
}

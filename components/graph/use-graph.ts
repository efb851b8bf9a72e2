'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchApi } from '@/lib/queries/api-error';
import { shouldRetry } from '@/lib/queries/retry';
import { graphResponseSchema, type GraphView } from '@/lib/graph';

export interface GraphParams {
  time: number;
  window: string;
  namespace?: string;
  view?: GraphView;
}

export function graphUrl({ time, window, namespace, view = 'service' }: GraphParams): string {
  const search = new URLSearchParams({ time: String(time), window });
  if (namespace) search.set('namespace', namespace);
  if (view !== 'service') search.set('view', view);
  return `/api/graph?${search.toString()}`;
}

/** The graph at one moment; `enabled: false` for an unused baseline. The previous graph stays while the next loads. */
export function useGraph(params: GraphParams, { enabled = true, live = false }: { enabled?: boolean; live?: boolean } = {}) {
  return useQuery({
    queryKey: ['graph', params.view ?? 'service', params.time, params.window, params.namespace ?? ''] as const,
    queryFn: ({ signal }) => fetchApi(graphUrl(params), graphResponseSchema, signal),
    placeholderData: keepPreviousData,
    retry: shouldRetry,
    enabled,
    refetchInterval: live ? 30_000 : false,
  });
}

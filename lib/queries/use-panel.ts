import { queryOptions, useQuery } from '@tanstack/react-query';
import { panelSearch, queryKeys, type PanelParams } from './keys';
import { fetchPanel } from './panel-batch';
import { shouldRetry } from './retry';

/** `/api/panels/{dashboard}/{panel}?start=&end=&step=&namespace=&service=&cluster=` for the key's (aligned) params. */
export function panelUrl(dashboard: string, panel: string, params: PanelParams): string {
  return `/api/panels/${encodeURIComponent(dashboard)}/${encodeURIComponent(panel)}?${panelSearch(dashboard, panel, params)}`;
}

function sameFilters(key: readonly unknown[] | undefined, params: PanelParams): boolean {
  const last = key?.[key.length - 1];
  if (typeof last !== 'object' || last === null) return false;
  const filters = last as { namespace?: unknown; service?: unknown; cluster?: unknown };
  return filters.namespace === (params.namespace || null) && filters.service === (params.service || null) && filters.cluster === (params.cluster || null);
}

/**
 * The query behind one dashboard panel, parsed with the shared contract; no retries on 4xx. Panels
 * fetched together go out as one request (panel-batch.ts), each still with its own data or error.
 */
export function panelQueryOptions(dashboard: string, panel: string, params: PanelParams) {
  return queryOptions({
    queryKey: queryKeys.panel(dashboard, panel, params),
    queryFn: ({ signal }) => fetchPanel(dashboard, panel, panelSearch(dashboard, panel, params), signal),
    retry: shouldRetry,
    // A new range keeps the old chart on screen until its data arrives, instead of a skeleton flash;
    // another service's data would mislead, so a new filter starts from the skeleton.
    placeholderData: (previous, previousQuery) => (previous && sameFilters(previousQuery?.queryKey, params) ? previous : undefined),
  });
}

/** One panel's response; a live dashboard refreshes by moving its range, so no refetch interval here. */
export function usePanel(dashboard: string, panel: string, params: PanelParams, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...panelQueryOptions(dashboard, panel, params), enabled });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchApi } from './api-fetch';
import { panelSearch, queryKeys, type PanelParams, type ServicesParams } from './keys';
import { fetchPart } from './panel-batch';
import { isServicesResponse } from './response-guards';
import { LIVE_REFRESH_MS } from './time-range';

/**
 * A dashboard whose batch carries the services table (panel-batch.ts): the table is asked for with the
 * dashboard's panels, for their range (the server answers for its end, over its length).
 */
export interface ServicesBatch {
  dashboard: string;
  params: PanelParams;
}

/** Dashboards refresh this often. */
export const REFETCH_INTERVAL_MS = LIVE_REFRESH_MS;

export function servicesUrl(params: ServicesParams): string {
  const [, , { time, window, namespace }] = queryKeys.services(params);
  const search = new URLSearchParams({ time: String(time), window });
  if (namespace) search.set('namespace', namespace);
  return `/api/services?${search.toString()}`;
}

/**
 * Request rate, success ratio and p95 per service at `time`; the previous answer stays while the next
 * loads. With `batch`, fetched in the dashboard's batch (the same answer as `/api/services`).
 */
export function useServices(params: ServicesParams, { refetchInterval = REFETCH_INTERVAL_MS, batch }: { refetchInterval?: number | false; batch?: ServicesBatch } = {}) {
  return useQuery({
    queryKey: queryKeys.services(params),
    queryFn: ({ signal }) =>
      batch
        ? fetchPart(batch.dashboard, 'services', panelSearch(batch.dashboard, 'services', batch.params), { guard: isServicesResponse, single: servicesUrl(params) }, signal)
        : fetchApi(servicesUrl(params), isServicesResponse, signal),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

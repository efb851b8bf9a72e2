import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchApi } from './api-fetch';
import { queryKeys, type ServicesParams } from './keys';
import { isServicesResponse } from './response-guards';
import { LIVE_REFRESH_MS } from './time-range';

/** Dashboards refresh this often. */
export const REFETCH_INTERVAL_MS = LIVE_REFRESH_MS;

export function servicesUrl(params: ServicesParams): string {
  const [, , { time, window, namespace }] = queryKeys.services(params);
  const search = new URLSearchParams({ time: String(time), window });
  if (namespace) search.set('namespace', namespace);
  return `/api/services?${search.toString()}`;
}

/** Request rate, success ratio and p95 per service at `time`; the previous answer stays while the next loads. */
export function useServices(params: ServicesParams, { refetchInterval = REFETCH_INTERVAL_MS }: { refetchInterval?: number | false } = {}) {
  return useQuery({
    queryKey: queryKeys.services(params),
    queryFn: ({ signal }) => fetchApi(servicesUrl(params), isServicesResponse, signal),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

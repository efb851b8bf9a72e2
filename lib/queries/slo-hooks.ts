import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchApi, sendApi } from './api-fetch';
import { queryKeys } from './keys';
import { isBucketsResponse, isBudgetResponse, isHistoryResponse, isMe, isSloList, isSloSpec, isSloStatus, isSlosStatusResponse } from './response-guards';
import { liveRefresh, withTime } from './slo-time';

// Read hooks of the SLO pages. `time` is the URL's `?time=` (unix seconds) or null for now.

export function useMe() {
  return useQuery({ queryKey: queryKeys.me(), queryFn: ({ signal }) => fetchApi('/api/me', isMe, signal), staleTime: 60_000 });
}

/** Specs come from the store and load even when Prometheus is down. */
export function useSloList() {
  return useQuery({ queryKey: queryKeys.sloList(), queryFn: ({ signal }) => fetchApi('/api/slos', isSloList, signal) });
}

/** Every status in one request. */
export function useSloStatuses(time: number | null) {
  return useQuery({
    queryKey: queryKeys.sloStatuses(time),
    queryFn: ({ signal }) => fetchApi(withTime('/api/slos-status', time), isSlosStatusResponse, signal),
    placeholderData: keepPreviousData,
    refetchInterval: liveRefresh(time),
  });
}

/** The spec with its ETag, which an edit sends back as If-Match. */
export function useSlo(name: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.slo(name),
    enabled: enabled && name !== '',
    queryFn: async ({ signal }) => {
      const { data, etag } = await sendApi(`/api/slos/${encodeURIComponent(name)}`, { method: 'GET', signal }, isSloSpec);
      if (!data) throw new Error('Empty SLO');
      return { spec: data, etag };
    },
  });
}

export function useSloStatus(name: string, time: number | null) {
  return useQuery({
    queryKey: queryKeys.sloStatus(name, time),
    queryFn: ({ signal }) => fetchApi(withTime(`/api/slos/${encodeURIComponent(name)}/status`, time), isSloStatus, signal),
    refetchInterval: liveRefresh(time),
  });
}

export function useSloBudget(name: string, time: number | null) {
  return useQuery({
    queryKey: queryKeys.sloBudget(name, time),
    queryFn: ({ signal }) => fetchApi(withTime(`/api/slos/${encodeURIComponent(name)}/budget`, time), isBudgetResponse, signal),
    refetchInterval: liveRefresh(time),
  });
}

export function useSloHistory(name: string) {
  return useQuery({
    queryKey: queryKeys.sloHistory(name),
    queryFn: ({ signal }) => fetchApi(`/api/slos/${encodeURIComponent(name)}/history`, isHistoryResponse, signal),
  });
}

/** Latency bucket boundaries (ms) found in the data for a service. */
export function useSloBuckets(service: string, namespace: string, time: number | null, enabled: boolean) {
  const search = new URLSearchParams({ service, namespace });
  return useQuery({
    queryKey: queryKeys.sloBuckets(service, namespace),
    queryFn: ({ signal }) => fetchApi(withTime(`/api/slos/buckets?${search.toString()}`, time), isBucketsResponse, signal),
    enabled: enabled && service !== '' && namespace !== '',
  });
}

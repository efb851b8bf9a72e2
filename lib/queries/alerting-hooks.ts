import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchApi } from './api-fetch';
import { queryKeys } from './keys';
import { isRulesDelivery, isSlosAlerting } from './response-guards';
import { liveRefresh, withTime } from './slo-time';

// Rule delivery and what Prometheus evaluates per SLO. Under slosAll, so a save refreshes them too.

export function useSlosAlerting(time: number | null) {
  return useQuery({
    queryKey: queryKeys.slosAlerting(time),
    queryFn: ({ signal }) => fetchApi(withTime('/api/slos-alerting', time), isSlosAlerting, signal),
    placeholderData: keepPreviousData,
    // Alerts change by the evaluation interval; re-reading every refresh keeps "firing since" current.
    refetchInterval: liveRefresh(time),
  });
}

export function useRulesDelivery() {
  return useQuery({
    queryKey: queryKeys.rulesDelivery(),
    queryFn: ({ signal }) => fetchApi('/api/rules', isRulesDelivery, signal),
  });
}

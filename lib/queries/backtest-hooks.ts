import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Policy } from '@/lib/slo/spec';
import { fetchApi, sendApi } from './api-fetch';
import { queryKeys, type BacktestRange } from './keys';
import { isBacktestResult } from './response-guards';

// Backtests replay a policy over up to 35 days of history: seconds of Prometheus work each. So no
// automatic retries (the panel has a Retry button) and a long staleTime (history does not change).

const BACKTEST_STALE_MS = 5 * 60_000;

export type { BacktestRange };

/** `GET /api/slos/{name}/backtest`: the SLO's own policy over [from, to]. */
export function useSloBacktest(name: string, range: BacktestRange) {
  const search = new URLSearchParams({ from: String(range.from), to: String(range.to) });
  return useQuery({
    queryKey: queryKeys.sloBacktest(name, range),
    queryFn: ({ signal }) => fetchApi(`/api/slos/${encodeURIComponent(name)}/backtest?${search.toString()}`, isBacktestResult, signal),
    placeholderData: keepPreviousData,
    staleTime: BACKTEST_STALE_MS,
    retry: false,
  });
}

/**
 * `POST /api/slos/backtest`: an unsaved spec, with `policy` (the candidate) or without (its own, or the
 * default when it has none). `spec` null: nothing to run yet.
 */
export function useDraftBacktest(spec: unknown, range: BacktestRange | null, policy: Policy | null) {
  return useQuery({
    queryKey: queryKeys.backtestDraft(spec, range ?? { from: 0, to: 0 }, policy),
    enabled: spec !== null && range !== null,
    queryFn: async ({ signal }) => {
      const body = { spec, ...range, ...(policy ? { policy } : {}) };
      const { data } = await sendApi('/api/slos/backtest', { method: 'POST', body, signal }, isBacktestResult);
      if (!data) throw new Error('Empty backtest');
      return data;
    },
    placeholderData: keepPreviousData,
    staleTime: BACKTEST_STALE_MS,
    retry: false,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchApi } from './api-fetch';
import { queryKeys } from './keys';
import { isReport } from './response-guards';

// The report replays a month of history (its incidents are a backtest): seconds of Prometheus work,
// for figures of a past period that do not change. No automatic retries (the page offers one).

const REPORT_STALE_MS = 10 * 60_000;

/** What the page asks for: a month, a from/to pair (unix seconds), or neither (the last complete month). */
export interface ReportQuery {
  month?: string;
  from?: number;
  to?: number;
}

/** `?month=` or `?from=&to=` (or nothing), as both the JSON and the CSV URLs take it. */
export function reportSearch(query: ReportQuery): URLSearchParams {
  const search = new URLSearchParams();
  if (query.month) search.set('month', query.month);
  else if (query.from !== undefined && query.to !== undefined) {
    search.set('from', String(query.from));
    search.set('to', String(query.to));
  }
  return search;
}

/**
 * `?month=` or `?from=&to=` from a page URL (unix seconds); anything else is the server's default
 * month. The page's server render reads it as the view does, so its prefetch lands under the view's key.
 */
export function reportQueryFrom(params: URLSearchParams): ReportQuery {
  const month = params.get('month');
  if (month) return { month };
  const from = Number(params.get('from') ?? Number.NaN);
  const to = Number(params.get('to') ?? Number.NaN);
  return Number.isFinite(from) && Number.isFinite(to) ? { from, to } : {};
}

export function reportUrl(query: ReportQuery, format: 'json' | 'csv' = 'json'): string {
  const search = reportSearch(query);
  if (format === 'csv') search.set('format', 'csv');
  const qs = search.toString();
  return qs ? `/api/report?${qs}` : '/api/report';
}

/** `GET /api/report`. */
export function useReport(query: ReportQuery) {
  return useQuery({
    queryKey: queryKeys.report(query),
    queryFn: ({ signal }) => fetchApi(reportUrl(query), isReport, signal),
    placeholderData: keepPreviousData,
    staleTime: REPORT_STALE_MS,
    retry: false,
  });
}

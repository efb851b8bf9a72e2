import 'server-only';
import { pool } from '@/lib/concurrency';
import { PrometheusError, type PrometheusClient, type RangeResult } from '@/lib/prometheus';
import type { BulkQuery, SeriesValues } from './backtest-bulk';
import { BASE_STEP, spanChunks, spanLength, type StepSpan } from './backtest-queries';

// Range queries of backtests, one SLO's or many's: every chunk of a query over a span, each series'
// values at the span's steps.

/** Queries in flight at once per backtest, as in evaluate.ts: parallel without queueing dozens. */
export const QUERY_CONCURRENCY = 4;

export interface FetchOptions {
  client: PrometheusClient;
  signal?: AbortSignal;
}

const labelKey = (labels: Record<string, string>) =>
  Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}\u0000${v}`)
    .join('\u0001');

/** Every chunk of one query over `span`, each series' values at the span's steps (NaN where none). */
export async function fetchSeries(query: string, span: StepSpan, opts: FetchOptions): Promise<{ series: SeriesValues[]; requests: number }> {
  const chunks = spanChunks(span);
  const length = spanLength(span);
  const bySeries = new Map<string, SeriesValues>();
  // The chunks at once (a slow Prometheus then takes one answer's time, not one per chunk), merged in order.
  const results: RangeResult[] = [];
  await pool(
    chunks.map((chunk, i) => ({ chunk, i })),
    QUERY_CONCURRENCY,
    async ({ chunk, i }) => {
      results[i] = await opts.client.rangeQuery(query, { ...chunk, signal: opts.signal });
    },
  );
  for (const result of results) {
    for (const s of result.series) {
      const key = labelKey(s.labels);
      let entry = bySeries.get(key);
      if (!entry) {
        entry = { labels: s.labels, start: span.start, step: span.step, values: new Float64Array(length).fill(Number.NaN) };
        bySeries.set(key, entry);
      }
      for (const [ms, value] of s.points) {
        const i = Math.round((ms / 1000 - span.start) / span.step);
        if (Number.isFinite(value) && i >= 0 && i < length) entry.values[i] = value;
      }
    }
  }
  return { series: [...bySeries.values()], requests: chunks.length };
}

export interface Grouped {
  /** Series of each query by id. */
  series: Map<string, SeriesValues[]>;
  /** Custom SLOs whose own PromQL Prometheus rejected, by name, with its message. */
  rejected: Map<string, string>;
  requests: number;
}

/**
 * The grouped count queries (backtest-bulk.ts planBulkQueries) over their spans: minutes over
 * `spans.minute`, 5-minute steps over `spans.block`. A failing shared query fails the call; a custom
 * SLO's query that Prometheus rejects is reported under `rejected`.
 */
export async function fetchGrouped(queries: readonly BulkQuery[], spans: { minute: StepSpan; block: StepSpan }, opts: FetchOptions): Promise<Grouped> {
  const out: Grouped = { series: new Map(), rejected: new Map(), requests: 0 };
  await pool(queries, QUERY_CONCURRENCY, async (q) => {
    try {
      const fetched = await fetchSeries(q.query, q.step === BASE_STEP ? spans.minute : spans.block, opts);
      out.series.set(q.id, fetched.series);
      out.requests += fetched.requests;
    } catch (err) {
      if (!q.id.startsWith('custom:') || !(err instanceof PrometheusError) || err.kind !== 'api') throw err;
      out.requests++;
      out.rejected.set(q.id.slice('custom:'.length, q.id.lastIndexOf(':')), err.error ?? err.message);
    }
  });
  return out;
}

import 'server-only';
import { PrometheusError, type PrometheusClient } from '@/lib/prometheus';
import { runBacktest } from '@/lib/slo/backtest/backtest';
import { bulkCounts, bulkQueryId, planBulkQueries, type BulkQuery, type SeriesValues } from './backtest-bulk';
import { makeGrid, type Grid } from '@/lib/slo/backtest/grid';
import { BASE_STEP, backtestWindows, rangeChunks } from './backtest-queries';
import { pool } from '@/lib/concurrency';
import { QUERY_CONCURRENCY } from './backtest-run';
import type { BacktestResult } from '@/lib/slo/backtest/schema';
import { checkThreshold } from '@/lib/slo/buckets';
import { findBucketBoundaries } from './evaluate';
import { resolvePolicy, type AlertPair } from '@/lib/slo/policy';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';
import { meshSli } from './mesh-sli';

// Backtests of many SLOs over one range from grouped range queries (backtest-bulk.ts): one query per
// window per indicator kind for all of them (plus one per window per custom SLO), then the pure
// engine per SLO. Raw counters only: reading recorded series would cost two instant queries per SLO
// to learn whether they cover the range, and an SLO's own backtest (backtest-run.ts) still does that.

export interface BulkOptions {
  client: PrometheusClient;
  /** Unix seconds. */
  from: number;
  to: number;
  signal?: AbortSignal;
  /** The mesh's SLI counters; default: the mesh detected in Prometheus. */
  sli?: SliSource;
}

export interface BulkError {
  code: string;
  message: string;
}

/** Each SLO's backtest, or why it has none (a custom query Prometheus rejects, a threshold that is no bucket). */
export type BulkBacktest = { name: string; result: BacktestResult; error: null } | { name: string; result: null; error: BulkError };

const labelKey = (labels: Record<string, string>) =>
  Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}\u0000${v}`)
    .join('\u0001');

/** Every chunk of one grouped query, each series' values at the query's step over the chunks' span. */
async function fetchSeries(q: BulkQuery, grid: Grid, opts: BulkOptions): Promise<{ series: SeriesValues[]; requests: number }> {
  const chunks = rangeChunks(grid, q.step);
  const first = chunks[0]?.start ?? grid.start;
  const length = chunks.length === 0 ? 0 : ((chunks.at(-1)?.end ?? first) - first) / q.step + 1;
  const bySeries = new Map<string, SeriesValues>();
  for (const chunk of chunks) {
    const result = await opts.client.rangeQuery(q.query, { ...chunk, signal: opts.signal });
    for (const s of result.series) {
      const key = labelKey(s.labels);
      let entry = bySeries.get(key);
      if (!entry) {
        entry = { labels: s.labels, start: first, step: q.step, values: new Float64Array(length).fill(Number.NaN) };
        bySeries.set(key, entry);
      }
      for (const [ms, value] of s.points) {
        const i = Math.round((ms / 1000 - first) / q.step);
        if (Number.isFinite(value) && i >= 0 && i < length) entry.values[i] = value;
      }
    }
  }
  return { series: [...bySeries.values()], requests: chunks.length };
}

/** What a spec's counts depend on: its service (or, custom, its name), indicator and windows. */
function countsKey(spec: SloSpec, windows: readonly string[]): string {
  const who = spec.indicator.type === 'custom' ? spec.name : `${spec.namespace}/${spec.service}`;
  return `${who}\u0000${JSON.stringify(spec.indicator)}\u0000${windows.join(',')}`;
}

async function missingBucket(spec: SloSpec, thresholdMs: number, opts: BulkOptions): Promise<BulkError> {
  const check = checkThreshold(thresholdMs, await findBucketBoundaries(spec, { client: opts.client, time: opts.to, signal: opts.signal, sli: opts.sli }));
  return { code: 'threshold_not_a_bucket', message: check.ok ? `${thresholdMs} ms is not a bucket boundary in the data` : check.message };
}

/**
 * Backtests of `specs` (each with its own policy) over [from, to], and the PromQL requests it took:
 * chunks of windows x kinds grouped queries, however many SLOs. A failing shared query fails the whole
 * call (PrometheusError); a custom SLO whose own PromQL Prometheus rejects fails alone.
 */
export async function backtestMany(specs: readonly SloSpec[], opts: BulkOptions): Promise<{ backtests: BulkBacktest[]; queryCount: number }> {
  const grid = makeGrid(opts.from, opts.to, BASE_STEP);
  const plans = specs.map((spec) => {
    const policy: AlertPair[] = resolvePolicy({ window: spec.window, policy: spec.policy });
    return { spec, policy, windows: backtestWindows(policy, spec.window) };
  });
  const sli = await meshSli(opts.client, opts.signal, opts.sli);
  const queries = planBulkQueries(plans, sli);
  const series = new Map<string, SeriesValues[]>();
  const failed = new Map<string, BulkError>();
  let queryCount = 0;
  await pool(queries, QUERY_CONCURRENCY, async (q) => {
    try {
      const fetched = await fetchSeries(q, grid, opts);
      series.set(q.id, fetched.series);
      queryCount += fetched.requests;
    } catch (err) {
      if (!q.id.startsWith('custom:') || !(err instanceof PrometheusError) || err.kind !== 'api') throw err;
      queryCount++;
      failed.set(q.id.slice('custom:'.length, q.id.lastIndexOf(':')), { code: 'query_failed', message: `Prometheus rejected the custom query: ${err.error ?? err.message}` });
    }
  });

  // SLOs of one service and indicator at other objectives or policies read the same counts: they are
  // read back once, in turn, so that only one set of minute-grid arrays (~1 MB a window) is alive.
  const backtests = new Array<BulkBacktest>(plans.length);
  const order = plans.map((plan, i) => ({ plan, i, key: countsKey(plan.spec, plan.windows) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  let cached: { key: string; read: ReturnType<typeof bulkCounts> } | undefined;
  for (const { plan, i, key } of order) {
    const { spec, policy, windows } = plan;
    const error = failed.get(spec.name);
    if (error) {
      backtests[i] = { name: spec.name, result: null, error };
      continue;
    }
    if (cached?.key !== key) cached = { key, read: bulkCounts(spec, windows, series, grid, sli) };
    const { read } = cached;
    if (!read.ok) {
      queryCount++;
      backtests[i] = { name: spec.name, result: null, error: await missingBucket(spec, read.missingThresholdMs, { ...opts, sli }) };
      continue;
    }
    const ids = new Set(windows.map((w) => bulkQueryId(spec, w)));
    const result = runBacktest({
      name: spec.name,
      from: opts.from,
      to: opts.to,
      grid,
      objective: spec.objective,
      sloWindow: spec.window,
      policy,
      counts: read.counts,
      source: 'raw',
      queries: queries.filter((q) => ids.has(q.id)).map((q) => q.query),
    });
    backtests[i] = { name: spec.name, result, error: null };
  }
  return { backtests, queryCount };
}

import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { pool } from '@/lib/concurrency';
import { PrometheusError, type PrometheusClient } from '@/lib/prometheus';
import { runBacktest, type WindowCounts } from '@/lib/slo/backtest/backtest';
import { makeGrid, resample, type Grid } from '@/lib/slo/backtest/grid';
import {
  BASE_STEP,
  backtestWindows,
  holdSeconds,
  missingBadIsZero,
  rangeChunks,
  rawQueries,
  recordedCheckQuery,
  recordedQueries,
  type WindowQuery,
} from './backtest-queries';
import type { BacktestResult } from '@/lib/slo/backtest/schema';
import { checkThreshold } from '@/lib/slo/buckets';
import { findBucketBoundaries } from './evaluate';
import { eventsRecord } from '@/lib/slo/rules/rules';
import { resolvePolicy } from '@/lib/slo/policy';
import type { SliSource } from '@/lib/slo/sli-source';
import type { Policy, SloSpec } from '@/lib/slo/spec';
import { meshSli } from './mesh-sli';

// Runs a backtest against Prometheus: range queries per window (backtest-queries.ts), put on the
// minute grid, then the pure engine (backtest.ts).

/** Queries in flight at once per backtest, as in evaluate.ts: parallel without queueing dozens. */
export const QUERY_CONCURRENCY = 4;

export interface BacktestOptions {
  client: PrometheusClient;
  /** Unix seconds. */
  from: number;
  to: number;
  /** A candidate policy instead of the spec's own. */
  policy?: Policy;
  /**
   * Read the SLO's recorded series when every window has them at both ends of the range (default).
   * They carry the definition's sli_hash, so an edited, unsaved spec finds none and reads raw counters.
   */
  preferRecorded?: boolean;
  signal?: AbortSignal;
  /** The mesh's SLI counters; default: the mesh detected in Prometheus. */
  sli?: SliSource;
}

/** Recorded series for every window at both ends of the range (and so, we assume, in between). */
async function recordedCover(spec: SloSpec, windows: readonly string[], sli: SliSource, opts: BacktestOptions): Promise<boolean> {
  const query = recordedCheckQuery(spec, windows, sli);
  const ends = await Promise.all(
    [opts.from, opts.to].map(async (time) => {
      const result = await opts.client.instantQuery(query, { time, signal: opts.signal });
      return result.resultType === 'vector' ? new Set(result.samples.map((s) => s.labels.__name__)) : new Set<string | undefined>();
    }),
  );
  return ends.every((names) => windows.every((w) => names.has(eventsRecord(w))));
}

/** Every chunk of one query, merged into [unix seconds, value] points (later series win a tie). */
async function fetchPoints(query: string, step: number, grid: Grid, opts: BacktestOptions): Promise<Array<[number, number]>> {
  const byTime = new Map<number, number>();
  await pool(rangeChunks(grid, step), 1, async (chunk) => {
    const result = await opts.client.rangeQuery(query, { ...chunk, signal: opts.signal });
    for (const series of result.series) for (const [ms, value] of series.points) if (Number.isFinite(value)) byTime.set(ms / 1000, value);
  });
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]);
}

function combine(spec: SloSpec, q: WindowQuery, values: Map<string, Array<number | null>>, grid: Grid): WindowCounts['bad'] {
  const own = values.get(q.query) ?? new Array<number | null>(grid.length).fill(null);
  if (q.kind === 'total') return own;
  const totals = values.get(q.eventsQuery ?? '') ?? values.get(`total:${q.window}`) ?? [];
  return own.map((v, i) => {
    const total = totals[i] ?? null;
    if (q.eventsQuery !== undefined) return v === null || total === null ? (total === 0 ? 0 : null) : v * total;
    return v === null && total !== null && missingBadIsZero(spec) ? 0 : v;
  });
}

async function checkLatencyBucket(spec: SloSpec, opts: BacktestOptions): Promise<void> {
  if (spec.indicator.type !== 'latency') return;
  const boundaries = await findBucketBoundaries(spec, { client: opts.client, time: opts.to, signal: opts.signal, sli: opts.sli });
  const check = checkThreshold(spec.indicator.thresholdMs, boundaries);
  if (!check.ok) {
    throw new ApiError(422, 'threshold_not_a_bucket', check.message, {
      fieldErrors: { 'indicator.thresholdMs': [check.message] },
      formErrors: [],
      nearest: check.nearest,
    });
  }
}

/** The backtest of `spec` over [from, to], and how many PromQL requests it took. */
export async function backtestSlo(spec: SloSpec, opts: BacktestOptions): Promise<{ result: BacktestResult; queryCount: number }> {
  const policy = resolvePolicy({ window: spec.window, policy: opts.policy ?? spec.policy });
  const windows = backtestWindows(policy, spec.window);
  const grid = makeGrid(opts.from, opts.to, BASE_STEP);
  let queryCount = 0;
  const sli = await meshSli(opts.client, opts.signal, opts.sli);
  await checkLatencyBucket(spec, { ...opts, sli });
  if (spec.indicator.type === 'latency') queryCount++;
  const prefer = opts.preferRecorded ?? true;
  const recorded = prefer && (await recordedCover(spec, windows, sli, opts));
  if (prefer) queryCount += 2;
  const plan = recorded ? recordedQueries(spec, windows, sli) : rawQueries(spec, windows, sli);

  const values = new Map<string, Array<number | null>>();
  try {
    await pool(plan, QUERY_CONCURRENCY, async (q) => {
      queryCount += rangeChunks(grid, q.step).length;
      const points = await fetchPoints(q.query, q.step, grid, opts);
      const onGrid = resample(points, grid, q.step, holdSeconds(q.window, q.step));
      values.set(q.query, onGrid);
      if (q.kind === 'total') values.set(`total:${q.window}`, onGrid);
    });
  } catch (err) {
    if (spec.indicator.type === 'custom' && err instanceof PrometheusError && err.kind === 'api') {
      throw new ApiError(422, 'query_failed', `Prometheus rejected the custom query: ${err.error ?? err.message}`);
    }
    throw err;
  }

  const counts: Record<string, WindowCounts> = {};
  for (const q of plan) {
    const entry = (counts[q.window] ??= { bad: new Array<number | null>(grid.length).fill(null), total: [] });
    if (q.kind === 'bad') entry.bad = combine(spec, q, values, grid);
    else entry.total = combine(spec, q, values, grid);
  }
  const result = runBacktest({
    name: spec.name,
    from: opts.from,
    to: opts.to,
    grid,
    objective: spec.objective,
    sloWindow: spec.window,
    policy,
    counts,
    source: recorded ? 'recorded' : 'raw',
    queries: plan.map((q) => q.query),
  });
  return { result, queryCount };
}

import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { pool } from '@/lib/concurrency';
import { PrometheusError, type PrometheusClient } from '@/lib/prometheus';
import { backtestWindows, runBacktest, type BacktestInput, type WindowCounts } from '@/lib/slo/backtest/backtest';
import { makeGrid, type Grid } from '@/lib/slo/backtest/grid';
import type { StepCounts } from '@/lib/slo/backtest/steps';
import { BASE_STEP, backtestSpans, recordedCheckQuery, recordedQueries, type WindowQuery } from './backtest-queries';
import { bulkCounts, planBulkQueries } from './backtest-bulk';
import { fetchGrouped, fetchSeries, QUERY_CONCURRENCY } from './backtest-fetch';
import type { BacktestResult } from '@/lib/slo/backtest/schema';
import { markOverlaps, periodsIn, type MaintenancePeriod } from '@/lib/maintenance';
import { checkThreshold } from '@/lib/slo/buckets';
import { findBucketBoundaries } from './evaluate';
import { eventsRecord } from '@/lib/slo/rules/rules';
import { resolvePolicy, type AlertPair } from '@/lib/slo/policy';
import type { SliSource } from '@/lib/slo/sli-source';
import type { Policy, SloSpec } from '@/lib/slo/spec';
import { meshSli } from './mesh-sli';
import { recordedExpected, type RecordedHints } from './recorded-expect';

// Runs a backtest against Prometheus: raw counters per minute and per 5 minutes (the grouped queries of
// backtest-bulk.ts, for one SLO) or recorded series per window, then the pure engine (backtest.ts),
// which derives every window from the steps.

/** What every backtest of `spec` over the range starts from, one SLO's or many's. */
export function backtestOf(spec: SloSpec, range: { from: number; to: number }, grid: Grid, policy: AlertPair[]): Pick<BacktestInput, 'name' | 'from' | 'to' | 'grid' | 'objective' | 'sloWindow' | 'policy'> {
  return { name: spec.name, from: range.from, to: range.to, grid, objective: spec.objective, sloWindow: spec.window, policy };
}

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
  /** Maintenance windows to mark (the routes pass the stored ones); none: nothing is marked. */
  maintenance?: readonly MaintenancePeriod[];
  /** When the definition dates from, to guess which read the recorded-series probe will choose (recorded-expect.ts). */
  recordedHints?: RecordedHints;
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

/**
 * Raw counters: minute and 5-minute counts over the spans the windows need, from the grouped queries a
 * bulk backtest runs (backtest-bulk.ts), here for one SLO.
 */
async function rawSteps(spec: SloSpec, grid: Grid, windows: readonly string[], sli: SliSource, opts: BacktestOptions): Promise<{ steps: StepCounts; requests: number; queries: string[] }> {
  const queries = planBulkQueries([spec], sli);
  const spans = backtestSpans(grid, windows, spec.window);
  const fetched = await fetchGrouped(queries, spans, opts);
  const rejected = fetched.rejected.get(spec.name);
  if (rejected !== undefined) throw new ApiError(422, 'query_failed', `Prometheus rejected the custom query: ${rejected}`);
  const read = bulkCounts(spec, fetched.series, spans.steps, sli);
  if (!read.ok) throw new ApiError(422, 'threshold_not_a_bucket', `${read.missingThresholdMs} ms is not a bucket boundary in the data`);
  return { steps: read.steps, requests: fetched.requests, queries: queries.map((q) => q.query) };
}

/** Recorded series: each window at every evaluation; recorded `bad` is ratio x events. */
async function recordedCounts(plan: readonly WindowQuery[], grid: Grid, opts: BacktestOptions): Promise<{ counts: Record<string, WindowCounts>; requests: number }> {
  const span = { start: grid.start, end: grid.start + Math.max(0, grid.length - 1) * grid.step, step: grid.step };
  const values = new Map<string, Array<number | null>>();
  let requests = 0;
  const queries = [...new Set(plan.map((q) => q.query))];
  await pool(queries, QUERY_CONCURRENCY, async (query) => {
    const fetched = await fetchSeries(query, span, opts);
    // One series per recorded selector; should there be more, the last one answering wins.
    const merged = new Array<number | null>(grid.length).fill(null);
    for (const s of fetched.series) s.values.forEach((v, i) => (Number.isNaN(v) ? undefined : (merged[i] = v)));
    values.set(query, merged);
    requests += fetched.requests;
  });
  const counts: Record<string, WindowCounts> = {};
  const none = new Array<number | null>(grid.length).fill(null);
  for (const q of plan) {
    const entry = (counts[q.window] ??= { bad: none, total: none });
    const own = values.get(q.query) ?? none;
    if (q.kind === 'total') {
      entry.total = own;
      continue;
    }
    const totals = values.get(q.eventsQuery ?? '') ?? none;
    entry.bad = own.map((ratio, i) => {
      const total = totals[i] ?? null;
      return ratio === null || total === null ? (total === 0 ? 0 : null) : ratio * total;
    });
  }
  return { counts, requests };
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

/** Episodes overlapping a maintenance window of the SLO's service are marked, and the range's windows listed. */
function withMaintenance(result: BacktestResult, spec: SloSpec, opts: BacktestOptions): BacktestResult {
  if (!opts.maintenance) return result;
  const periods = periodsIn(opts.maintenance, opts, spec);
  return { ...result, episodes: result.episodes.map((e) => markOverlaps(e, periods)), maintenance: periods };
}

type Counts = { steps?: StepCounts; counts?: Record<string, WindowCounts>; requests: number; queries: string[] };

function recordedData(spec: SloSpec, grid: Grid, windows: readonly string[], sli: SliSource, opts: BacktestOptions): Promise<Counts> {
  const plan = recordedQueries(spec, windows, sli);
  return recordedCounts(plan, grid, opts).then((read) => ({ ...read, queries: [...new Set(plan.map((q) => q.query))] }));
}

/**
 * The backtest's counts: recorded series when they cover the range (probed at both ends), else raw
 * counters. The probe goes out with the read it is expected to choose, so a slow Prometheus answers
 * in one round trip: the recorded read when the definition's rules ran by `from` (or nothing says
 * otherwise: those range queries read one series per window, cheap next to the raw counters), the raw
 * one when the definition is newer (recorded-expect.ts). Only when the probe disagrees is the other
 * read sent, after it; the guessed read is then unused, its failure too. The probe decides as before.
 */
async function readCounts(spec: SloSpec, grid: Grid, windows: readonly string[], sli: SliSource, opts: BacktestOptions): Promise<{ recorded: boolean; data: Counts; requests: number }> {
  const raw = () => rawSteps(spec, grid, windows, sli, opts);
  if (!(opts.preferRecorded ?? true)) {
    const data = await raw();
    return { recorded: false, data, requests: data.requests };
  }
  const expected = recordedExpected(spec, opts.from, opts.recordedHints);
  const guess = expected ? recordedData(spec, grid, windows, sli, opts) : raw();
  // Awaited below, or dropped unused when the probe disagrees: never an unhandled rejection.
  guess.catch(() => undefined);
  const recorded = await recordedCover(spec, windows, sli, opts);
  if (recorded === expected) {
    const data = await guess;
    return { recorded, data, requests: 2 + data.requests };
  }
  const [data, unused] = await Promise.all([recorded ? recordedData(spec, grid, windows, sli, opts) : raw(), guess.then((g) => g.requests, () => 0)]);
  return { recorded, data, requests: 2 + data.requests + unused };
}

/** The backtest of `spec` over [from, to], and how many PromQL requests it took. */
export async function backtestSlo(spec: SloSpec, opts: BacktestOptions): Promise<{ result: BacktestResult; queryCount: number }> {
  const policy = resolvePolicy({ window: spec.window, policy: opts.policy ?? spec.policy });
  const windows = backtestWindows(policy, spec.window);
  const grid = makeGrid(opts.from, opts.to, BASE_STEP);
  const sli = await meshSli(opts.client, opts.signal, opts.sli);
  // The bucket check and the reads at once; the check's 422 (with the nearest buckets) comes first.
  const check = checkLatencyBucket(spec, { ...opts, sli });
  const reading = readCounts(spec, grid, windows, sli, opts);
  reading.catch(() => undefined);
  await check;
  let read: Awaited<typeof reading>;
  try {
    read = await reading;
  } catch (err) {
    if (spec.indicator.type === 'custom' && err instanceof PrometheusError && err.kind === 'api') {
      throw new ApiError(422, 'query_failed', `Prometheus rejected the custom query: ${err.error ?? err.message}`);
    }
    throw err;
  }
  const { recorded, data } = read;
  const result = runBacktest({
    ...backtestOf(spec, opts, grid, policy),
    steps: data.steps,
    counts: data.counts,
    source: recorded ? 'recorded' : 'raw',
    queries: data.queries,
  });
  return { result: withMaintenance(result, spec, opts), queryCount: read.requests + (spec.indicator.type === 'latency' ? 1 : 0) };
}

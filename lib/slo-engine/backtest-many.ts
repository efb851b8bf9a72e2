import 'server-only';
import type { PrometheusClient } from '@/lib/prometheus';
import { backtestWindows, runBacktest } from '@/lib/slo/backtest/backtest';
import { bulkCounts, bulkQueryId, planBulkQueries } from './backtest-bulk';
import { fetchGrouped } from './backtest-fetch';
import { makeGrid } from '@/lib/slo/backtest/grid';
import { BASE_STEP, stepSpans } from './backtest-queries';
import type { BacktestResult } from '@/lib/slo/backtest/schema';
import { checkThreshold } from '@/lib/slo/buckets';
import { findBucketBoundaries } from './evaluate';
import { resolvePolicy, type AlertPair } from '@/lib/slo/policy';
import { windowSeconds } from '@/lib/slo/windows';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';
import { backtestOf } from './backtest-run';
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

/** What a spec's counts depend on: its service (or, custom, its name) and indicator. */
function countsKey(spec: SloSpec): string {
  const who = spec.indicator.type === 'custom' ? spec.name : `${spec.namespace}/${spec.service}`;
  return `${who}\u0000${JSON.stringify(spec.indicator)}`;
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
  const queries = planBulkQueries(specs, sli);
  // One span for all: the longest policy window per minute and the longest SLO window in blocks.
  const spans = stepSpans(
    grid,
    Math.max(0, ...plans.flatMap((p) => p.windows.filter((w) => w !== p.spec.window).map(windowSeconds))),
    Math.max(0, ...plans.map((p) => windowSeconds(p.spec.window))),
  );
  const { series, rejected, requests } = await fetchGrouped(queries, spans, opts);
  let queryCount = requests;
  const failed = new Map([...rejected].map(([name, message]) => [name, { code: 'query_failed', message: `Prometheus rejected the custom query: ${message}` }]));

  // SLOs of one service and indicator at other objectives or policies read the same counts: they are
  // read back once, in turn, so that only one SLO's per-minute arrays are alive.
  const backtests = new Array<BulkBacktest>(plans.length);
  const order = plans.map((plan, i) => ({ plan, i, key: countsKey(plan.spec) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  let cached: { key: string; read: ReturnType<typeof bulkCounts> } | undefined;
  for (const { plan, i, key } of order) {
    const { spec, policy } = plan;
    const error = failed.get(spec.name);
    if (error) {
      backtests[i] = { name: spec.name, result: null, error };
      continue;
    }
    if (cached?.key !== key) cached = { key, read: bulkCounts(spec, series, spans.steps, sli) };
    const { read } = cached;
    if (!read.ok) {
      queryCount++;
      backtests[i] = { name: spec.name, result: null, error: await missingBucket(spec, read.missingThresholdMs, { ...opts, sli }) };
      continue;
    }
    const ids = new Set(['1m', '5m'].map((w) => bulkQueryId(spec, w)));
    const result = runBacktest({
      ...backtestOf(spec, opts, grid, policy),
      steps: read.steps,
      source: 'raw',
      queries: queries.filter((q) => ids.has(q.id)).map((q) => q.query),
    });
    backtests[i] = { name: spec.name, result, error: null };
  }
  return { backtests, queryCount };
}

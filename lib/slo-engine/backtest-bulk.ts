import type { WindowCounts } from '@/lib/slo/backtest/backtest';
import { resample, type Grid } from '@/lib/slo/backtest/grid';
import { holdSeconds, missingBadIsZero, sampleStep } from './backtest-queries';
import { ofService, PART_LABEL, planRawQueries, type RawNeed } from './bulk-queries';
import { parseLe } from '@/lib/slo/queries';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';

// Backtests of many SLOs from shared range queries (backtest-many.ts runs them): the grouped raw
// queries of the bulk status (bulk-queries.ts: one per window per indicator kind, `sum by` service,
// every latency threshold's bucket in one query), each read back per SLO. Pure.
//
// A backtest needs every minute of 30 days, so a grouped series is as long as one SLO's: Prometheus'
// 11,000 points per series still splits each query into chunks, and grouping divides the requests by
// the number of SLOs, not the chunks.

export interface BulkQuery {
  /** bulk-queries.ts id: `<kind>:<window>`, or `custom:<name>:<window>`. */
  id: string;
  query: string;
  window: string;
  step: number;
}

/**
 * One series' values at start + i x step (NaN where Prometheus had none): a 30-day series at 60 s is
 * 43,201 numbers, which as [time, value] pairs would take a few hundred MB for 100 SLOs' services.
 */
export interface SeriesValues {
  labels: Record<string, string>;
  start: number;
  step: number;
  values: Float64Array;
}

export type BulkCounts = { ok: true; counts: Record<string, WindowCounts> } | { ok: false; missingThresholdMs: number };

/** The query id of a spec's window, as planRawQueries() names it. */
export function bulkQueryId(spec: Pick<SloSpec, 'name' | 'indicator'>, window: string): string {
  return spec.indicator.type === 'custom' ? `custom:${spec.name}:${window}` : `${spec.indicator.type}:${window}`;
}

/** The grouped queries giving every window of every need, with each window's sampling step (backtest-queries.ts). */
export function planBulkQueries(needs: readonly RawNeed[], source: SliSource): BulkQuery[] {
  return planRawQueries(needs, source).map(({ id, query }) => {
    const window = id.slice(id.lastIndexOf(':') + 1);
    return { id, query, window, step: sampleStep(window) };
  });
}

function points(series: SeriesValues | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!series) return out;
  series.values.forEach((v, i) => {
    if (!Number.isNaN(v)) out.push([series.start + i * series.step, v]);
  });
  return out;
}

/**
 * One spec's bad and total counts per window on the grid, read out of the grouped queries' series
 * exactly as backtest-run.ts reads its own queries: each series resampled, bad events missing where
 * there is traffic read as none (except latency), a latency window's bad = +Inf bucket - threshold
 * bucket where both exist. A latency threshold with no bucket series where there is traffic fails.
 */
export function bulkCounts(spec: SloSpec, windows: readonly string[], series: ReadonlyMap<string, readonly SeriesValues[]>, grid: Grid, source: SliSource): BulkCounts {
  const counts: Record<string, WindowCounts> = {};
  for (const window of windows) {
    const step = sampleStep(window);
    const onGrid = (s: SeriesValues | undefined) => resample(points(s), grid, step, holdSeconds(window, step));
    const all = series.get(bulkQueryId(spec, window)) ?? [];
    const mine = spec.indicator.type === 'custom' ? all : all.filter(ofService(spec, source));
    if (spec.indicator.type === 'latency') {
      const threshold = spec.indicator.thresholdMs;
      const total = mine.find((s) => parseLe(s.labels.le ?? '') === Number.POSITIVE_INFINITY);
      const good = mine.find((s) => parseLe(s.labels.le ?? '') === threshold);
      if (total && !good) return { ok: false, missingThresholdMs: threshold };
      const totals = onGrid(total);
      const goods = onGrid(good);
      counts[window] = { total: totals, bad: totals.map((t, i) => (t === null || goods[i] === null ? null : t - (goods[i] ?? 0))) };
      continue;
    }
    const totals = onGrid(mine.find((s) => s.labels[PART_LABEL] === 'total'));
    const bads = onGrid(mine.find((s) => s.labels[PART_LABEL] === 'bad'));
    counts[window] = { total: totals, bad: bads.map((b, i) => (b === null && totals[i] !== null && missingBadIsZero(spec) ? 0 : b)) };
  }
  return { ok: true, counts };
}

import type { StepCounts, StepSeries } from '@/lib/slo/backtest/steps';
import { BASE_STEP, BLOCK_STEP, missingBadIsZero, type StepSpan } from './backtest-queries';
import { stepCounts, type CountSeries } from './backtest-steps';
import { ofService, PART_LABEL, planRawQueries, type RawNeed } from './bulk-queries';
import { parseLe } from '@/lib/slo/queries';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';

// Backtests of many SLOs from shared range queries (backtest-many.ts runs them): the grouped raw
// queries of the bulk status (bulk-queries.ts: one per window per indicator kind, `sum by` service,
// every latency threshold's bucket in one query), each read back per SLO. Pure.
//
// A backtest reads the events of every minute and of every 5 minutes (backtest-queries.ts), so a
// grouped series is as long as one SLO's: Prometheus' 11,000 points per series still splits each query
// into chunks, and grouping divides the requests by the number of SLOs, not the chunks.

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

export type BulkCounts = { ok: true; steps: StepCounts } | { ok: false; missingThresholdMs: number };

/** The query id of a spec's window, as planRawQueries() names it. */
export function bulkQueryId(spec: Pick<SloSpec, 'name' | 'indicator'>, window: string): string {
  return spec.indicator.type === 'custom' ? `custom:${spec.name}:${window}` : `${spec.indicator.type}:${window}`;
}

/** The grouped queries of every spec's minute and 5-minute counts. */
export function planBulkQueries(specs: readonly SloSpec[], source: SliSource): BulkQuery[] {
  const needs: RawNeed[] = specs.map((spec) => ({ spec, windows: ['1m', '5m'] }));
  return planRawQueries(needs, source).map(({ id, query }) => {
    const window = id.slice(id.lastIndexOf(':') + 1);
    return { id, query, window, step: window === '1m' ? BASE_STEP : BLOCK_STEP };
  });
}

const steps = (s: SeriesValues | undefined): StepSeries | undefined => s && { start: s.start, step: s.step, values: s.values };

/**
 * The series of one bucket bound, every spelling of it added up step by step ("250" and "250.0" side by
 * side after a Prometheus 2 -> 3 upgrade, each missing, NaN, where the other has the step), as the
 * generated rule's le=~ adds them. One query's series share their steps.
 */
function bucketSeries(series: readonly SeriesValues[], le: number): SeriesValues | undefined {
  const matching = series.filter((s) => parseLe(s.labels.le ?? '') === le);
  const [first] = matching;
  if (!first || matching.length === 1) return first;
  const values = first.values.map((_, k) => {
    let sum = Number.NaN;
    for (const s of matching) {
      const v = s.values[k] ?? Number.NaN;
      if (!Number.isNaN(v)) sum = Number.isNaN(sum) ? v : sum + v;
    }
    return sum;
  });
  return { ...first, values };
}

/** Bad and all events of one spec at one resolution, out of a grouped query's series; null: no threshold bucket under traffic. */
function level(spec: SloSpec, all: readonly SeriesValues[], source: SliSource): CountSeries | null {
  const mine = spec.indicator.type === 'custom' ? all : all.filter(ofService(spec, source));
  if (spec.indicator.type !== 'latency') return { bad: steps(mine.find((s) => s.labels[PART_LABEL] === 'bad')), total: steps(mine.find((s) => s.labels[PART_LABEL] === 'total')) };
  const threshold = spec.indicator.thresholdMs;
  const total = bucketSeries(mine, Number.POSITIVE_INFINITY);
  const good = bucketSeries(mine, threshold);
  if (total && !good) return null;
  if (!total || !good) return {};
  // The same timestamps: both are buckets of one histogram in one query.
  return { total: steps(total), bad: { start: total.start, step: total.step, values: total.values.map((t, k) => t - (good.values[k] ?? Number.NaN)) } };
}

/**
 * One spec's per-step counts over `span` read out of the grouped queries' series, as backtest-run.ts
 * reads its own queries: bad events missing where there is traffic read as none (except latency), a
 * latency step's bad = +Inf bucket - threshold bucket. A latency threshold with no bucket series where
 * there is traffic fails.
 */
export function bulkCounts(spec: SloSpec, series: ReadonlyMap<string, readonly SeriesValues[]>, span: StepSpan, source: SliSource): BulkCounts {
  const minute = level(spec, series.get(bulkQueryId(spec, '1m')) ?? [], source);
  const block = level(spec, series.get(bulkQueryId(spec, '5m')) ?? [], source);
  if (!minute || !block) return { ok: false, missingThresholdMs: spec.indicator.type === 'latency' ? spec.indicator.thresholdMs : 0 };
  return { ok: true, steps: stepCounts(span, minute, block, missingBadIsZero(spec)) };
}

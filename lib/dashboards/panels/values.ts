// Turning Prometheus numbers into panel values: non-finite values become null with a reason, never 0.
import type { Sample, Series as PromSeries } from '@/lib/prometheus/query-schemas';
import { DEFAULT_HEALTH_THRESHOLDS, ratioHealth, type HealthThresholds } from '@/lib/health';
import { levelStatus, type Health, type Series } from '../schema';

/** A stat's colour for an error ratio: lib/health's thresholds, the same as every service verdict. */
export function errorRatioHealth(errorRatio: number | null, thresholds: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): Health {
  return levelStatus(ratioHealth({ errorRatio, rps: null, windowSeconds: 0 }, thresholds).level);
}

export function successHealth(success: number | null, thresholds?: HealthThresholds): Health {
  return errorRatioHealth(success === null ? null : 1 - success, thresholds);
}

/** The latency quantiles the debug views show, by name. */
export const LATENCY_QUANTILES = [['p50', 0.5], ['p95', 0.95], ['p99', 0.99]] as const;

export interface Value {
  value: number | null;
  reason?: string;
}

/** A sample's value, or null with why: no sample (`empty`), NaN (usually no traffic), ±Inf. */
export function read(sample: Pick<Sample, 'value'> | undefined, empty = 'no data in the window'): Value {
  if (sample === undefined) return { value: null, reason: empty };
  const v = sample.value;
  if (Number.isFinite(v)) return { value: v };
  if (Number.isNaN(v)) return { value: null, reason: 'no traffic in the window' };
  return { value: null, reason: v > 0 ? 'above the highest finite histogram bucket' : 'Prometheus returned -Inf' };
}

/** A finite number or null. */
export function finite(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}

/** A Prometheus series as a chart series; NaN and ±Inf become gaps. */
export function chartSeries(name: string, series: Pick<PromSeries, 'labels' | 'points'>, scale = 1): Series {
  return { name, labels: series.labels, points: series.points.map(([t, v]) => [t, Number.isFinite(v) ? v * scale : null]) };
}

/** A sparkline of `series` on the grid of range-query times, null where it has no point. */
export function sparkline(series: Pick<PromSeries, 'points'> | undefined, times: readonly number[]): Array<number | null> {
  const byTime = new Map(series?.points.map(([t, v]) => [t, v]) ?? []);
  return times.map((t) => finite(byTime.get(t)));
}

/** The times (ms) of a range query from start to end by step, as Prometheus evaluates them. */
export function rangeTimes({ start, end, step }: { start: number; end: number; step: number }): number[] {
  // Prometheus steps in integer milliseconds from start while <= end.
  const [startMs, endMs, stepMs] = [start, end, step].map((s) => Math.round(s * 1000)) as [number, number, number];
  const times: number[] = [];
  for (let t = startMs; t <= endMs; t += stepMs) times.push(t);
  return times;
}

/** Code-point order, so the server and every browser agree. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

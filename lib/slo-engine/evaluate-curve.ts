import 'server-only';
import type { RangeResult } from '@/lib/prometheus';
import { budgetFraction } from '@/lib/slo/math';
import { windowExprs } from '@/lib/slo/queries';
import type { SloSpec } from '@/lib/slo/spec';
import { windowSeconds } from '@/lib/slo/windows';
import type { EvaluateOptions } from './evaluate';
import { meshSli } from './mesh-sli';

// The budget burn-down over the SLO window ending at `time`: remaining budget after each step, from
// 1 at the window's start to the status's remaining at its end. Two range queries per SLO.

/** Points on the curve: enough for a chart, few enough for one cheap range query. */
const CURVE_POINTS = 120;
/** Steps are whole multiples of the 5-minute sample grid, so consecutive increases tile the window. */
const STEP_GRANULARITY_SECONDS = 300;

export interface BudgetCurve {
  /** Seconds between points. */
  step: number;
  /** `remaining` after the errors up to `time` (unix seconds); null when the window has no traffic. */
  points: Array<{ time: number; remaining: number | null }>;
}

function byTime(result: RangeResult): Map<number, number> {
  const out = new Map<number, number>();
  for (const series of result.series) for (const [ms, value] of series.points) if (Number.isFinite(value)) out.set(ms / 1000, value);
  return out;
}

/**
 * The curve's steps: whole multiples of the sample grid, at most CURVE_POINTS of them, that tile the
 * SLO window exactly where it can (7d: 112 steps of 90m), so the curve covers the window the status
 * reads and no more (steps of 85m overran a 7-day window by 35 minutes, a 28-day one by 2h20m).
 */
export function curveGrid(period: number): { step: number; count: number } {
  const least = Math.max(STEP_GRANULARITY_SECONDS, Math.ceil(period / CURVE_POINTS / STEP_GRANULARITY_SECONDS) * STEP_GRANULARITY_SECONDS);
  if (period % STEP_GRANULARITY_SECONDS === 0) {
    // The smallest step from `least` up to twice it that divides the window.
    for (let step = least; step <= 2 * least; step += STEP_GRANULARITY_SECONDS) if (period % step === 0) return { step, count: period / step };
  }
  return { step: least, count: Math.ceil(period / least) };
}

/**
 * Cumulative bad events since the window's start over all events in the window, as budget: the
 * step increases are summed in order, so the last point equals the window's own consumption.
 */
export async function budgetCurve(spec: SloSpec, { client, time, signal, sli }: EvaluateOptions): Promise<BudgetCurve> {
  const { step, count } = curveGrid(windowSeconds(spec.window));
  const start = time - (count - 1) * step;
  const stepWindow = `${step / 60}m`;
  const { bad, total } = windowExprs(spec, stepWindow, await meshSli(client, signal, sli));
  const range = { start, end: time, step, signal };
  const [bads, totals] = await Promise.all([client.rangeQuery(bad, range), client.rangeQuery(total, range)]);
  const badAt = byTime(bads);
  const totalAt = byTime(totals);
  const times = Array.from({ length: count }, (_, i) => start + i * step);
  const allEvents = times.reduce((sum, t) => sum + (totalAt.get(t) ?? 0), 0);
  const budget = budgetFraction(spec.objective);
  let spent = 0;
  const points = [{ time: start - step, remaining: allEvents > 0 ? 1 : null }];
  for (const t of times) {
    spent += badAt.get(t) ?? 0;
    points.push({ time: t, remaining: allEvents > 0 ? 1 - spent / (allEvents * budget) : null });
  }
  return { step, points };
}

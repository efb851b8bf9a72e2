import { fillFromCoarse, type StepCounts, type StepSeries } from '@/lib/slo/backtest/steps';
import { emptySteps, type StepSpan } from './backtest-queries';

// Per-step counts of one SLO from its minute and 5-minute series, as backtest-run.ts and
// backtest-bulk.ts read them. Pure.

/** Bad and all events at one resolution (either may be missing: no series at all). */
export interface CountSeries {
  bad?: StepSeries;
  total?: StepSeries;
}

/** Bad events missing where there is traffic are none, unless `missingBadIsZero` is false (latency: no threshold bucket). */
function badOrZero(level: CountSeries, missingBadIsZero: boolean): StepSeries | undefined {
  const { bad, total } = level;
  if (!total || !missingBadIsZero) return bad;
  const values = Float64Array.from(total.values, (t, k) => {
    const b = bad ? (bad.values[Math.round((total.start + k * total.step - bad.start) / bad.step)] ?? Number.NaN) : Number.NaN;
    return Number.isNaN(b) && !Number.isNaN(t) ? 0 : b;
  });
  return { start: total.start, step: total.step, values };
}

/** `series` re-indexed onto `span` (NaN outside it). */
function onSpan(series: StepSeries | undefined, span: StepSpan): StepSeries {
  const out = emptySteps(span);
  if (!series) return out;
  series.values.forEach((v, k) => {
    const i = Math.round((series.start + k * series.step - span.start) / span.step);
    if (i >= 0 && i < out.values.length) out.values[i] = v;
  });
  return out;
}

/** Every minute of `span` from the minute series, minutes without data filled from the 5-minute ones. */
export function stepCounts(span: StepSpan, minute: CountSeries, block: CountSeries, missingBadIsZero: boolean): StepCounts {
  const fill = (kind: 'bad' | 'total') => {
    const fine = kind === 'bad' ? badOrZero(minute, missingBadIsZero) : minute.total;
    const coarse = kind === 'bad' ? badOrZero(block, missingBadIsZero) : block.total;
    return fillFromCoarse(onSpan(fine, span), coarse);
  };
  return { start: span.start, step: span.step, bad: fill('bad'), total: fill('total') };
}

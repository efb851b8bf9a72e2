// Histogram counters built from per-bucket (non-cumulative) counters: each part is floored on its
// own and buckets are their running sums, so every bucket is monotone in time, buckets are
// cumulative, +Inf is exactly _count, and increases over any window are cumulative too.
import { compileCounter, sumCounters, type Counter, type Term } from './counter';
import { cdf, mean, type LogNormal } from './latency';
import type { Shape } from './shape';

export interface Component {
  weight: (t: number) => number; // share of the shape's rate
  dist: (t: number) => LogNormal;
}

export interface HistogramCounters {
  buckets: Array<{ le: number; counter: Counter }>; // cumulative; the last is +Inf
  sum: Counter;
  count: Counter; // the +Inf bucket itself
}

export interface HistogramOptions {
  start: number;
  end: number;
  /** Observations already counted at start (0 for series born after the epoch). */
  offset: number;
  peak: number;
  shape: Shape;
  components: readonly Component[];
  les: readonly number[]; // finite, ascending
  breakpoints: readonly number[];
}

export function histogramCounters(o: HistogramOptions): HistogramCounters {
  const bounds = [...o.les, Number.POSITIVE_INFINITY];
  const between = (lo: number, hi: number) => (t: number) =>
    o.components.reduce((sum, c) => {
      const d = c.dist(t);
      return sum + c.weight(t) * Math.max(0, cdf(d, hi) - cdf(d, lo));
    }, 0);
  const total = (t: number) => o.components.reduce((sum, c) => sum + c.weight(t), 0);
  const initial = total(o.start);
  const make = (weightAt: (t: number) => number, offset: number, rounding: 'floor' | 'milli') => {
    const term: Term = { peak: o.peak, shape: o.shape, weightAt };
    return compileCounter({ start: o.start, end: o.end, offset, terms: [term], rounding }, o.breakpoints);
  };
  const parts = bounds.map((hi, k) => {
    const weight = between(k === 0 ? 0 : (bounds[k - 1] ?? 0), hi);
    return make(weight, initial > 0 ? Math.floor((o.offset * weight(o.start)) / initial) : 0, 'floor');
  });
  const buckets = bounds.map((le, k) => ({ le, counter: sumCounters(parts.slice(0, k + 1)) }));
  const count = buckets[buckets.length - 1]?.counter ?? sumCounters(parts);
  const meanWeight = (t: number) => o.components.reduce((sum, c) => sum + c.weight(t) * mean(c.dist(t)), 0);
  const sumOffset = initial > 0 ? Math.round((o.offset * meanWeight(o.start) * 1000) / initial) / 1000 : 0;
  return { buckets, sum: make(meanWeight, sumOffset, 'milli'), count };
}

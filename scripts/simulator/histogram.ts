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

export interface ClassComponent extends Component {
  start: number; // when the class's series is born (>= the histogram's start)
  offset: number; // the class's requests already counted at its start
}

/**
 * Server-side request counters and the latency histogram built from the SAME integer parts, one per
 * (class, bucket): each class's counter is the sum of its parts and each cumulative bucket the sum
 * of all classes' parts up to it. So `+Inf` equals the requests the request counters saw, exactly,
 * at every instant, and every bucket's increase over any window stays cumulative in `le`.
 */
export function classHistogram(o: Omit<HistogramOptions, 'components' | 'offset'> & { classes: readonly ClassComponent[] }): HistogramCounters & { perClass: Counter[] } {
  const bounds = [...o.les, Number.POSITIVE_INFINITY];
  const parts = o.classes.map((c) => {
    const share = (k: number) => (t: number) => {
      const d = c.dist(t);
      return Math.max(0, cdf(d, bounds[k] ?? 0) - (k === 0 ? 0 : cdf(d, bounds[k - 1] ?? 0)));
    };
    const startShare = bounds.map((_, k) => share(k)(c.start));
    const startTotal = startShare.reduce((a, b) => a + b, 0);
    // The class's starting value split over its parts; the rounding remainder goes to the largest.
    const offsets = startShare.map((x) => (startTotal > 0 ? Math.floor((c.offset * x) / startTotal) : 0));
    const largest = startShare.indexOf(Math.max(...startShare));
    offsets[largest] = (offsets[largest] ?? 0) + c.offset - offsets.reduce((a, b) => a + b, 0);
    return bounds.map((_, k) => {
      const weightAt = (t: number) => c.weight(t) * share(k)(t);
      const offset = offsets[k] ?? 0;
      const term: Term = { peak: o.peak, shape: o.shape, weightAt };
      return compileCounter({ start: c.start, end: o.end, offset, terms: [term], rounding: 'floor' }, o.breakpoints);
    });
  });
  const perClass = parts.map((p) => sumCounters(p));
  const bucketParts = bounds.map((_, k) => sumCounters(parts.map((p) => p[k] as Counter)));
  const buckets = bounds.map((le, k) => ({ le, counter: sumCounters(bucketParts.slice(0, k + 1)) }));
  const count = sumCounters(perClass);
  const meanWeight = (t: number) => o.classes.reduce((sum, c) => sum + c.weight(t) * mean(c.dist(t)), 0);
  const totalStart = o.classes.reduce((sum, c) => sum + c.weight(o.start), 0);
  const offset = o.classes.reduce((sum, c) => sum + c.offset, 0);
  const sumOffset = totalStart > 0 ? Math.round((offset * meanWeight(o.start) * 1000) / totalStart) / 1000 : 0;
  const sum = compileCounter(
    { start: o.start, end: o.end, offset: sumOffset, terms: [{ peak: o.peak, shape: o.shape, weightAt: meanWeight }], rounding: 'milli' },
    o.breakpoints,
  );
  return { buckets, sum, count, perClass };
}

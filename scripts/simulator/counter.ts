// Counters as pure functions of time: C(t) = round(offset + sum over terms of
// peak * integral of weight(t) * shape(t) dt from start to t). Weights are piecewise constant
// between the model's breakpoints, so the integral is exact and needs no sampling.
import { shapeIntegral, type Shape } from './shape';

export interface Term {
  peak: number; // events per second at shape 1 and weight 1
  shape: Shape;
  /** Constant between breakpoints; evaluated once per segment, at its start. */
  weightAt: (t: number) => number;
}

export type Rounding = 'floor' | 'milli' | 'none';

export interface CounterSpec {
  start: number; // first moment the series exists; its value there is `offset`
  end: number; // last moment (Infinity when it never ends)
  offset: number;
  terms: readonly Term[];
  rounding: Rounding;
}

export type ValueFn = (t: number) => number;

/** A series' value over [start, end]; before start it reads its start value, after end its end value. */
export interface Counter {
  start: number;
  end: number;
  value: ValueFn;
}

interface CompiledTerm {
  peak: number;
  shape: Shape;
  weights: number[]; // per segment
  startIntegral: number[]; // G at each segment start
  before: number[]; // weighted integral of all earlier segments
}

/** Builds the value function for a counter; breakpoints must include every weight change. */
export function compileCounter(spec: CounterSpec, breakpoints: readonly number[]): Counter & { spec: CounterSpec } {
  const bounds = [spec.start, ...breakpoints.filter((b) => b > spec.start && b < spec.end)];
  const terms: CompiledTerm[] = spec.terms.map((term) => {
    const weights: number[] = [];
    const startIntegral: number[] = [];
    const before: number[] = [];
    let acc = 0;
    bounds.forEach((b, k) => {
      const g = shapeIntegral(term.shape, b);
      if (k > 0) acc += (weights[k - 1] ?? 0) * (g - (startIntegral[k - 1] ?? 0));
      weights.push(term.weightAt(b));
      startIntegral.push(g);
      before.push(acc);
    });
    return { peak: term.peak, shape: term.shape, weights, startIntegral, before };
  });
  const round = rounder(spec.rounding);
  const value: ValueFn = (t) => {
    const tt = Math.min(Math.max(t, spec.start), spec.end);
    let k = bounds.length - 1;
    while (k > 0 && (bounds[k] ?? 0) > tt) k--;
    let total = spec.offset;
    for (const term of terms) {
      const w = term.weights[k] ?? 0;
      const inSegment = w === 0 ? 0 : w * (shapeIntegral(term.shape, tt) - (term.startIntegral[k] ?? 0));
      total += term.peak * ((term.before[k] ?? 0) + inSegment);
    }
    return round(total);
  };
  return { start: spec.start, end: spec.end, spec, value };
}

function rounder(rounding: Rounding): (x: number) => number {
  if (rounding === 'floor') return Math.floor;
  if (rounding === 'milli') return (x) => Math.round(x * 1000) / 1000;
  return (x) => x;
}

/**
 * Sum of counters (series with identical labels, or a cumulative bucket made of its parts). Each
 * part is rounded on its own, so a sum of differences equals the difference of sums exactly.
 */
export function sumCounters(parts: readonly Counter[]): Counter {
  const [first, ...rest] = parts;
  if (!first) throw new Error('sumCounters needs at least one counter');
  if (rest.length === 0) return first;
  return {
    start: Math.min(...parts.map((p) => p.start)),
    end: Math.max(...parts.map((p) => p.end)),
    value: (t) => parts.reduce((sum, p) => sum + p.value(t), 0),
  };
}

// The backtest's time grid: every series is a value per evaluation time start + i x step, as the
// rules would see it once a minute. Pure.

export interface Grid {
  /** Unix seconds of the first evaluation. */
  start: number;
  /** Seconds between evaluations. */
  step: number;
  /** Number of evaluations. */
  length: number;
}

/** Evaluations from the first multiple of `step` at or after `from` to the last at or before `to`. */
export function makeGrid(from: number, to: number, step: number): Grid {
  const start = Math.ceil(from / step) * step;
  const end = Math.floor(to / step) * step;
  return { start, step, length: end >= start ? (end - start) / step + 1 : 0 };
}

export const gridTime = (grid: Grid, i: number) => grid.start + i * grid.step;

/**
 * Events in (a, b] for grid indexes a < b from a window's counts (each value = events in the window of
 * `windowSteps` evaluations ending there): whole windows walking back from b, then the share of one
 * window for the remainder. Exact when b - a is a multiple of the window; missing values count 0. Only
 * for recorded series: per-step counts (steps.ts) give every sum exactly.
 */
export function sumBetween(counts: ReadonlyArray<number | null>, windowSteps: number, a: number, b: number): number {
  let sum = 0;
  let i = b;
  while (i - windowSteps >= a) {
    sum += counts[i] ?? 0;
    i -= windowSteps;
  }
  const rest = i - a;
  if (rest > 0) sum += ((counts[i] ?? 0) * rest) / windowSteps;
  return sum;
}

/** Contiguous runs of true as [first, last] index pairs. */
export function runs(flags: ReadonlyArray<boolean>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let begin = -1;
  flags.forEach((on, i) => {
    if (on && begin < 0) begin = i;
    if (!on && begin >= 0) {
      out.push([begin, i - 1]);
      begin = -1;
    }
  });
  if (begin >= 0) out.push([begin, flags.length - 1]);
  return out;
}

/** At most `maxPoints` values: each bucket keeps its highest number (peaks stay visible) or any true. */
export function downsample<T extends number | null | boolean>(values: ReadonlyArray<T>, factor: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += factor) {
    let best = values[i] as T;
    for (let k = i + 1; k < Math.min(i + factor, values.length); k++) {
      const v = values[k] as T;
      if (typeof v === 'boolean') best = (best || v) as T;
      else if (v !== null && (best === null || (v as number) > (best as number))) best = v;
    }
    out.push(best);
  }
  return out;
}

import { parseLe } from './queries';

// Latency thresholds must be histogram bucket boundaries present in the data (DESIGN.md, "SLO math"):
// between boundaries Prometheus can only interpolate, and an SLI must count, not estimate. Pure.

/** Finite `le` boundaries, ascending and distinct, from label values as Prometheus returns them. */
export function bucketBoundaries(leValues: readonly string[]): number[] {
  const values = leValues.map(parseLe).filter((v): v is number => v !== undefined && Number.isFinite(v));
  return [...new Set(values)].sort((a, b) => a - b);
}

export type ThresholdCheck = { ok: true } | { ok: false; message: string; nearest: number[] };

/** The boundaries just below and just above `thresholdMs` (one of them at the ends). */
export function nearestBoundaries(thresholdMs: number, boundaries: readonly number[]): number[] {
  const below = boundaries.filter((b) => b < thresholdMs).at(-1);
  const above = boundaries.find((b) => b > thresholdMs);
  return [below, above].filter((b): b is number => b !== undefined);
}

/** Accepts a threshold that is one of `boundaries`; otherwise says which ones are nearest. */
export function checkThreshold(thresholdMs: number, boundaries: readonly number[]): ThresholdCheck {
  if (boundaries.includes(thresholdMs)) return { ok: true };
  if (boundaries.length === 0) {
    return { ok: false, message: 'no latency histogram buckets found for this service', nearest: [] };
  }
  const nearest = nearestBoundaries(thresholdMs, boundaries);
  return {
    ok: false,
    message: `${thresholdMs} ms is not a histogram bucket boundary in the data; nearest: ${nearest.map((b) => `${b} ms`).join(' or ')}`,
    nearest,
  };
}

// Log-normal latencies: F(le) from the normal CDF, so bucket counts are exact integrals too.

export interface LogNormal {
  mu: number; // ln of the median, ms
  sigma: number;
}

/**
 * Bucket boundaries (ms) of istio_request_duration_milliseconds / response_latency_ms in the demo:
 * Istio's defaults from 5 ms to 2.5 s (the slowest service's p99.9 is about 1.5 s); every
 * boundary costs a series per edge in the backfill, so the 5 s+ ones are left out.
 */
export const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500] as const;

/** Istio's default pilot_proxy_convergence_time buckets (seconds). */
export const CONVERGENCE_BUCKETS_S = [0.1, 0.5, 1, 3, 5, 10, 20, 30] as const;

export function logNormal(medianMs: number, sigma: number): LogNormal {
  return { mu: Math.log(medianMs), sigma };
}

/** erf via Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): plenty for bucket shares. */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-ax * ax));
}

export function normalCdf(z: number): number {
  return Math.min(1, Math.max(0, 0.5 * (1 + erf(z / Math.SQRT2))));
}

/** P(latency <= le). */
export function cdf(dist: LogNormal, le: number): number {
  if (le === Number.POSITIVE_INFINITY) return 1;
  if (le <= 0) return 0;
  return normalCdf((Math.log(le) - dist.mu) / dist.sigma);
}

export function mean(dist: LogNormal): number {
  return Math.exp(dist.mu + (dist.sigma * dist.sigma) / 2);
}

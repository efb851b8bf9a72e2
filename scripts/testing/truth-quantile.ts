// The independent reference for latency quantiles in tests: histogram_quantile's documented rule
// (linear interpolation inside the bucket holding the rank) applied to the simulator's true counts.

export function interpolatedQuantile(q: number, buckets: ReadonlyArray<{ le: number; count: number }>): number | null {
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return null;
  const rank = q * total;
  let lowerLe = 0;
  let lowerCount = 0;
  for (const { le, count } of buckets) {
    if (count >= rank) {
      if (le === Infinity) return lowerLe; // Prometheus answers the highest finite bound
      return lowerLe + (le - lowerLe) * ((rank - lowerCount) / (count - lowerCount));
    }
    lowerLe = le;
    lowerCount = count;
  }
  return null;
}

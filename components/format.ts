// Number formatting for dashboards. Pure, so it is unit-tested and shared. Health verdicts are not
// made here: they come from the API (lib/health).

const fmt = (digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const FORMATS = { 0: fmt(0), 1: fmt(1), 2: fmt(2) };

/** Requests per second: more digits for small rates so 0.05 req/s does not read as 0. */
export function formatRps(rps: number): string {
  if (rps === 0) return '0';
  if (rps < 0.01) return '< 0.01';
  return (rps < 10 ? FORMATS[2] : rps < 100 ? FORMATS[1] : FORMATS[0]).format(rps);
}

/**
 * Success ratio as a percentage with two decimals, rounded down: 99.996% shows as 99.99%, never as
 * 100.00% while errors happen. The tiny epsilon absorbs float noise such as 0.9999 * 10000 = 9998.99...
 */
export function formatPercent(ratio: number): string {
  return (Math.floor(ratio * 10_000 + 1e-6) / 100).toFixed(2);
}

/** Milliseconds: one decimal under 10 ms, whole numbers above. */
export function formatMs(ms: number): string {
  return (ms < 10 ? FORMATS[1] : FORMATS[0]).format(ms);
}

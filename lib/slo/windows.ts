import { durationToPromql, parsePromDuration } from '@/lib/promql';

// Window arithmetic shared by the spec, the policy and the evaluation. Pure.

/**
 * Windows every status reports: the long and short windows of the SRE Workbook's multiwindow,
 * multi-burn-rate alerts (ch. 5, table 5-8: 1h/5m, 6h/30m, 3d/6h, plus its 1d/2h ticket pair).
 */
export const STATUS_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;

/**
 * The window whose burn rate drives time to exhaustion: the page pair's long window, recent enough to
 * be "the current burn" yet long enough that one noisy 5-minute interval does not swing it.
 */
export const EXHAUSTION_WINDOW = '1h';

/** Seconds of a normalised window such as `30d`; throws RangeError on anything else. */
export function windowSeconds(window: string): number {
  return parsePromDuration(window);
}

/** The canonical spelling of a duration (`4w` -> `28d`, `90m` -> `1h30m`), so windows compare as strings. */
export function normalizeWindow(window: string): string {
  return durationToPromql(parsePromDuration(window));
}

/** Distinct windows, shortest first. */
export function sortWindows(windows: Iterable<string>): string[] {
  return [...new Set(windows)].sort((a, b) => windowSeconds(a) - windowSeconds(b));
}

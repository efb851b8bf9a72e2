/** Evaluation times are rounded to this many seconds so that nearby requests share a cache entry. */
export const TIME_STEP_SECONDS = 10;

/** Floors unix seconds to the step (`1700000007` -> `1700000000`). */
export function roundUnixSeconds(seconds: number, step = TIME_STEP_SECONDS): number {
  return Math.floor(seconds / step) * step;
}

/** The browser's now as rounded unix seconds. */
export function nowUnixSeconds(nowMs: number = Date.now()): number {
  return roundUnixSeconds(nowMs / 1000);
}

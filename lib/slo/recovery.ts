import { factor, humanDuration } from './format';
import { EXHAUSTION_WINDOW } from './windows';

// When an exhausted error budget is positive again, and what to do meanwhile. Pure and without zod: the
// SLO detail page uses it in the browser.

export const EXHAUSTED_POLICY = 'Error-budget policy: hold risky releases (features, migrations, risky config changes) and put the effort into reliability until the budget is positive again.';

/**
 * Seconds until an exhausted budget is positive again if the current burn holds, counting the errors
 * that leave the rolling window as it moves on. `points` is the burn-down over the window (remaining
 * after the errors up to each time, 1 at the window's start, evenly spaced); `burn` the current burn
 * rate. After s seconds the window holds the errors after `points[0].time + s` plus burn x s / period
 * of new spending. Null when the burn is 1x or more (a rolling window then never earns budget back),
 * 0 when the budget is not exhausted. Assumes steady traffic, as the curve does.
 */
export function recoverySeconds(points: ReadonlyArray<{ time: number; remaining: number | null }>, burn: number | null, periodSeconds: number): number | null {
  const start = points[0];
  const last = points.at(-1);
  if (!start || !last || last.remaining === null) return null;
  if (last.remaining > 0) return 0;
  const rate = burn === null || !Number.isFinite(burn) ? 0 : burn;
  if (rate >= 1) return null;
  for (const p of points) {
    if (p.remaining === null) continue;
    const s = p.time - start.time;
    const stillInWindow = p.remaining - last.remaining;
    if (stillInWindow + (rate * s) / periodSeconds < 1) return s;
  }
  return periodSeconds;
}

/** What to do about an exhausted budget and when it recovers, for the detail page. */
export function exhaustedAdvice(window: string, recovery: number | null, burn: number | null): string {
  const current = `the current ${EXHAUSTION_WINDOW} burn rate (${burn === null ? 'no traffic' : factor(burn)})`;
  const when =
    recovery === null
      ? `At ${current} it does not recover: the rolling ${window} window drops old errors no faster than new ones come in. Bring the burn below 1x first.`
      : `At ${current}, as old errors leave the rolling ${window} window, it is positive again in about ${humanDuration(recovery)}.`;
  return `${EXHAUSTED_POLICY} ${when}`;
}

import { z } from 'zod';
import { factor, humanDuration } from './format';
import { EXHAUSTION_WINDOW } from './windows';

// One SLO's state in a word, shared by the status API, the SLO pages and the health verdict. Pure.

/**
 * `exhausted`: the budget of the SLO window is spent (remaining <= 0), a state of its own whatever the
 * alerts say, because the error-budget policy then applies. A firing page outranks it (someone must
 * act now); it outranks a ticket and low traffic.
 */
export const sloStateSchema = z.enum(['page', 'exhausted', 'ticket', 'low_traffic', 'ok']);
export type SloState = z.infer<typeof sloStateSchema>;

export interface StateInput {
  recommendation: { action: 'none' | 'ticket' | 'page' };
  errorBudget: { remaining: number | null };
  traffic: { lowTraffic: boolean };
}

export function sloState({ recommendation, errorBudget, traffic }: StateInput): SloState {
  if (recommendation.action === 'page') return 'page';
  if (errorBudget.remaining !== null && errorBudget.remaining <= 0) return 'exhausted';
  if (recommendation.action === 'ticket') return 'ticket';
  return traffic.lowTraffic ? 'low_traffic' : 'ok';
}

/** The error-budget policy's first rule (SRE Workbook, "Example Error Budget Policy"), in words. */
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

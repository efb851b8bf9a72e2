// The verdict of observed traffic alone: the error ratio over the window against the thresholds.
import { percentText, thresholdText } from './format';
import type { Health } from './schema';
import type { HealthThresholds } from './thresholds';

export interface TrafficInput {
  /** Failed / all requests over the window; null without requests. */
  errorRatio: number | null;
  /** Requests per second over the window; null when unknown. */
  rps: number | null;
  /** The window's length, to count its requests for the low-traffic caveat. */
  windowSeconds: number;
}

export const NO_TRAFFIC = 'no traffic in the window';

/**
 * Fewer requests than this and one failure alone crosses the warning threshold (1 / warning: 100 at
 * 1 %): failures still decide (warning, failing), with how few requests they rest on; a clean
 * window that small is idle (too few to judge), never ok.
 */
export function lowTrafficRequests(t: HealthThresholds): number {
  return Math.ceil(1 / t.warning);
}

export function ratioHealth({ errorRatio, rps, windowSeconds }: TrafficInput, t: HealthThresholds): Health {
  if (errorRatio === null || !Number.isFinite(errorRatio) || rps === 0) return { level: 'idle', reason: NO_TRAFFIC };
  const requests = rps === null ? null : rps * windowSeconds;
  const low = requests !== null && requests < lowTrafficRequests(t);
  const caveat = low
    ? `; low traffic: ${Math.round(requests)} request${Math.round(requests) === 1 ? '' : 's'} in the window, one failure moves the ratio by ${percentText(1 / Math.max(requests, 1))}`
    : '';
  const fail = `${percentText(errorRatio)} of requests fail`;
  if (errorRatio >= t.failing) return { level: 'failing', reason: `${fail} (failing at ${thresholdText(t.failing)} or more)${caveat}` };
  if (errorRatio >= t.warning) return { level: 'warning', reason: `${fail} (warning at ${thresholdText(t.warning)} or more)${caveat}` };
  // Failures seen are real, but "no failure in 12 requests" is not evidence of health: too few to judge.
  if (low) return { level: 'idle', reason: `too few requests to judge: ${fail}${caveat}` };
  return { level: 'ok', reason: `${fail} (under the ${thresholdText(t.warning)} warning threshold)` };
}

/** TCP carries no request outcomes: traffic is all there is to say. */
export function tcpHealth(connectionsPerSecond: number | null): Health {
  return connectionsPerSecond !== null && connectionsPerSecond > 0
    ? { level: 'ok', reason: 'TCP connections: no request outcomes to judge' }
    : { level: 'idle', reason: NO_TRAFFIC };
}

// Health of a node or edge from its error ratio; shared by the chart, the table and the side panel.

export type Health = 'ok' | 'warn' | 'bad' | 'idle';

/** >= 5% of requests failing is an outage-level problem for a request path (Kiali's default "failure"). */
export const ERROR_BAD = 0.05;
/** >= 1% failing: degraded, well past any 99.9% objective (Kiali's default "degraded"). */
export const ERROR_WARN = 0.01;

export const HEALTH_LABELS: Record<Health, string> = { ok: 'Healthy', warn: 'Degraded', bad: 'Failing', idle: 'No traffic' };

export function healthOf(errorRatio: number | null): Health {
  if (errorRatio === null) return 'idle';
  if (errorRatio >= ERROR_BAD) return 'bad';
  if (errorRatio >= ERROR_WARN) return 'warn';
  return 'ok';
}

// One verdict from everything known about a service: its SLOs (when it has any) and the error ratio
// observed over the window. The worse wins, so a service failing 28 % of its requests is never green
// because its SLO's long windows have not caught up, and a paging SLO is never hidden by a quiet window.
import { ratioHealth, type TrafficInput } from './ratio';
import { HEALTH_RANK } from './levels';
import type { Health } from './schema';
import { sloHealth, type SloStatusInput } from './slo';
import { DEFAULT_HEALTH_THRESHOLDS, type HealthThresholds } from './thresholds';

export interface HealthInput extends TrafficInput {
  /** Statuses of the service's SLOs at the same instant; empty or absent without SLOs. */
  slos?: readonly SloStatusInput[];
}

/**
 * The worst of several verdicts (a team's SLOs, say), naming every one at that level; `empty` when
 * there are none. An ok verdict outranks an idle one (too little traffic to judge).
 */
export function worstHealth(healths: readonly Health[], empty: Health): Health {
  if (healths.length === 0) return empty;
  const worst = healths.reduce((a, b) => (HEALTH_RANK[b.level] > HEALTH_RANK[a.level] ? b : a));
  return { level: worst.level, reason: healths.filter((h) => h.level === worst.level).map((h) => h.reason).join('; ') };
}

export function healthVerdict(input: HealthInput, thresholds: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): Health {
  const ratio = ratioHealth(input, thresholds);
  const slos = [...(input.slos ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(sloHealth);
  // Only a warning or failing SLO raises the verdict; an ok SLO does not turn an idle window into "ok".
  const raised = slos.filter((s) => HEALTH_RANK[s.level] >= HEALTH_RANK.warning);
  const worst = [ratio, ...raised].reduce((a, b) => (HEALTH_RANK[b.level] > HEALTH_RANK[a.level] ? b : a));
  if (worst !== ratio || HEALTH_RANK[ratio.level] >= HEALTH_RANK.warning) {
    const reasons = [ratio, ...raised].filter((h) => h.level === worst.level).map((h) => h.reason);
    return { level: worst.level, reason: reasons.join('; ') };
  }
  return { level: ratio.level, reason: [ratio.reason, ...slos.map((s) => s.reason)].join('; ') };
}

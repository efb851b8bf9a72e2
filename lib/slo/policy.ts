import { budgetFraction, tidy } from './math';
import type { AlertPairSpec, SloSpec } from './spec';
import { durationToPromql, parsePromDuration } from '@/lib/promql';
import { windowSeconds } from './windows';

// Alert policies: which (long, short) window pairs alert at which burn rate. Pure.

export type Severity = 'page' | 'ticket';

/** One multiwindow alert, resolved against an SLO's window and objective. */
export interface AlertPair {
  severity: Severity;
  longWindow: string;
  shortWindow: string;
  /** Burn-rate factor both windows must exceed. */
  threshold: number;
  /** Share of the whole budget spent within the long window at exactly `threshold` (0.02 = 2%). */
  budgetShare: number;
  /** Prometheus `for:` of the generated alert rule. */
  for: string;
}

/**
 * Google SRE Workbook, ch. 5 "Alerting on SLOs", table 5-8 (page 2% in 1h, page 5% in 6h, ticket 10%
 * in 3d) plus the chapter's 1d/2h ticket pair at 10%; short windows are long / 12 as it recommends.
 * Written as budget shares so that any SLO window scales the factors (30d: 14.4, 6, 3, 1).
 */
export const DEFAULT_POLICY: ReadonlyArray<{ severity: Severity; longWindow: string; shortWindow: string; budgetShare: number }> = [
  { severity: 'page', longWindow: '1h', shortWindow: '5m', budgetShare: 0.02 },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', budgetShare: 0.05 },
  { severity: 'ticket', longWindow: '1d', shortWindow: '2h', budgetShare: 0.1 },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', budgetShare: 0.1 },
];

/** The workbook's ratio of long to short window. */
const SHORT_WINDOW_DIVISOR = 12;
/** Pyrra (slo/rules.go `Windows()`) waits half the short window before firing: 5m -> 2m30s. */
const FOR_SHARE_OF_SHORT = 0.5;
/** Factor = budget share x SLO period / long window (2% of 30d in 1h gives 14.4). */
export function burnFactor(budgetShare: number, periodSeconds: number, longSeconds: number): number {
  return tidy((budgetShare * periodSeconds) / longSeconds);
}

function defaultFor(shortWindow: string): string {
  return durationToPromql(Math.max(60, Math.round(parsePromDuration(shortWindow) * FOR_SHARE_OF_SHORT)));
}

function resolvePair(pair: AlertPairSpec, period: number): AlertPair {
  const long = windowSeconds(pair.longWindow);
  const shortWindow = pair.shortWindow ?? durationToPromql(Math.max(60, Math.round(long / SHORT_WINDOW_DIVISOR / 60) * 60));
  const threshold = pair.threshold ?? burnFactor((pair.budgetPercent ?? 0) / 100, period, long);
  return {
    severity: pair.severity,
    longWindow: pair.longWindow,
    shortWindow,
    threshold,
    budgetShare: tidy((threshold * long) / period),
    for: pair.for ?? defaultFor(shortWindow),
  };
}

/**
 * The SLO's own policy, or the default one scaled to its window. Default pairs whose long window
 * is longer than the SLO window (a 3d pair on a 1d SLO) are left out: they would outlast the budget.
 */
export function resolvePolicy(spec: Pick<SloSpec, 'window' | 'policy'>): AlertPair[] {
  const period = windowSeconds(spec.window);
  const pairs: AlertPairSpec[] =
    spec.policy?.alerts ??
    DEFAULT_POLICY.filter((p) => windowSeconds(p.longWindow) <= period).map((p) => ({
      severity: p.severity,
      longWindow: p.longWindow,
      shortWindow: p.shortWindow,
      budgetPercent: p.budgetShare * 100,
    }));
  return pairs.map((p) => resolvePair(p, period));
}

/**
 * A pair can never fire when even 100% errors do not exceed its threshold: the highest burn rate is
 * 1 / (1 - objective), e.g. 10x for 90%, so 14.4x is out of reach. Equality cannot fire either,
 * since the rules compare with a strict `>`.
 */
export function isUnreachable(threshold: number, objectivePercent: number): boolean {
  return threshold * budgetFraction(objectivePercent) >= 1;
}

/**
 * Low traffic: the fewest events in the long window for which one failed request cannot, on its
 * own, push the burn rate over the threshold (1/N <= threshold x budget). Below that a single error
 * pages, and the alert says more about luck than about the service.
 */
export function minEventsForPair(threshold: number, objectivePercent: number): number {
  return Math.ceil(tidy(1 / (threshold * budgetFraction(objectivePercent))));
}

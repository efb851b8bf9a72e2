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
 * Written for the workbook's 30-day SLO window, where these shares give the factors 14.4, 6, 3 and 1;
 * `defaultPairs` fits them to other windows.
 */
export const DEFAULT_POLICY: ReadonlyArray<{ severity: Severity; longWindow: string; shortWindow: string; budgetShare: number }> = [
  { severity: 'page', longWindow: '1h', shortWindow: '5m', budgetShare: 0.02 },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', budgetShare: 0.05 },
  { severity: 'ticket', longWindow: '1d', shortWindow: '2h', budgetShare: 0.1 },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', budgetShare: 0.1 },
];

/** The SLO window the workbook's table is written for. */
export const WORKBOOK_PERIOD_S = 30 * 86_400;
/** The workbook's ratio of long to short window. */
const SHORT_WINDOW_DIVISOR = 12;
/** The shortest short window: one 5m rate survives a missed scrape or two (the schema's lower bound too). */
const MIN_SHORT_S = 300;
/** Pyrra (slo/rules.go `Windows()`) waits half the short window before firing: 5m -> 2m30s. */
const FOR_SHARE_OF_SHORT = 0.5;
const roundMinute = (seconds: number) => Math.max(60, Math.round(seconds / 60) * 60);

/** Factor = budget share x SLO period / long window (2% of 30d in 1h gives 14.4). */
export function burnFactor(budgetShare: number, periodSeconds: number, longSeconds: number): number {
  return tidy((budgetShare * periodSeconds) / longSeconds);
}

function defaultFor(shortWindow: string): string {
  return durationToPromql(Math.max(60, Math.round(parsePromDuration(shortWindow) * FOR_SHARE_OF_SHORT)));
}

/**
 * The default pairs for an SLO window of `period` seconds. Fixed windows would scale the factors
 * with the period (share x period / long), and below 30 days some drop under 1 (7d: 0.23; 28d:
 * 0.93): such a pair alerts on a service that spends its budget slower than it can afford. So below
 * 30 days the windows shrink with the period instead, as Pyrra's `Windows()` does from its 28-day
 * base, and the factors stay the workbook's 14.4 / 6 / 3 / 1; from 30 days on the windows stay and
 * the factors grow (90d: 43.2 / 18 / 9 / 3). Short = long / 12, never under 5m, so the long window
 * never under 1h; a clamped pair keeps its workbook factor, which spends more of a short budget
 * before firing but never fires on a sustainable burn. Two pairs of one severity that land on the
 * same windows (the pages of a 1-day SLO) fire on the same data, so only the more sensitive stays.
 */
export function defaultPairs(period: number): AlertPairSpec[] {
  const scale = Math.min(1, period / WORKBOOK_PERIOD_S);
  const pairs = DEFAULT_POLICY.map((p) => {
    const workbookLong = windowSeconds(p.longWindow);
    const long = Math.max(MIN_SHORT_S * SHORT_WINDOW_DIVISOR, roundMinute(workbookLong * scale));
    const short = Math.max(MIN_SHORT_S, roundMinute(long / SHORT_WINDOW_DIVISOR));
    const threshold = Math.max(burnFactor(p.budgetShare, WORKBOOK_PERIOD_S, workbookLong), burnFactor(p.budgetShare, period, long));
    return { severity: p.severity, longWindow: durationToPromql(long), shortWindow: durationToPromql(short), threshold };
  });
  return pairs.filter(
    (p, i) => !pairs.some((q, j) => j !== i && q.severity === p.severity && q.longWindow === p.longWindow && q.shortWindow === p.shortWindow && (q.threshold < p.threshold || (q.threshold === p.threshold && j < i))),
  );
}

function resolvePair(pair: AlertPairSpec, period: number): AlertPair {
  const long = windowSeconds(pair.longWindow);
  // As the default pairs': long / 12, never under one scrape-robust 5m rate (what an explicit short window may be).
  const shortWindow = pair.shortWindow ?? durationToPromql(Math.max(MIN_SHORT_S, roundMinute(long / SHORT_WINDOW_DIVISOR)));
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

/** The SLO's own policy, or the default one fitted to its window (`defaultPairs`). */
export function resolvePolicy(spec: Pick<SloSpec, 'window' | 'policy'>): AlertPair[] {
  const period = windowSeconds(spec.window);
  return (spec.policy?.alerts ?? defaultPairs(period)).map((p) => resolvePair(p, period));
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

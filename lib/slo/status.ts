import { burnRate, errorBudget, errorRatio, timeToExhaustion } from './math';
import { isUnreachable, minEventsForPair, resolvePolicy, type AlertPair } from './policy';
import { recommend } from './recommend';
import type { SloSpec } from './spec';
import { sloState } from './state';
import type { AlertStatus, SloStatus } from './status-schema';
import { EXHAUSTION_WINDOW, STATUS_WINDOWS, sortWindows, windowSeconds } from './windows';

// Builds the status of one SLO from the increases Prometheus returned for each window. Pure.

/** sum(increase(...)) of bad and of all events over one window; total 0 means no traffic. */
export interface WindowCounts {
  bad: number;
  total: number;
}

export interface PairEvaluation extends AlertStatus {
  pair: AlertPair;
  /** Events in the long window. */
  longEvents: number;
  /** Events the long window needs for the pair to be meaningful; null when it can never fire. */
  minEvents: number | null;
  lowTraffic: boolean;
  unreachable: boolean;
}

/** Every window a status needs: the fixed status windows, the policy's windows and the SLO window. */
export function statusWindows(spec: Pick<SloSpec, 'window' | 'policy'>): string[] {
  const pairs = resolvePolicy(spec);
  return sortWindows([...STATUS_WINDOWS, ...pairs.flatMap((p) => [p.longWindow, p.shortWindow]), spec.window]);
}

const NO_TRAFFIC: WindowCounts = { bad: 0, total: 0 };

function burnRatesOf(spec: SloSpec, windows: string[], counts: Readonly<Record<string, WindowCounts>>) {
  const rates: Record<string, number | null> = {};
  for (const w of windows) {
    const c = counts[w] ?? NO_TRAFFIC;
    rates[w] = burnRate(errorRatio(c.bad, c.total), spec.objective);
  }
  return rates;
}

export function evaluatePairs(
  spec: SloSpec,
  burnRates: Readonly<Record<string, number | null>>,
  counts: Readonly<Record<string, WindowCounts>>,
): PairEvaluation[] {
  return resolvePolicy(spec).map((pair) => {
    const longBurnRate = burnRates[pair.longWindow] ?? null;
    const shortBurnRate = burnRates[pair.shortWindow] ?? null;
    const unreachable = isUnreachable(pair.threshold, spec.objective);
    const minEvents = unreachable ? null : minEventsForPair(pair.threshold, spec.objective);
    const longEvents = counts[pair.longWindow]?.total ?? 0;
    return {
      severity: pair.severity,
      longWindow: pair.longWindow,
      shortWindow: pair.shortWindow,
      threshold: pair.threshold,
      longBurnRate,
      shortBurnRate,
      firing: longBurnRate !== null && shortBurnRate !== null && longBurnRate > pair.threshold && shortBurnRate > pair.threshold,
      pair,
      longEvents,
      minEvents,
      lowTraffic: minEvents !== null && longEvents < minEvents,
      unreachable,
    };
  });
}

/** The DESIGN.md Status of `spec` at `time` (unix seconds) from per-window counts. */
export function buildStatus(spec: SloSpec, counts: Readonly<Record<string, WindowCounts>>, time: number): SloStatus {
  const windows = statusWindows(spec);
  const burnRates = burnRatesOf(spec, windows, counts);
  const slo = counts[spec.window] ?? NO_TRAFFIC;
  const ratio = errorRatio(slo.bad, slo.total);
  const budget = errorBudget(burnRates[spec.window] ?? null);
  const period = windowSeconds(spec.window);
  const currentBurn = burnRates[EXHAUSTION_WINDOW] ?? null;
  const tte = timeToExhaustion(budget.remaining, currentBurn, period);
  const pairs = evaluatePairs(spec, burnRates, counts);
  const events = Number.isFinite(slo.total) ? Math.max(0, Math.round(slo.total)) : 0;
  const traffic = { events, lowTraffic: pairs.some((p) => p.lowTraffic) };
  const recommendation = recommend({ spec, pairs, budget, currentBurn, timeToExhaustion: tte, events });
  return {
    name: spec.name,
    evaluatedAt: new Date(time * 1000).toISOString(),
    sli: ratio === null ? null : 1 - ratio,
    errorBudget: budget,
    burnRates,
    alerts: pairs.map(({ severity, longWindow, shortWindow, threshold, longBurnRate, shortBurnRate, firing }) => ({
      severity,
      longWindow,
      shortWindow,
      threshold,
      longBurnRate,
      shortBurnRate,
      firing,
    })),
    timeToExhaustionSeconds: tte,
    traffic,
    recommendation,
    state: sloState({ sli: ratio === null ? null : 1 - ratio, recommendation, errorBudget: budget, traffic }),
  };
}

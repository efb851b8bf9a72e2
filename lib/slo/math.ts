// The SLO arithmetic of DESIGN.md ("SLO math"): numbers in, numbers out. `null` means "no traffic"
// (or no usable data) and is never replaced by 0 or NaN.

/** Constants are rounded to 12 significant digits so 0.1 x 30 reads 3, not 3.0000000000000004. */
const TIDY_DIGITS = 12;

export function tidy(value: number): number {
  return Number(value.toPrecision(TIDY_DIGITS));
}

/** Error budget as a fraction of events: 99.9 -> 0.001. */
export function budgetFraction(objectivePercent: number): number {
  return tidy((100 - objectivePercent) / 100);
}

/**
 * Error ratio of a window from its summed increases: sum(increase(bad)) / sum(increase(total)), the
 * numerator and denominator summed separately (never an average of ratios). Counter resets are
 * already handled by increase(). Null without traffic or with unusable (NaN, infinite, negative) input.
 */
export function errorRatio(bad: number, total: number): number | null {
  if (!Number.isFinite(bad) || !Number.isFinite(total) || total <= 0 || bad < 0) return null;
  return bad / total;
}

/** Burn rate = error ratio / (1 - objective): 1 spends exactly the budget over the SLO window. */
export function burnRate(ratio: number | null, objectivePercent: number): number | null {
  if (ratio === null || !Number.isFinite(ratio)) return null;
  return ratio / budgetFraction(objectivePercent);
}

export interface ErrorBudget {
  /** Fraction of the whole budget spent over the SLO window (the window's burn rate); may exceed 1. */
  consumed: number | null;
  /** 1 - consumed; negative once the budget is overspent. */
  remaining: number | null;
}

/** Budget consumed over the SLO window = burn rate over that window. */
export function errorBudget(windowBurnRate: number | null): ErrorBudget {
  if (windowBurnRate === null) return { consumed: null, remaining: null };
  return { consumed: windowBurnRate, remaining: 1 - windowBurnRate };
}

/** Seconds the rest of the budget lasts at `burn`; each unit of burn spends the budget once per period. */
export function secondsToSpend(budgetShare: number, burn: number, periodSeconds: number): number {
  return (budgetShare * periodSeconds) / burn;
}

/**
 * Seconds until the remaining budget is gone if the current burn rate holds: 0 once it is gone, null
 * when not burning. "Burning" means a burn rate above 1: at or below 1 a rolling window earns budget
 * back at least as fast as it spends it, so it never runs out. Linear: errors leaving the rolling
 * window are not credited back, so it is the pessimistic estimate.
 */
export function timeToExhaustion(remaining: number | null, currentBurn: number | null, periodSeconds: number): number | null {
  if (remaining === null) return null;
  if (remaining <= 0) return 0;
  if (currentBurn === null || !(currentBurn > 1)) return null;
  return Math.round(secondsToSpend(remaining, currentBurn, periodSeconds));
}

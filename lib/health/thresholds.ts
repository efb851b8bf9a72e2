// Error-ratio thresholds of the verdict, and their one setting (MESHWATCH_HEALTH_THRESHOLDS, read by lib/env).
//
// Not Kiali's defaults: Kiali (kiali/kiali config/config.go, AddHealthDefault) marks an HTTP service
// degraded at any 5xx (degraded 0, checked as "ratio > 0") and failing at 10 %. "Degraded on one
// error" would colour every real service yellow, and 10 % is far past the point an SLO product should
// call failing. Ours follow from the usual 99.9 % objective instead:
// - warning at 1 %: ten times that objective's budget (a 10x burn, past the 6x page of the SRE Workbook
//   policy in DESIGN.md), yet loose enough that a 99 % service does not cry wolf;
// - failing at 5 %: a 50x burn, which spends a 30-day 99.9 % budget in about 14 hours.
// Services with their own SLOs are judged by them as well (verdict.ts), whatever these numbers are.

export interface HealthThresholds {
  /** Error ratio (0..1) at or above which a service is `warning`. */
  warning: number;
  /** Error ratio (0..1) at or above which a service is `failing`. */
  failing: number;
}

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = { warning: 0.01, failing: 0.05 };

/**
 * `MESHWATCH_HEALTH_THRESHOLDS`: "warning,failing" in percent of requests failing, e.g. `1,5` (the
 * default) or `0.5,2`. Returns a problem description instead of throwing, as lib/env's parsers do.
 */
export function parseHealthThresholds(text: string | undefined): HealthThresholds | string {
  if (text === undefined) return DEFAULT_HEALTH_THRESHOLDS;
  const parts = text.split(',').map((p) => p.trim().replace(/\s*%$/, ''));
  const numbers = parts.map((p) => (/^\d+(\.\d+)?$/.test(p) ? Number(p) : Number.NaN));
  const [warning, failing] = numbers;
  if (numbers.length !== 2 || warning === undefined || failing === undefined || numbers.some(Number.isNaN)) {
    return 'must be two percentages, warning then failing, e.g. 1,5';
  }
  if (!(warning > 0 && warning < failing && failing <= 100)) return 'needs 0 < warning < failing <= 100 (percent), e.g. 1,5';
  return { warning: warning / 100, failing: failing / 100 };
}

import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { MAX_BACKTEST_SECONDS } from '@/lib/slo/backtest/schema';
import { parseSpec } from './http';
import type { SloSpec } from '@/lib/slo/spec';
import { windowSeconds } from '@/lib/slo/windows';

// Request parsing shared by the two backtest routes, so each handler stays a few lines.

function fieldError(field: string, message: string): ApiError {
  return new ApiError(422, 'validation_failed', `Invalid request: ${field}: ${message}`, { fieldErrors: { [field]: [message] }, formErrors: [] });
}

/**
 * [from, to] in unix seconds: `to` defaults to now, `from` to the SLO window before it (at most 35
 * days, the longest range a backtest reads); 422 when from >= to or the range is longer.
 */
export function backtestRange(spec: Pick<SloSpec, 'window'>, from: number | undefined, to: number | undefined, now = Date.now() / 1000): { from: number; to: number } {
  const end = Math.floor(to ?? now);
  const start = Math.floor(from ?? end - Math.min(windowSeconds(spec.window), MAX_BACKTEST_SECONDS));
  if (start >= end) throw fieldError('from', 'must be before to');
  if (end - start > MAX_BACKTEST_SECONDS) throw fieldError('from', `the range must be at most ${MAX_BACKTEST_SECONDS / 86_400} days`);
  return { from: start, to: end };
}

/**
 * The spec with a candidate policy in place of its own, validated against its window like a saved
 * one (422 with `policy.alerts.<i>.<field>` errors). `policy` is JSON text from the query string or
 * an already parsed body field.
 */
export function withPolicy(spec: SloSpec, policy: unknown): SloSpec {
  if (policy === undefined) return spec;
  let parsed: unknown = policy;
  if (typeof policy === 'string') {
    try {
      parsed = JSON.parse(policy) as unknown;
    } catch {
      throw fieldError('policy', 'must be JSON such as {"alerts":[{"severity":"page","longWindow":"1h","budgetPercent":2}]}');
    }
  }
  return parseSpec({ ...spec, policy: parsed }, spec.name);
}

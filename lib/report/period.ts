// The report's period: a calendar month in UTC (`?month=YYYY-MM`, by default the last complete one)
// or any [from, to] in unix seconds, and the period before it that the report compares against.
// Pure: `now` is a parameter, so month boundaries are tested without a clock.
import { MAX_BACKTEST_SECONDS } from '@/lib/slo/backtest/schema';

export interface Period {
  /** Unix seconds, inclusive. */
  from: number;
  /** Unix seconds, exclusive (the next month's first second for a month). */
  to: number;
  /** `YYYY-MM` when the period is a calendar month. */
  month: string | null;
}

export interface ReportPeriods {
  period: Period;
  /** Same length immediately before; for a month, the previous calendar month (28 to 31 days). */
  previous: Period;
}

/** A problem with one query parameter, for a 422 naming the field. */
export class PeriodError extends Error {
  constructor(
    readonly field: 'month' | 'from' | 'to',
    message: string,
  ) {
    super(message);
  }
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const monthStart = (year: number, monthIndex: number) => Date.UTC(year, monthIndex, 1) / 1000;
const monthName = (year: number, monthIndex: number) => new Date(monthStart(year, monthIndex) * 1000).toISOString().slice(0, 7);

/** The calendar month `YYYY-MM` in UTC; Date.UTC rolls month 12 over into the next year. */
export function monthPeriod(text: string): Period {
  const match = MONTH.exec(text);
  if (!match) throw new PeriodError('month', 'must be a month such as 2026-09 (YYYY-MM)');
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return { from: monthStart(year, index), to: monthStart(year, index + 1), month: text };
}

/** The last month that has ended by `now` (unix seconds), in UTC. */
export function lastCompleteMonth(now: number): Period {
  const d = new Date(now * 1000);
  return monthPeriod(monthName(d.getUTCFullYear(), d.getUTCMonth() - 1));
}

function previousOf(period: Period): Period {
  if (period.month !== null) {
    const d = new Date(period.from * 1000);
    return monthPeriod(monthName(d.getUTCFullYear(), d.getUTCMonth() - 1));
  }
  const length = period.to - period.from;
  return { from: period.from - length, to: period.from, month: null };
}

export interface PeriodQuery {
  month?: string;
  from?: number;
  to?: number;
}

/**
 * The periods a query asks for: `month`, or `from` and `to` (both), or the last complete month
 * before `now`. A period must have started by `now`, and last at most 35 days: its incidents come
 * from a backtest, which reads at most that much history at once (MAX_BACKTEST_SECONDS).
 */
export function resolvePeriods(query: PeriodQuery, now: number): ReportPeriods {
  const { month, from, to } = query;
  if (month !== undefined && (from !== undefined || to !== undefined)) throw new PeriodError('month', 'give either month or from and to, not both');
  if ((from === undefined) !== (to === undefined)) throw new PeriodError(from === undefined ? 'from' : 'to', 'from and to go together');
  let period: Period;
  if (month !== undefined) period = monthPeriod(month);
  else if (from !== undefined && to !== undefined) period = { from: Math.floor(from), to: Math.floor(to), month: null };
  else period = lastCompleteMonth(now);
  if (period.from >= period.to) throw new PeriodError('from', 'must be before to');
  if (period.to - period.from > MAX_BACKTEST_SECONDS) throw new PeriodError('to', `the period must be at most ${MAX_BACKTEST_SECONDS / 86_400} days`);
  if (period.from >= now) throw new PeriodError(month !== undefined ? 'month' : 'from', 'the period has not started yet');
  // A period still running is read up to now (the month so far); the previous one stays whole.
  return { period: { ...period, to: Math.min(period.to, Math.floor(now)) }, previous: previousOf(period) };
}

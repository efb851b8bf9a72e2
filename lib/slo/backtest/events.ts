import { budgetShareBetween, type BudgetContext } from './alerts';
import { gridTime } from './grid';
import { budgetFraction } from '../math';
import type { BacktestSummary, Episode, SignificantEvent } from './schema';

// Significant budget-consuming events and the SRE Workbook's scoring of a policy against them
// (ch. 5 "Alerting on SLOs": precision, recall, detection time, reset time). Pure.

/** Burn above 1 spends the budget faster than the SLO window earns it: that is "consuming" budget. */
export const EVENT_BURN = 1;
/**
 * An event that spends this share of the whole budget within SIGNIFICANCE_WINDOW is significant by
 * definition: it is what the Workbook's fast page pair (2% in 1h, 14.4x for 30d) exists for, so a
 * policy is scored on paging on it, and no advice may stop paging on one (issue 11).
 */
export const SIGNIFICANT_BUDGET_SHARE = 0.02;
export const SIGNIFICANCE_WINDOW = '1h';
/** Event boundaries are read from the 5m window, the shortest a 1-minute scrape makes robust. */
export const EVENT_WINDOW = '5m';
export const WEEK_SECONDS = 7 * 86_400;

export interface EventOptions {
  /** Bad and all events of the event window (5m) ending at each evaluation. */
  bad: ReadonlyArray<number | null>;
  total: ReadonlyArray<number | null>;
  /** Evaluations per event window. */
  windowSteps: number;
  /** Bad events of SIGNIFICANCE_WINDOW (1h) ending at each evaluation. */
  hourBad: ReadonlyArray<number | null>;
  ctx: BudgetContext;
  significantShare?: number;
}

type Span = Pick<SignificantEvent, 'start' | 'end' | 'budgetConsumed'>;

/**
 * Significant events. Their boundaries come from CUSUM (Page, 1954), which ignores the scatter of a
 * few errors per minute that makes a 5m burn rate jump above 1 all day on a small service: S
 * accumulates the errors beyond what EVENT_BURN allows, S = max(0, S + bad - EVENT_BURN x budget x
 * total), one window's counts spread evenly over its steps. A climb of S from 0 is an event when, at
 * some evaluation during it, the errors of the last hour (`hourBad`) reach `significantShare` of the
 * budget; it starts where S last left 0 and ends where S peaks (errors stop outrunning the budget),
 * moved back by the window's length since a window keeps seeing errors that long; an event still
 * climbing at the last evaluation ends there (ongoing). A slow burn that never spends 2% within an
 * hour is a ticket's business, not an event a page is scored on.
 */
export function significantEvents({ bad, total, windowSteps, hourBad, ctx, significantShare = SIGNIFICANT_BUDGET_SHARE }: EventOptions): Span[] {
  const { grid } = ctx;
  const fraction = budgetFraction(ctx.objective);
  const allowed = EVENT_BURN * fraction;
  const out: Span[] = [];
  let sum = 0;
  let zero = 0;
  let peak = 0;
  let peakSum = 0;
  let crossed = false;
  const close = () => {
    const end = peak === grid.length - 1 ? peak : Math.max(zero + 1, peak - windowSteps + 1);
    out.push({ start: gridTime(grid, zero), end: gridTime(grid, end), budgetConsumed: budgetShareBetween(ctx, zero, end) });
  };
  for (let i = 0; i < grid.length; i++) {
    sum = Math.max(0, sum + ((bad[i] ?? 0) - allowed * (total[i] ?? 0)) / windowSteps);
    if (sum === 0) {
      if (crossed) close();
      crossed = false;
      zero = i;
      peakSum = 0;
      continue;
    }
    if (sum >= peakSum) {
      peak = i;
      peakSum = sum;
    }
    const budget = fraction * (ctx.sloTotal[i] ?? 0);
    if (budget > 0 && (hourBad[i] ?? 0) >= significantShare * budget) crossed = true;
  }
  if (crossed) close();
  return out;
}

/** Whether an episode overlaps an event, allowing `grace` seconds after the event for the windows to catch up. */
export function overlaps(ep: Pick<Episode, 'start' | 'end'>, ev: Pick<SignificantEvent, 'start' | 'end'>, to: number, grace: number): boolean {
  return ep.start <= ev.end + grace && (ep.end ?? to) > ev.start;
}

/**
 * Detection and reset of each event by the pages overlapping it: significant events are what pages
 * are for, so a ticket does not detect one (it is still named in `severity`). An alert caused by an
 * event can begin after it ends, once the short window has caught up: `grace` is the longest short
 * window plus its `for`.
 */
export function scoreEvents(
  events: ReadonlyArray<Pick<SignificantEvent, 'start' | 'end' | 'budgetConsumed'>>,
  eps: readonly Episode[],
  to: number,
  grace: number,
): SignificantEvent[] {
  return events.map((ev) => {
    const hits = eps.filter((ep) => overlaps(ep, ev, to, grace));
    const pages = hits.filter((h) => h.severity === 'page');
    const severity = pages.length > 0 ? 'page' : hits.length > 0 ? 'ticket' : null;
    if (pages.length === 0) return { ...ev, detectedAt: null, detectionSeconds: null, resetSeconds: null, severity };
    const detectedAt = Math.max(ev.start, Math.min(...pages.map((h) => h.start)));
    const ends = pages.map((h) => h.end);
    const lastEnd = ends.includes(null) ? null : Math.max(...(ends as number[]));
    return {
      ...ev,
      detectedAt,
      detectionSeconds: detectedAt - ev.start,
      resetSeconds: lastEnd === null || ev.end >= to ? null : lastEnd - ev.end,
      severity,
    };
  });
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

export function summarize(
  eps: readonly Episode[],
  events: readonly SignificantEvent[],
  range: { from: number; to: number; grace: number },
  budgetConsumed: number | null,
  significantShare = SIGNIFICANT_BUDGET_SHARE,
): BacktestSummary {
  const weeks = Math.max(range.to - range.from, 1) / WEEK_SECONDS;
  const pages = eps.filter((e) => e.severity === 'page').length;
  const tickets = eps.length - pages;
  // Scored on pages: a page outside every significant event is a false one, an event without a page a
  // missed one; tickets (slow burns) are counted, not scored.
  const pageEps = eps.filter((e) => e.severity === 'page');
  const truePositives = pageEps.filter((ep) => events.some((ev) => overlaps(ep, ev, range.to, range.grace))).length;
  const detected = events.filter((e) => e.detectedAt !== null);
  return {
    pages,
    tickets,
    pagesPerWeek: pages / weeks,
    ticketsPerWeek: tickets / weeks,
    precision: pageEps.length === 0 ? null : truePositives / pageEps.length,
    recall: events.length === 0 ? null : detected.length / events.length,
    meanDetectionSeconds: mean(detected.map((e) => e.detectionSeconds ?? 0)),
    meanResetSeconds: mean(events.flatMap((e) => (e.resetSeconds === null ? [] : [e.resetSeconds]))),
    budgetConsumed,
    significantEventBudgetShare: significantShare,
  };
}

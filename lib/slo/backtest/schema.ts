import { z } from 'zod';
import { maintenancePeriodSchema } from '@/lib/maintenance/schema';
import { policySchema } from '../spec';

// The backtest API (issue 6, "Backtest API"): what a policy would have done over history. Pure, so the
// routes that build it and the hooks that read it share one type.
//   GET  /api/slos/{name}/backtest?from=&to=[&policy=<url-encoded JSON {"alerts":[...]}>]
//   POST /api/slos/backtest  { spec, from, to, policy? }  (unsaved spec, for the create/edit form)

const severitySchema = z.enum(['page', 'ticket']);

/** A resolved policy pair (lib/slo/policy.ts AlertPair). */
export const backtestPairSchema = z.object({
  severity: severitySchema,
  longWindow: z.string(),
  shortWindow: z.string(),
  threshold: z.number(),
  budgetShare: z.number(),
  for: z.string(),
});

/** A maximal period during which at least one alert of `severity` fires (its `for` respected). */
export const episodeSchema = z.object({
  severity: severitySchema,
  /** Unix seconds of the first firing evaluation. */
  start: z.number(),
  /** Unix seconds when it stopped firing; null when still firing at `to`. */
  end: z.number().nullable(),
  /** Highest long-window burn rate of the firing pairs during the episode. */
  peakBurnRate: z.number(),
  /**
   * Errors in (start, end] (to `to` while ongoing) as a share of the whole budget: / (budget fraction x
   * events over the SLO window ending at the episode end). Where that window reaches before the range
   * (history), it holds only part of a window's events and the share would inflate (by 30/27 for an
   * outage 3 days into a 30-day history): the range's mean traffic over a whole window stands in when
   * larger (backtest.ts sloTotals()). Checked against the simulator's truth in backtest.int.test.ts.
   */
  budgetConsumed: z.number(),
  /** Pairs that fired, e.g. "1h/5m". */
  pairs: z.array(z.string()),
  /** Ids of the maintenance windows of the SLO's service it overlaps (listed in the result's `maintenance`); absent when none. */
  maintenance: z.array(z.number()).optional(),
});
export type Episode = z.infer<typeof episodeSchema>;

/**
 * A significant budget-consuming event (SRE Workbook ch. 5 scoring), with how the policy met it: errors
 * that spend at least `significantEventBudgetShare` (2%) of the budget within an hour, significant by
 * definition; its edges are those of the climb of the errors beyond a burn rate of 1 (CUSUM over the 5m
 * window, events.ts). `end` is `to` while it is still going on.
 */
export const significantEventSchema = z.object({
  start: z.number(),
  end: z.number(),
  budgetConsumed: z.number(),
  /** First page overlapping the event; null when no page did (a ticket does not detect one). */
  detectedAt: z.number().nullable(),
  /** detectedAt - start. */
  detectionSeconds: z.number().nullable(),
  /** End of the overlapping pages - event end. */
  resetSeconds: z.number().nullable(),
  /** Highest severity that fired during the event (`ticket`: only a ticket, the event was missed). */
  severity: severitySchema.nullable(),
});
export type SignificantEvent = z.infer<typeof significantEventSchema>;

export const backtestSummarySchema = z.object({
  pages: z.number(),
  tickets: z.number(),
  pagesPerWeek: z.number(),
  ticketsPerWeek: z.number(),
  /** Pages overlapping a significant event / pages; null without pages (tickets are not scored). */
  precision: z.number().nullable(),
  /** Significant events with an overlapping page / events; null without events. */
  recall: z.number().nullable(),
  meanDetectionSeconds: z.number().nullable(),
  meanResetSeconds: z.number().nullable(),
  /** Budget spent over [from, to] as a share of the whole budget; null without traffic. */
  budgetConsumed: z.number().nullable(),
  /** The share of the budget an event must spend within an hour to count as significant (0.02 = 2%). */
  significantEventBudgetShare: z.number(),
});
export type BacktestSummary = z.infer<typeof backtestSummarySchema>;

/** Downsampled series for charts (at most 2,000 points). */
export const backtestTimelineSchema = z.object({
  start: z.number(),
  step: z.number(),
  burnRates: z.record(z.string(), z.array(z.number().nullable())),
  firing: z.object({ page: z.array(z.boolean()), ticket: z.array(z.boolean()) }),
});
export type BacktestTimeline = z.infer<typeof backtestTimelineSchema>;

/**
 * Advice from the backtest (recommend.ts), each with the concrete change:
 * unreachable: a pair whose threshold even 100% errors cannot exceed; low-traffic: long windows too
 * small for one error not to fire; flapping: mostly episodes under 15 minutes; late: an event paged
 * only after 10% of the budget was gone; quiet: significant events no page caught; noisy: pages
 * outside every significant event. A change that would stop paging on a significant event the policy
 * pages on is never offered.
 */
export const backtestRecommendationSchema = z.object({
  kind: z.enum(['unreachable', 'low-traffic', 'flapping', 'late', 'noisy', 'quiet']),
  message: z.string(),
  change: z.string(),
});
export type BacktestRecommendation = z.infer<typeof backtestRecommendationSchema>;

/** 200 body of both backtest routes. */
export const backtestResultSchema = z.object({
  name: z.string(),
  from: z.number(),
  to: z.number(),
  /** Seconds between evaluations, 60 normally. */
  step: z.number(),
  /** Which series the figures came from: the generated recording rules or the raw counters. */
  source: z.enum(['raw', 'recorded']),
  /** The PromQL run, for "inspect". */
  queries: z.array(z.string()),
  policy: z.array(backtestPairSchema),
  episodes: z.array(episodeSchema),
  events: z.array(significantEventSchema),
  summary: backtestSummarySchema,
  timeline: backtestTimelineSchema,
  recommendations: z.array(backtestRecommendationSchema),
  /** Maintenance windows of the SLO's service within [from, to] (planned: an episode in one may be expected). */
  maintenance: z.array(maintenancePeriodSchema).optional(),
});
export type BacktestResult = z.infer<typeof backtestResultSchema>;

/** Longest backtest range: 35 days covers a 30d SLO window with room to spare. */
export const MAX_BACKTEST_SECONDS = 35 * 86_400;

/**
 * `POST /api/slos/backtest` body. `spec` is an SloSpec (name optional), validated by the route so its
 * field errors keep the form's paths (`indicator.thresholdMs`); `from`/`to` default like the GET route's.
 */
const unixSecondsSchema = z.number({ error: 'must be unix seconds' }).positive('must be positive unix seconds').lt(1e10, 'must be unix seconds, not milliseconds');
export const backtestRequestSchema = z.object({
  spec: z.unknown(),
  from: unixSecondsSchema.optional(),
  to: unixSecondsSchema.optional(),
  policy: policySchema.optional(),
});
export type BacktestRequest = z.input<typeof backtestRequestSchema>;

/** One SLO's backtest in `GET /api/slos-backtest`: counts and scores, no episodes or timeline. */
export const backtestDigestSchema = z.object({
  name: z.string(),
  source: z.enum(['raw', 'recorded']),
  episodes: z.number(),
  summary: backtestSummarySchema,
  recommendations: z.array(backtestRecommendationSchema),
});
export type BacktestDigest = z.infer<typeof backtestDigestSchema>;

/**
 * 200 body of `GET /api/slos-backtest?from=&to=`: every stored SLO's policy over one range, from
 * grouped queries (backtest-many.ts); SLOs that cannot be backtested are listed under `errors`.
 */
export const slosBacktestResponseSchema = z.object({
  from: z.number(),
  to: z.number(),
  step: z.number(),
  backtests: z.array(backtestDigestSchema),
  errors: z.array(z.object({ name: z.string(), code: z.string(), message: z.string() })),
  /** PromQL requests made (range-query chunks and bucket look-ups). */
  queryCount: z.number(),
});
export type SlosBacktestResponse = z.infer<typeof slosBacktestResponseSchema>;

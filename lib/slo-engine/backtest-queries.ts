import { matchers } from '@/lib/promql';
import type { Grid } from '@/lib/slo/backtest/grid';
import type { StepSeries } from '@/lib/slo/backtest/steps';
import { errorRatioRecord, eventsRecord, recordedSelector, SLI_HASH_LABEL } from '@/lib/slo/rules/rules';
import { sliHash } from '@/lib/slo/sli-hash';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';
import { windowSeconds } from '@/lib/slo/windows';

// The range queries of a backtest. Pure: backtest-run.ts runs them.
//
// Raw counters are read once per step, whatever the windows: the events of each minute
// (increase over [1m] every 60 s) and of each 5 minutes (increase over [5m] every 300 s, for
// histories sampled every 5 minutes and minutes without two samples), from which steps.ts derives
// every window exactly by prefix sums. The PromQL is bulk-queries.ts' grouped count queries (one per
// indicator kind, or per custom SLO), the same for one SLO as for many (backtest-bulk.ts). Reading each window instead cost 5.5 s per SLO at every
// minute (a 3d increase() reads 4,320 samples per series at each of 43,200 minutes), and sampling the
// long windows 60 times per window and interpolating put a 3d/6h ticket 18 minutes early (issue 11).
// Recorded series are read per window, at every minute (a lookup, not an increase()).

/** The rules' evaluation interval: the backtest steps through history once a minute. */
export const BASE_STEP = 60;
/** Coarse steps fill minutes without data: one sample per 5 minutes gives 5-minute increases. */
export const BLOCK_STEP = 300;
/**
 * Prometheus refuses a range query when (end - start) / step exceeds 11,000; 11,000 points stay just
 * within, and 30 days at 60 s (43,201 points) take 4 chunks.
 */
export const MAX_POINTS_PER_QUERY = 11_000;

export type CountKind = 'bad' | 'total';

export interface WindowQuery {
  window: string;
  kind: CountKind;
  /** `bad` of recorded series is ratio x events: this is the ratio. */
  query: string;
  /** Recorded `bad` multiplies this events query's values by the ratio's. */
  eventsQuery?: string;
  step: number;
}

export interface RangeChunk {
  start: number;
  end: number;
  step: number;
}

/** Span of per-step counts, aligned on its step: `start` is the end of the first step. */
export interface StepSpan {
  start: number;
  end: number;
  step: number;
}

/** Evaluations of a span. */
export const spanLength = (span: StepSpan) => (span.end - span.start) / span.step + 1;

/**
 * What a raw backtest reads over the grid: minutes from the longest window the engine derives per
 * minute (`minuteLead`, the policy's and the event windows) before the grid, and 5-minute steps from
 * the SLO window before it (`blockLead`: the budget's denominator), both to the grid's end.
 */
export function stepSpans(grid: Grid, minuteLead: number, blockLead: number): { minute: StepSpan; block: StepSpan; steps: StepSpan } {
  const last = grid.start + Math.max(0, grid.length - 1) * grid.step;
  const block = { start: Math.floor((grid.start - blockLead) / BLOCK_STEP) * BLOCK_STEP, end: Math.ceil(last / BLOCK_STEP) * BLOCK_STEP, step: BLOCK_STEP };
  const minute = { start: Math.floor((grid.start - minuteLead) / BASE_STEP) * BASE_STEP, end: last, step: BASE_STEP };
  // The counts the engine gets: every minute from the first block's first one to the grid's end.
  return { minute, block, steps: { start: block.start - BLOCK_STEP + BASE_STEP, end: last, step: BASE_STEP } };
}

/** The spans of a backtest of `windows` (longest policy window per minute, the SLO window in blocks). */
export function backtestSpans(grid: Grid, windows: readonly string[], sloWindow: string) {
  const minuteLead = Math.max(0, ...windows.filter((w) => w !== sloWindow).map(windowSeconds));
  return stepSpans(grid, minuteLead, windowSeconds(sloWindow));
}

/** Range chunks of at most `maxPoints` evaluations covering a span. */
export function spanChunks(span: StepSpan, maxPoints = MAX_POINTS_PER_QUERY): RangeChunk[] {
  const out: RangeChunk[] = [];
  for (let s = span.start; s <= span.end; s += maxPoints * span.step) out.push({ start: s, end: Math.min(span.end, s + (maxPoints - 1) * span.step), step: span.step });
  return out;
}

/** An empty series over a span (NaN: no data), to fill from [unix seconds, value] points. */
export function emptySteps(span: StepSpan): StepSeries {
  return { start: span.start, step: span.step, values: new Float64Array(spanLength(span)).fill(Number.NaN) };
}

/** Recorded series of rules.ts, of the spec's current definition (its sli_hash), so an unsaved edit reads raw. */
export function recordedQueries(spec: SloSpec, windows: readonly string[], source: SliSource): WindowQuery[] {
  return windows.flatMap((window) => {
    const step = BASE_STEP;
    const events = recordedSelector(eventsRecord(window), spec, source);
    const total: WindowQuery = { window, kind: 'total', query: events, step };
    const ratio = recordedSelector(errorRatioRecord(window), spec, source);
    return window === spec.window ? [total] : [{ window, kind: 'bad', query: ratio, eventsQuery: events, step }, total];
  });
}

/**
 * One instant query that counts, per window, the recorded events series of the SLO: the backtest
 * reads recorded series only when every window has one at both ends of the range.
 */
export function recordedCheckQuery(spec: SloSpec, windows: readonly string[], source: SliSource): string {
  const selector = matchers({ __name__: ['=~', { literal: windows.map(eventsRecord) }], slo: spec.name, [SLI_HASH_LABEL]: sliHash(spec, source) });
  return `count by (__name__) (${selector})`;
}

/** Bad events missing where there is traffic read as none, except for latency (see queries.ts). */
export function missingBadIsZero(spec: SloSpec): boolean {
  return spec.indicator.type !== 'latency';
}

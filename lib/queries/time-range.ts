import { roundUnixSeconds } from './time';

// Time ranges of the dashboards: presets, auto-refresh choices and the step of range queries. Pure.

/** Relative ranges offered by the picker, ending at the pinned time or now. */
export const RANGE_PRESETS = {
  '5m': 300,
  '15m': 900,
  '1h': 3_600,
  '6h': 21_600,
  '24h': 86_400,
  '7d': 604_800,
  '30d': 2_592_000,
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const DEFAULT_RANGE: RangePreset = '1h';

export const RANGE_LABELS: Record<RangePreset, string> = {
  '5m': 'Last 5 minutes',
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

/** Auto-refresh intervals for live dashboards (milliseconds; `off` never refreshes). */
export const REFRESH_OPTIONS = { off: 0, '30s': 30_000, '1m': 60_000, '5m': 300_000 } as const;
export type RefreshOption = keyof typeof REFRESH_OPTIONS;
/** Live views show data at most half a minute old unless the viewer picks otherwise (issue 13.4). */
export const DEFAULT_REFRESH: RefreshOption = '30s';
/**
 * A hidden tab moves its live range this rarely: nobody reads it, and fifty forgotten tabs should
 * not cost Prometheus what fifty viewers do. It catches up as soon as it is shown again.
 */
export const HIDDEN_REFRESH_MS = 300_000;

/** Timers fire a little early or late; a tick this close to the interval counts as on time. */
const TICK_SLACK_MS = 1_000;

/** Whether a live dashboard's clock should move now, `sinceLastMs` after it last moved. */
export function shouldRefresh(hidden: boolean, sinceLastMs: number, intervalMs: number): boolean {
  if (intervalMs === 0) return false;
  return sinceLastMs + TICK_SLACK_MS >= (hidden ? Math.max(intervalMs, HIDDEN_REFRESH_MS) : intervalMs);
}

export function isRangePreset(value: string): value is RangePreset {
  return Object.hasOwn(RANGE_PRESETS, value);
}

export function isRefreshOption(value: string): value is RefreshOption {
  return Object.hasOwn(REFRESH_OPTIONS, value);
}

/** A chart wider than ~250 points shows no more detail on a dashboard panel, only costs more. */
export const MAX_POINTS = 250;

/**
 * Steps a range query may use, in seconds. The smallest is Prometheus's default scrape interval
 * (15 s): a finer step only repeats samples. The rest are the clock-friendly values Grafana also uses.
 */
export const NICE_STEPS = [15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400] as const;

/** The smallest nice step that keeps `rangeSeconds` within MAX_POINTS points. */
export function stepFor(rangeSeconds: number): number {
  const wanted = rangeSeconds / MAX_POINTS;
  return NICE_STEPS.find((step) => step >= wanted) ?? Math.ceil(wanted / 86_400) * 86_400;
}

/**
 * Ends are aligned to this many seconds at most, so that a live dashboard refreshed a few seconds
 * later asks for the same range (cache hit) while a "now" value is never more than a minute old.
 */
export const MAX_END_ALIGN_SECONDS = 60;

export interface ResolvedRange {
  /** Unix seconds. */
  start: number;
  end: number;
  step: number;
}

/** The range queries run over: `[end - seconds, end]` or `[from, end]`, with its step; end aligned for caching. */
export function resolveRange(end: number, span: { seconds: number } | { from: number }): ResolvedRange {
  const rangeSeconds = 'seconds' in span ? span.seconds : end - span.from;
  const step = stepFor(rangeSeconds);
  const alignedEnd = roundUnixSeconds(end, Math.min(step, MAX_END_ALIGN_SECONDS));
  const start = 'from' in span ? roundUnixSeconds(span.from, Math.min(step, MAX_END_ALIGN_SECONDS)) : alignedEnd - rangeSeconds;
  return { start, end: alignedEnd, step };
}

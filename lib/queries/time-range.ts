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
/** Live views that refresh by themselves (SLO statuses and alerts, the graph) re-read this often. */
export const LIVE_REFRESH_MS: number = REFRESH_OPTIONS[DEFAULT_REFRESH];
/**
 * A hidden tab moves its live range this rarely: nobody reads it, and fifty forgotten tabs should
 * not cost Prometheus what fifty viewers do. It catches up as soon as it is shown again.
 */
export const HIDDEN_REFRESH_MS = 300_000;
/**
 * A live range moves this long after each boundary of its refresh interval, so that Prometheus has
 * written the scrapes and rule evaluations stamped at the boundary when the range ending there is asked for.
 */
export const REFRESH_SETTLE_MS = 1_000;

/** The newest boundary of the refresh interval (unix seconds) settled at `nowMs`. */
const boundaryAt = (nowMs: number, intervalMs: number) => (Math.floor((nowMs - REFRESH_SETTLE_MS) / intervalMs) * intervalMs) / 1000;

/**
 * Where a live dashboard's clock (unix seconds, `current`) moves at `nowMs`. It moves on the wall
 * clock's boundaries of the refresh interval (every 30 s: :00 and :30), not 30 s after the tab opened:
 * the range then ends at most REFRESH_SETTLE_MS before the refresh, so what Prometheus wrote before it
 * shows in that refresh, and every viewer asks for the same range at the same moment (one shared answer).
 * A hidden tab moves only once the clock is HIDDEN_REFRESH_MS behind, and catches up once shown.
 */
export function nextLiveClock(current: number, nowMs: number, intervalMs: number, hidden: boolean): number {
  if (intervalMs === 0) return current;
  const boundary = boundaryAt(nowMs, intervalMs);
  const minMove = hidden ? Math.max(intervalMs, HIDDEN_REFRESH_MS) / 1000 : 0;
  return boundary > current && boundary - current >= minMove ? boundary : current;
}

/** Milliseconds from `nowMs` until the live clock can next move (the next boundary, settled). */
export function msUntilNextBoundary(nowMs: number, intervalMs: number): number {
  return (boundaryAt(nowMs, intervalMs) * 1000 + intervalMs + REFRESH_SETTLE_MS) - nowMs;
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

// Every window exact (issue 11, item 9): a mesh of its own, hand-written counters in a real Prometheus,
// with a 1 h incident at 5% errors on a 0.05% baseline. When each alert must fire is worked out here
// minute by minute from the counters' closed form, without the engine.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrometheusClient, type PrometheusClient } from '@/lib/prometheus';
import type { PrometheusProcess } from '@/scripts/system/prometheus';
import { startCountersPrometheus } from '@/scripts/testing/history-prometheus';
import { backtestSlo } from './backtest-run';
import type { BacktestResult } from '@/lib/slo/backtest/schema';
import { sloSpecSchema } from '@/lib/slo/spec';

const { anchor: END } = inject('fixture');
const MIN = 60;
const DAY = 86_400;
/** 100 requests a second, 0.05% of them failing; 5% during the incident. */
const PER_MINUTE = 6000;
const BASE_ERRORS = 3;
const INCIDENT_ERRORS = 300;
const INCIDENT = { start: END - 180 * MIN, end: END - 120 * MIN };
const HISTORY_FROM = END - 4 * DAY;
const FROM = END - DAY;

/** Errors and requests from the history's start to t (closed form, exact at every second). */
const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));
const errorsTo = (t: number) => (BASE_ERRORS * (t - HISTORY_FROM) + (INCIDENT_ERRORS - BASE_ERRORS) * overlap(HISTORY_FROM, t, INCIDENT.start, INCIDENT.end)) / MIN;
const requestsTo = (t: number) => (PER_MINUTE * (t - HISTORY_FROM)) / MIN;
/** Burn rate of the window of `seconds` ending at t against 99.9%. */
const burn = (t: number, seconds: number) => (errorsTo(t) - errorsTo(t - seconds)) / (requestsTo(t) - requestsTo(t - seconds)) / 0.001;

/** The ticket with no pending period, and the Workbook page with none either. */
const PAIRS = [
  { severity: 'ticket', long: 3 * DAY, short: 6 * 3600, threshold: 1, label: '3d/6h' },
  { severity: 'page', long: 3600, short: 300, threshold: 14.4, label: '1h/5m' },
] as const;
const spec = sloSpecSchema.parse({
  name: 'synthetic-availability',
  service: 'synthetic',
  namespace: 'synthetic',
  team: 'sre',
  indicator: { type: 'custom', errorQuery: 'increase(synthetic_requests_total{outcome="error"}[{{window}}])', totalQuery: 'increase(synthetic_requests_total[{{window}}])' },
  objective: 99.9,
  window: '30d',
  policy: {
    alerts: [
      { severity: 'ticket', longWindow: '3d', shortWindow: '6h', threshold: 1, for: '0s' },
      { severity: 'page', longWindow: '1h', shortWindow: '5m', threshold: 14.4, for: '0s' },
    ],
  },
});

/** Minute by minute: the first and last minute at which both windows of a pair burn above its threshold. */
function handEpisode(pair: (typeof PAIRS)[number]): { start: number; end: number | null } {
  let start: number | undefined;
  for (let t = FROM; t <= END; t += MIN) {
    const on = burn(t, pair.long) > pair.threshold && burn(t, pair.short) > pair.threshold;
    if (on && start === undefined) start = t;
    if (!on && start !== undefined) return { start, end: t };
  }
  if (start === undefined) throw new Error(`${pair.label} never fires`);
  return { start, end: null };
}

let prom: PrometheusProcess;
let client: PrometheusClient;
let result: BacktestResult;
beforeAll(async () => {
  const times: number[] = [];
  for (let t = HISTORY_FROM; t <= END; t += MIN) times.push(t);
  prom = await startCountersPrometheus(
    'synthetic_requests',
    [
      { labels: { outcome: 'ok' }, value: (t) => requestsTo(t) - errorsTo(t) },
      { labels: { outcome: 'error' }, value: errorsTo },
    ],
    times,
  );
  client = createPrometheusClient({ baseUrl: prom.url, timeoutMs: 120_000 });
  result = (await backtestSlo(spec, { client, from: FROM, to: END })).result;
}, 300_000);
afterAll(async () => {
  await prom?.stop();
});

describe('backtest windows are exact on a mesh of their own', () => {
  it('starts the 3d/6h ticket when the 3-day burn crosses 1x, 136 minutes before the end of the range', () => {
    const hand = handEpisode(PAIRS[0]);
    // 0.5x for 3 days plus 49.5x x m / 4320 minutes of incident passes 1 at m = 44.
    expect(hand.start).toBe(INCIDENT.start + 44 * MIN);
    expect(END - hand.start).toBe(136 * MIN);
    const tickets = result.episodes.filter((e) => e.severity === 'ticket');
    expect(tickets).toHaveLength(1);
    console.info(`3d/6h ticket: hand ${(END - hand.start) / MIN} min before the end; engine ${(END - (tickets[0]?.start ?? 0)) / MIN} min`);
    // Exact counts per minute on the rules' own minute grid: the same evaluation.
    expect(tickets[0]?.start).toBe(hand.start);
    expect(tickets[0]?.end).toBe(hand.end);
    // The 3-day burn peaks once the whole incident is in: (3 x 4260 + 300 x 60) / (6000 x 4320) / 0.001.
    expect(tickets[0]?.peakBurnRate).toBeCloseTo((3 * 4260 + 300 * 60) / (6000 * 4320) / 0.001, 6);
  });

  it('pages over 1h/5m at the minute the hand-computed burn rates say, and stops when they do', () => {
    const hand = handEpisode(PAIRS[1]);
    const pages = result.episodes.filter((e) => e.severity === 'page');
    expect(pages).toHaveLength(1);
    expect(pages[0]?.start).toBe(hand.start);
    expect(pages[0]?.end).toBe(hand.end);
  });

  it('reads each count once per minute and per 5 minutes, whatever the windows', () => {
    expect(result.source).toBe('raw');
    // Bad and all events of each minute in one query, of each 5 minutes in another.
    expect(result.queries).toHaveLength(2);
    expect(result.queries[0]).toMatch(/\[1m\]/);
    expect(result.queries[1]).toMatch(/\[5m\]/);
  });
});

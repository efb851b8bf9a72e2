// Mesh-wide success rate: now (last 5 minutes at the end of the range) and over 30 days with a daily trend.
import { finite, read, successHealth } from '../values';
import { definePanel, instant, range } from '../types';
import { NOW_WINDOW } from '../windows';

const DAY = 86_400;
/** The executive figure's window: the usual SLO period. */
export const LONG_WINDOW_DAYS = 30;

const when = (end: number) => new Date(end * 1000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

export const meshSuccessNow = definePanel({
  queries: (p, { mesh }) => ({
    ratio: instant('Error ratio of all requests, last 5 minutes', mesh.errorRatio({ window: NOW_WINDOW, by: 'mesh', namespace: p.namespace }).promql),
    rate: instant('Requests per second, last 5 minutes', mesh.requestRate({ window: NOW_WINDOW, by: 'mesh', namespace: p.namespace }).promql),
  }),
  transform: ({ ratio, rate }, p, { config }) => {
    const rps = finite(rate[0]?.value);
    const r = read(ratio[0], rps === null || rps === 0 ? 'no requests in the last 5 minutes' : 'no sample from Prometheus');
    const value = r.value === null ? null : 1 - r.value;
    const detail = r.value === null ? r.reason : `${rps === null ? '?' : rps.toFixed(rps < 10 ? 2 : 0)} req/s in the 5 minutes to ${when(p.end)}`;
    return { data: { kind: 'stat', value, unit: 'ratio', health: successHealth(value, config.health), detail }, warnings: [] };
  },
});

export const meshSuccess30d = definePanel({
  queries: (p, { mesh }) => {
    const window = `${LONG_WINDOW_DAYS}d`;
    // One point per day, each the success of the day before it; no subqueries.
    const trendRange = { start: p.end - (LONG_WINDOW_DAYS - 1) * DAY, end: p.end, step: DAY };
    return {
      ratio: instant(`Error ratio of all requests over ${window}`, mesh.errorRatio({ window, by: 'mesh', namespace: p.namespace }).promql),
      trend: { ...range('Daily error ratio (each point: the 24 hours before it)', mesh.errorRatio({ window: '1d', by: 'mesh', namespace: p.namespace }).promql), over: trendRange },
    };
  },
  transform: ({ ratio, trend }, p, { config }) => {
    const r = read(ratio[0], `no requests in the ${LONG_WINDOW_DAYS} days before the end of the range`);
    const value = r.value === null ? null : 1 - r.value;
    const points = (trend[0]?.points ?? []).map(([t, v]): [number, number | null] => [t, Number.isFinite(v) ? 1 - v : null]);
    return {
      data: {
        kind: 'stat',
        value,
        unit: 'ratio',
        health: successHealth(value, config.health),
        detail: r.value === null ? r.reason : `${LONG_WINDOW_DAYS} days to ${when(p.end)}`,
        trend: { name: 'daily success', labels: {}, points },
      },
      warnings: [],
    };
  },
});

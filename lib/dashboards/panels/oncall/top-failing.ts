// Top failing services over the range: error ratio, errors per second, the error-ratio trend, and each
// service's health verdict (lib/health, with its SLOs at the end of the range), as /api/services gives it.
import { healthVerdict, sloStatusesByService } from '@/lib/health';
import { dimKey, readDim, type MeshAdapter } from '@/lib/mesh';
import type { Sample } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import { loadPanelSlos } from '../executive/team-slos-load';
import { compareText, finite, rangeTimes, sparkline } from '../values';
import { definePanel, instant, range } from '../types';
import { chartWindow, NOW_WINDOW, spanWindow } from '../windows';
import { debugHref } from '@/lib/links';
import { col, tableOutput } from '../table';

export const TOP_FAILING_LIMIT = 10;
const KEY = ['namespace', 'service'] as const;

const overRange = (p: PanelParams) => ({ window: spanWindow(p), by: 'service' as const, namespace: p.namespace, cluster: p.cluster });
/** The label map of every query here (all grouped by destination service). */
export const serviceQuery = (p: PanelParams, mesh: MeshAdapter) => mesh.requestRate(overRange(p));

export const topFailing = definePanel({
  queries: (p, { mesh }) => ({
    ratio: instant('Error ratio per service over the range', mesh.errorRatio(overRange(p)).promql),
    // Beside the range's average: a 45-minute outage is 4 % over a day but 50 % now (issue 14).
    now: instant('Error ratio per service over the last 5 minutes of the range', mesh.errorRatio({ ...overRange(p), window: NOW_WINDOW }).promql),
    errors: instant('Failed requests per second per service over the range', mesh.errorRate(overRange(p)).promql),
    rate: instant('Requests per second per service over the range', mesh.requestRate(overRange(p)).promql),
    trend: range('Error ratio per service over time', mesh.errorRatio({ ...overRange(p), window: chartWindow(p) }).promql),
  }),
  load: (p, _ctx, io) => loadPanelSlos(p, io),
  transform: ({ ratio, now, errors, rate, trend }, p, { mesh, config }, loaded = []) => {
    const q = serviceQuery(p, mesh);
    const slos = sloStatusesByService(loaded);
    const index = <T extends { labels: Record<string, string> }>(items: readonly T[]) => new Map(items.map((s) => [dimKey(s.labels, q, [...KEY]), s]));
    const [ratios, nows, rates, trends] = [index(ratio), index(now), index(rate), index(trend)];
    const times = rangeTimes(p);
    const failing = errors.filter((s) => Number.isFinite(s.value) && s.value > 0);
    const byWorst = (a: Sample, b: Sample) => {
      const ra = finite(ratios.get(dimKey(a.labels, q, [...KEY]))?.value) ?? 0;
      const rb = finite(ratios.get(dimKey(b.labels, q, [...KEY]))?.value) ?? 0;
      return rb - ra || b.value - a.value || compareText(JSON.stringify(a.labels), JSON.stringify(b.labels));
    };
    const rows = failing.sort(byWorst).slice(0, TOP_FAILING_LIMIT).map((s) => {
      const key = dimKey(s.labels, q, [...KEY]);
      const namespace = readDim(s.labels, q, 'namespace');
      const service = readDim(s.labels, q, 'service');
      const errorRatio = finite(ratios.get(key)?.value);
      const rps = finite(rates.get(key)?.value);
      return {
        id: key,
        health: healthVerdict({ errorRatio, rps, windowSeconds: p.end - p.start, slos: slos.get(`${namespace}/${service}`) ?? [] }, config.health),
        cells: {
          service: { text: service, href: debugHref(service, namespace) },
          namespace,
          errorRatioNow: finite(nows.get(key)?.value),
          errorRatio,
          errors: s.value,
          rps,
          trend: { sparkline: sparkline(trends.get(key), times) },
        },
      };
    });
    return tableOutput(
      [
        col.link('service', 'Service'), col.text('namespace', 'Namespace'), col.num('errorRatioNow', 'Error ratio now (5 m)', 'ratio'),
        col.num('errorRatio', 'Error ratio (range)', 'ratio'), col.num('errors', 'Errors', 'reqps'), col.num('rps', 'Requests', 'reqps'),
        col.spark('trend', 'Error ratio over the range', 'ratio'),
      ],
      rows, { empty: 'No service returned server errors (5xx or resets) in the range.', warnings: failing.length > TOP_FAILING_LIMIT ? [`${failing.length - TOP_FAILING_LIMIT} more services had errors; showing the worst ${TOP_FAILING_LIMIT}.`] : [] });
  },
});

// Error ratio over time of the services that failed most in the range, with rollouts as markers so
// a change that lines up with errors is visible.
import { dimKey, isUnsupported, readDim } from '@/lib/mesh';
import type { Marker } from '../../schema';
import { chartSeries, finite } from '../values';
import { definePanel, instant, range } from '../types';
import { chartWindow, spanWindow } from '../windows';
import { findRollouts, rolloutMarkers } from './rollouts';
import { serviceQuery } from './top-failing';

/** Lines on one chart stay readable up to about five. */
export const WORST_LIMIT = 5;
const KEY = ['namespace', 'service'] as const;

export const errorRatio = definePanel({
  queries: (p, { mesh }) => {
    const revisions = mesh.revisions({ namespace: p.namespace, cluster: p.cluster });
    return {
      ranking: instant('Error ratio per service over the range (picks the worst)', mesh.errorRatio({ window: spanWindow(p), by: 'service', namespace: p.namespace, cluster: p.cluster }).promql),
      series: range('Error ratio per service over time', mesh.errorRatio({ window: chartWindow(p), by: 'service', namespace: p.namespace, cluster: p.cluster }).promql),
      ...(isUnsupported(revisions) ? {} : { revisions: range('Serving revisions per service (rollouts)', revisions.promql) }),
    };
  },
  transform: (results, p, { mesh }) => {
    const q = serviceQuery(p, mesh);
    const worst = results.ranking
      .filter((s) => (finite(s.value) ?? 0) > 0)
      .sort((a, b) => b.value - a.value)
      .slice(0, WORST_LIMIT)
      .map((s) => dimKey(s.labels, q, [...KEY]));
    const series = worst.flatMap((key) => {
      const s = results.series.find((x) => dimKey(x.labels, q, [...KEY]) === key);
      return s ? [chartSeries(`${readDim(s.labels, q, 'namespace')}/${readDim(s.labels, q, 'service')}`, s)] : [];
    });
    const revisions = mesh.revisions({ namespace: p.namespace, cluster: p.cluster });
    const markers: Marker[] =
      results.revisions && !isUnsupported(revisions) ? rolloutMarkers(findRollouts(results.revisions, revisions, Math.round(p.start * 1000))) : [];
    const warnings = isUnsupported(revisions) ? [`No deployment markers: ${revisions.unsupported}`] : [];
    return {
      data: {
        kind: 'timeseries',
        unit: 'ratio',
        series,
        markers,
        stacked: false,
        ...(series.length === 0 ? { detail: 'No service returned server errors in the range.' } : {}),
      },
      warnings,
    };
  },
});

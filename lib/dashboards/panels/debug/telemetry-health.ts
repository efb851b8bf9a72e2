// Is the telemetry itself healthy? Scrape status of the service's targets and Prometheus's rule
// evaluation. Both need Prometheus to scrape (targets, itself); backfilled or remote-written data has
// neither, and the panel says so instead of showing an empty table.
import type { MeshAdapter } from '@/lib/mesh';
import type { Sample } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import { compareText, finite } from '../values';
import { definePanel, instant, type TableData } from '../types';
import { spanWindow } from '../windows';
import { col } from '../table';

const targetsOf = (p: PanelParams, mesh: MeshAdapter) => mesh.serviceSelector({ namespace: p.namespace ?? '', service: p.service ?? '', cluster: p.cluster });
/** Scrape series of the targets (instances) that export this service's server-side metrics. */
const scrape = (metric: string, p: PanelParams, mesh: MeshAdapter) => `max by (instance, pod) (${metric} and on (instance) ${targetsOf(p, mesh)})`;

const COLUMNS: TableData['columns'] = [
  col.text('target', 'Target'), col.num('up', 'Up', 'count'), col.num('duration', 'Scrape / evaluation time', 's'),
  col.num('samples', 'Samples scraped', 'count'), col.num('lag', 'Since last evaluation', 's'),
];

export const telemetryHealth = definePanel({
  requires: ['namespace', 'service'],
  queries: (p, { mesh }) => ({
    up: instant("Scrape status of the service's targets", scrape('up', p, mesh)),
    duration: instant("Scrape duration (s) of the service's targets", scrape('scrape_duration_seconds', p, mesh)),
    samples: instant("Samples scraped from the service's targets", scrape('scrape_samples_scraped', p, mesh)),
    ruleDuration: instant('Slowest rule group evaluation (s)', 'max(prometheus_rule_group_last_duration_seconds)'),
    // A group not yet evaluated since Prometheus started (a long interval) reports 0, not a 56-year lag.
    ruleLag: instant('Longest time since a rule group was evaluated (s)', 'max(time() - (prometheus_rule_group_last_evaluation_timestamp_seconds > 0))'),
    missed: instant('Rule group evaluations missed in the range', `sum(increase(prometheus_rule_group_iterations_missed_total[${spanWindow(p)}]))`),
  }),
  transform: (r) => {
    const byTarget = new Map<string, { up?: Sample; duration?: Sample; samples?: Sample }>();
    for (const field of ['up', 'duration', 'samples'] as const) {
      for (const s of r[field]) {
        const target = s.labels.pod || s.labels.instance || '';
        byTarget.set(target, { ...byTarget.get(target), [field]: s });
      }
    }
    const rows: TableData['rows'] = [...byTarget]
      .sort(([a], [b]) => compareText(a, b))
      .map(([target, s]) => {
        const up = finite(s.up?.value);
        return {
          id: `target:${target}`,
          health: up === null ? 'unknown' : up >= 1 ? 'good' : 'bad',
          cells: { target, up, duration: finite(s.duration?.value), samples: finite(s.samples?.value), lag: null },
        };
      });
    const warnings: string[] = [];
    const ruleDuration = finite(r.ruleDuration[0]?.value);
    const lag = finite(r.ruleLag[0]?.value);
    const missed = finite(r.missed[0]?.value);
    if (ruleDuration !== null || lag !== null) {
      rows.push({ id: 'rules', health: (missed ?? 0) >= 1 ? 'warn' : 'good', cells: { target: 'Prometheus rule groups', up: null, duration: ruleDuration, samples: null, lag } });
    } else {
      warnings.push('No rule-evaluation metrics (prometheus_rule_group_*): Prometheus does not scrape its own /metrics, so evaluation lag is unknown.');
    }
    if (byTarget.size === 0) {
      const reason = 'No scrape metadata (up, scrape_duration_seconds, scrape_samples_scraped) for the targets exporting this service\'s metrics: this Prometheus does not scrape them itself (the data is backfilled, federated or remote-written), or nothing reports the service.';
      return {
        data: { kind: 'table', columns: COLUMNS, rows },
        missing: { reason, howToEnable: 'Point this dashboard at the Prometheus that scrapes the mesh (it records up and scrape_* per target), and let it scrape itself for rule-evaluation metrics.' },
        warnings,
      };
    }
    return { data: { kind: 'table', columns: COLUMNS, rows }, warnings };
  },
});

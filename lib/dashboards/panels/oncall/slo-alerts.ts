// SLO burn-rate alerts: Meshwatch's own rules (SLOErrorBudgetBurn) pending or firing at the end of the
// range, as Prometheus evaluates them (the ALERTS series, so a pinned time shows what fired then), one
// row per SLO, severity and region (perRegion SLOs alert per region), linking to the SLO page and the
// service's debug view.
import { matchers } from '@/lib/promql';
import type { Sample } from '@/lib/prometheus/query-schemas';
import { regionOf, type RegionMap } from '@/lib/env-regions';
import { escapeRegex } from '@/lib/promql';
import { ALERT_NAME } from '@/lib/slo/rules/rules';
import type { PanelParams } from '../../params';
import type { PanelData } from '../../schema';
import { compareText } from '../values';
import { definePanel, instant } from '../types';
import { debugHref, sloHref } from '@/lib/links';
import { col } from '../table';

const BY = 'slo, service, namespace, severity, long_window, short_window, region';

function selector(metric: string, p: PanelParams, extra: Record<string, string | ['=~', string]> = {}): string {
  return `${metric}${matchers({ alertname: ALERT_NAME, ...extra, ...(p.namespace ? { namespace: p.namespace } : {}) })}`;
}

const keyOf = (s: Sample) => JSON.stringify([s.labels.slo ?? '', s.labels.severity ?? '', s.labels.long_window ?? '', s.labels.short_window ?? '', s.labels.region ?? '']);
/** Firing before pending, pages before tickets, then by SLO name. */
const rank = (state: string, severity: string) => (state === 'firing' ? 0 : 2) + (severity === 'page' ? 0 : 1);

export function sloAlertRows(states: readonly Sample[], since: readonly Sample[]) {
  const activeAt = new Map(since.map((s) => [keyOf(s), s.value]));
  return states
    .map((s) => {
      const l = s.labels;
      const state = l.alertstate ?? '';
      const severity = l.severity ?? '';
      const started = activeAt.get(keyOf(s));
      return { l, state, severity, since: started !== undefined && Number.isFinite(started) ? started : null };
    })
    .sort((a, b) => rank(a.state, a.severity) - rank(b.state, b.severity) || compareText(a.l.slo ?? '', b.l.slo ?? ''));
}

/**
 * Kept to a cluster, the alerts of its region (per-region SLOs label theirs with `region`) and those
 * of SLOs evaluated across regions (no `region` label: they may concern this cluster too).
 */
function inRegionOf(p: PanelParams, regions: RegionMap = {}): Record<string, ['=~', string]> {
  const region = regionOf(p.cluster, regions);
  return region === undefined ? {} : { region: ['=~', `${escapeRegex(region)}|`] };
}

export const sloAlerts = definePanel({
  queries: (p, { config }) => ({
    states: instant(
      'SLO burn-rate alerts pending or firing at the end of the range',
      `max by (${BY}, alertstate) (${selector('ALERTS', p, { alertstate: ['=~', 'pending|firing'], ...inRegionOf(p, config.regions) })})`,
    ),
    since: instant('When each of them became active (ALERTS_FOR_STATE holds activeAt)', `min by (${BY}) (${selector('ALERTS_FOR_STATE', p, inRegionOf(p, config.regions))})`),
  }),
  transform: ({ states, since }) => {
    const rows = sloAlertRows(states, since);
    // The region column only where some alert has one (single-cluster meshes see no change).
    const regional = rows.some(({ l }) => l.region);
    const data: PanelData = {
      kind: 'table',
      columns: [
        col.link('slo', 'SLO'), col.link('service', 'Service'), ...(regional ? [col.text('region', 'Region')] : []), col.text('severity', 'Severity'), col.text('state', 'State'),
        col.text('windows', 'Windows'), col.num('since', 'Since', 'timestamp'),
      ],
      rows: rows.map(({ l, state, severity, since: started }) => {
        const slo = l.slo ?? '';
        const service = l.service ?? '';
        const namespace = l.namespace ?? '';
        // Pinned at the alert's start (activeAt, unix s): the links show the trouble as it began.
        const pin = started ?? undefined;
        return {
          id: JSON.stringify([slo, severity, l.long_window ?? '', l.short_window ?? '', l.region ?? '']),
          health: state === 'firing' && severity === 'page' ? 'bad' : 'warn',
          cells: {
            slo: slo ? { text: slo, href: sloHref(slo, pin) } : '(no slo label)',
            service: service && namespace ? { text: `${namespace}/${service}`, href: debugHref(service, namespace, pin) } : service,
            ...(regional ? { region: l.region ?? '' } : {}),
            severity,
            state,
            windows: l.long_window ? `${l.long_window} and ${l.short_window ?? '?'}` : '',
            since: started,
          },
        };
      }),
      ...(rows.length === 0
        ? { detail: `No SLO burn-rate alert (${ALERT_NAME}) pending or firing at the end of the range. Prometheus evaluates them once Meshwatch's rules are loaded (see /api/rules).` }
        : {}),
    };
    return { data, warnings: [] };
  },
});

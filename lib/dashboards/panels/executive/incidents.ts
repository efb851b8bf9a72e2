// Active incidents: alerts firing at the end of the range, from the ALERTS series Prometheus keeps
// (so a pinned `?time=` shows what was firing then), grouped by the service they affect. Meshwatch's
// own burn-rate alerts (SLOErrorBudgetBurn, with slo/service/namespace/severity labels) also name
// their SLO, which the row links to.
import type { MeshAdapter } from '@/lib/mesh';
import { matchers } from '@/lib/promql';
import type { Sample } from '@/lib/prometheus/query-schemas';
import type { Cell, PanelData } from '../../schema';
import type { PanelParams } from '../../params';
import { compareText } from '../values';
import { definePanel, instant } from '../types';
import { debugHref, sloHref } from '@/lib/links';

interface TargetLabels {
  namespace: readonly string[];
  service: readonly string[];
}

/** Alert rules name the affected service differently; the first non-empty one wins, in this order. */
function targetLabels(mesh: MeshAdapter): TargetLabels {
  return { namespace: ['namespace', ...mesh.serviceLabelNames.namespace], service: ['service', ...mesh.serviceLabelNames.service, 'app', 'job'] };
}
const byOf = (l: TargetLabels) => [...new Set(['alertname', 'severity', 'slo', ...l.namespace, ...l.service])].join(', ');
/** Severities that mean someone is (or should be) paged. */
const PAGING = new Set(['critical', 'page', 'error']);
const isPaging = (severity: string) => PAGING.has(severity.toLowerCase());

function firing(p: PanelParams, l: TargetLabels): string {
  if (!p.namespace) return `ALERTS${matchers({ alertstate: 'firing' })}`;
  return l.namespace.map((l) => `ALERTS${matchers({ alertstate: 'firing', [l]: p.namespace })}`).join(' or ');
}

const first = (s: Sample, names: readonly string[]) => names.map((n) => s.labels[n] ?? '').find((v) => v !== '') ?? '';

interface Incident {
  namespace: string;
  service: string;
  alerts: Map<string, string>; // "alertname (severity)" -> severity
  slos: Map<string, string>; // SLO name -> its most urgent firing severity
  firing: number;
  since: number | null;
}

export function groupIncidents(counts: readonly Sample[], since: readonly Sample[], l: TargetLabels): Incident[] {
  const byKey = new Map<string, Incident>();
  const keyOf = (s: Sample) => JSON.stringify([first(s, l.namespace), first(s, l.service)]);
  for (const s of counts) {
    const key = keyOf(s);
    const entry = byKey.get(key) ?? { namespace: first(s, l.namespace), service: first(s, l.service), alerts: new Map(), slos: new Map(), firing: 0, since: null };
    const name = s.labels.alertname ?? '';
    const severity = s.labels.severity ?? '';
    entry.alerts.set(severity ? `${name} (${severity})` : name, severity);
    const slo = s.labels.slo;
    if (slo && !isPaging(entry.slos.get(slo) ?? '')) entry.slos.set(slo, severity);
    entry.firing += Number.isFinite(s.value) ? s.value : 0;
    byKey.set(key, entry);
  }
  for (const s of since) {
    const entry = byKey.get(keyOf(s));
    if (entry && Number.isFinite(s.value)) entry.since = entry.since === null ? s.value : Math.min(entry.since, s.value);
  }
  return [...byKey.values()].sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.service, b.service));
}

/** The SLO whose alert is most urgent (pages first), linking to its page; "+N" when more SLOs burn. */
function sloCell(slos: Map<string, string>): Cell {
  const ranked = [...slos].sort(([a, sa], [b, sb]) => Number(isPaging(sb)) - Number(isPaging(sa)) || compareText(a, b));
  const top = ranked[0];
  if (!top) return '';
  const more = ranked.length > 1 ? ` +${ranked.length - 1}` : '';
  return { text: `${top[0]} (${top[1] || 'alert'})${more}`, href: sloHref(top[0]) };
}

export const activeIncidents = definePanel({
  queries: (p, { mesh }) => {
    const l = targetLabels(mesh);
    return {
      alerts: instant('Firing alerts at the end of the range, by alert and affected service', `count by (${byOf(l)}) (${firing(p, l)})`),
      // ALERTS_FOR_STATE holds each alert's activeAt; `and` keeps the firing ones (it has no alertstate).
      since: instant('When each firing alert became active', `min by (${byOf(l)}) (ALERTS_FOR_STATE and ignoring (alertstate) (${firing(p, l)}))`),
    };
  },
  transform: ({ alerts, since }, _p, { mesh }) => {
    const incidents = groupIncidents(alerts, since, targetLabels(mesh));
    const data: PanelData = {
      kind: 'table',
      columns: [
        { key: 'service', label: 'Service', kind: 'link' },
        { key: 'namespace', label: 'Namespace', kind: 'text' },
        { key: 'alerts', label: 'Alerts', kind: 'text' },
        { key: 'slo', label: 'SLO', kind: 'link' },
        { key: 'firing', label: 'Firing', unit: 'count', kind: 'number' },
        { key: 'since', label: 'Since', unit: 'timestamp', kind: 'number' },
      ],
      rows: incidents.map((i) => {
        const service = i.service || '(no service label)';
        return {
          id: JSON.stringify([i.namespace, i.service]),
          health: [...i.alerts.values()].some(isPaging) ? 'bad' : 'warn',
          cells: {
            service: i.service && i.namespace ? { text: service, href: debugHref(i.service, i.namespace) } : service,
            namespace: i.namespace,
            alerts: [...i.alerts.keys()].join(', '),
            slo: sloCell(i.slos),
            firing: i.firing,
            since: i.since,
          },
        };
      }),
      ...(incidents.length === 0 ? { detail: 'No alerts firing at the end of the range (ALERTS{alertstate="firing"} is empty).' } : {}),
    };
    return { data, warnings: [] };
  },
});

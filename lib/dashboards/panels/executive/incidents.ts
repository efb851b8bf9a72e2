// Incidents over the chosen range: every alert that fired in it, from the ALERTS series Prometheus
// keeps (a range query, so "Last 30 days" shows last week's outage, and a pinned `?time=` what fired
// then), as episodes per affected service with start, end and duration at the range's step.
// Meshwatch's own burn-rate alerts (SLOErrorBudgetBurn, with slo/service/namespace/severity labels)
// also name their SLO, which the row links to.
import type { MeshAdapter } from '@/lib/mesh';
import { matchers } from '@/lib/promql';
import type { Series } from '@/lib/prometheus/query-schemas';
import { humanDuration } from '@/lib/slo/format';
import type { Cell, PanelData } from '../../schema';
import type { PanelParams } from '../../params';
import { compareText } from '../values';
import { definePanel, range } from '../types';
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

const first = (labels: Record<string, string>, names: readonly string[]) => names.map((n) => labels[n] ?? '').find((v) => v !== '') ?? '';

export interface Episode {
  namespace: string;
  service: string;
  alerts: Map<string, string>; // "alertname (severity)" -> severity
  slos: Map<string, string>; // SLO name -> its most urgent severity in the episode
  /** Unix ms of the first step it fired at. */
  startMs: number;
  /** Unix ms of the first step it no longer fired at; null: still firing at the end of the range. */
  endMs: number | null;
}

/**
 * Firing steps of every alert of one service, joined into episodes: a step without any of its alerts
 * firing ends one. Resolution is the range's step.
 */
export function incidentEpisodes(series: readonly Series[], l: TargetLabels, p: Pick<PanelParams, 'end' | 'step'>): Episode[] {
  const stepMs = p.step * 1000;
  const byService = new Map<string, Array<{ t: number; labels: Record<string, string> }>>();
  for (const s of series) {
    const key = JSON.stringify([first(s.labels, l.namespace), first(s.labels, l.service)]);
    const points = s.points.filter(([, v]) => Number.isFinite(v)).map(([t]) => ({ t, labels: s.labels }));
    byService.set(key, [...(byService.get(key) ?? []), ...points]);
  }
  const episodes: Episode[] = [];
  for (const [key, points] of byService) {
    const [namespace = '', service = ''] = JSON.parse(key) as string[];
    let current: (Episode & { lastMs: number }) | undefined;
    const close = () => {
      if (!current) return;
      const { lastMs, ...episode } = current;
      // Firing at the last step of the range: it has not ended (as far as the range shows).
      episodes.push({ ...episode, endMs: lastMs + stepMs / 2 >= p.end * 1000 ? null : lastMs + stepMs });
    };
    for (const { t, labels } of points.sort((a, b) => a.t - b.t)) {
      if (!current || t - current.lastMs > stepMs * 1.5) {
        close();
        current = { namespace, service, alerts: new Map(), slos: new Map(), startMs: t, endMs: null, lastMs: t };
      }
      current.lastMs = t;
      const name = labels.alertname ?? '';
      const severity = labels.severity ?? '';
      current.alerts.set(severity ? `${name} (${severity})` : name, severity);
      const slo = labels.slo;
      if (slo && !isPaging(current.slos.get(slo) ?? '')) current.slos.set(slo, severity);
    }
    close();
  }
  const paging = (e: Episode) => Number([...e.alerts.values()].some(isPaging));
  // Still firing first, then paging ones, then the latest; ties by name.
  return episodes.sort(
    (a, b) =>
      Number(b.endMs === null) - Number(a.endMs === null) || paging(b) - paging(a) || b.startMs - a.startMs || compareText(a.namespace, b.namespace) || compareText(a.service, b.service),
  );
}

/** The SLO whose alert is most urgent (pages first), linking to its page; "+N" when more SLOs burn. */
function sloCell(slos: Map<string, string>): Cell {
  const ranked = [...slos].sort(([a, sa], [b, sb]) => Number(isPaging(sb)) - Number(isPaging(sa)) || compareText(a, b));
  const top = ranked[0];
  if (!top) return '';
  const more = ranked.length > 1 ? ` +${ranked.length - 1}` : '';
  return { text: `${top[0]} (${top[1] || 'alert'})${more}`, href: sloHref(top[0]) };
}

export const incidents = definePanel({
  queries: (p, { mesh }) => {
    const l = targetLabels(mesh);
    return { alerts: range('Firing alerts over the range, by alert and affected service', `max by (${byOf(l)}) (${firing(p, l)})`) };
  },
  transform: ({ alerts }, p, { mesh }) => {
    const episodes = incidentEpisodes(alerts, targetLabels(mesh), p);
    const data: PanelData = {
      kind: 'table',
      columns: [
        { key: 'service', label: 'Service', kind: 'link' },
        { key: 'namespace', label: 'Namespace', kind: 'text' },
        { key: 'alerts', label: 'Alerts', kind: 'text' },
        { key: 'slo', label: 'SLO', kind: 'link' },
        { key: 'start', label: 'Started', unit: 'timestamp', kind: 'number' },
        { key: 'end', label: 'Ended', unit: 'timestamp', kind: 'number' },
        { key: 'duration', label: 'Duration', kind: 'text' },
      ],
      rows: episodes.map((e) => {
        const service = e.service || '(no service label)';
        const seconds = ((e.endMs ?? p.end * 1000) - e.startMs) / 1000;
        return {
          id: JSON.stringify([e.namespace, e.service, e.startMs]),
          health: [...e.alerts.values()].some(isPaging) ? 'bad' : 'warn',
          cells: {
            service: e.service && e.namespace ? { text: service, href: debugHref(e.service, e.namespace) } : service,
            namespace: e.namespace,
            alerts: [...e.alerts.keys()].join(', '),
            slo: sloCell(e.slos),
            start: e.startMs / 1000,
            end: e.endMs === null ? 'still firing' : e.endMs / 1000,
            // Still firing: it has lasted at least this long.
            duration: e.endMs === null ? `${humanDuration(seconds)}+` : humanDuration(seconds),
          },
        };
      }),
      ...(episodes.length === 0 ? { detail: 'No alert fired during the range (ALERTS{alertstate="firing"} is empty over it).' } : {}),
    };
    return { data, warnings: [] };
  },
});

import type { GraphView } from '@/lib/graph';
import type { Policy } from '@/lib/slo/spec';
import { roundUnixSeconds } from './time';
import type { ResolvedRange } from './time-range';

export interface ServicesParams {
  /** Evaluation time, unix seconds. */
  time: number;
  /** PromQL range, e.g. `5m`. */
  window: string;
  namespace?: string;
}

/** What a dashboard panel is asked for: a range from `resolveRange` (already aligned) and optional filters. */
export interface PanelParams extends ResolvedRange {
  namespace?: string;
  service?: string;
  /** A mesh cluster: every panel keeps to it. */
  cluster?: string;
}

export interface GraphKeyParams {
  /** Unix seconds, as chosen on the slider: not rounded, every stop is its own picture. */
  time: number;
  window: string;
  namespace?: string;
  cluster?: string;
  byCluster?: boolean;
  view?: GraphView;
}

export interface BacktestRange {
  from: number;
  to: number;
}

/** Null is "now" on the SLO pages; a pinned time is rounded like every other. */
const rounded = (time: number | null) => (time === null ? null : roundUnixSeconds(time));

/**
 * Hierarchical query keys (perses `querykey-builder.ts`): invalidating a prefix such as
 * `queryKeys.servicesAll()` reaches every entry below it. Times are rounded so the cache hits.
 */
export const queryKeys = {
  all: ['meshwatch'] as const,
  servicesAll: () => [...queryKeys.all, 'services'] as const,
  services: ({ time, window, namespace }: ServicesParams) =>
    [...queryKeys.servicesAll(), { time: roundUnixSeconds(time), window, namespace: namespace || null }] as const,
  panelsAll: () => [...queryKeys.all, 'panels'] as const,
  dashboard: (dashboard: string) => [...queryKeys.panelsAll(), dashboard] as const,
  panel: (dashboard: string, panel: string, { start, end, step, namespace, service, cluster }: PanelParams) =>
    [...queryKeys.dashboard(dashboard), panel, { start, end, step, namespace: namespace || null, service: service || null, cluster: cluster || null }] as const,
  me: () => [...queryKeys.all, 'me'] as const,
  graph: ({ time, window, namespace, cluster, byCluster = false, view = 'service' }: GraphKeyParams) =>
    [...queryKeys.all, 'graph', { view, time, window, namespace: namespace || null, cluster: cluster || null, byCluster }] as const,
  mesh: () => [...queryKeys.all, 'mesh'] as const,
  maintenance: () => [...queryKeys.all, 'maintenance'] as const,
  clusters: () => [...queryKeys.all, 'clusters'] as const,
  meshAlerts: () => [...queryKeys.all, 'mesh-alerts'] as const,
  // SLO keys: every spec and status sits under slosAll so one invalidation after a save reaches all.
  slosAll: () => [...queryKeys.all, 'slos'] as const,
  sloList: () => [...queryKeys.slosAll(), 'list'] as const,
  sloStatuses: (time: number | null) => [...queryKeys.slosAll(), 'statuses', { time: rounded(time) }] as const,
  slosAlerting: (time: number | null) => [...queryKeys.slosAll(), 'alerting', { time: rounded(time) }] as const,
  rulesDelivery: () => [...queryKeys.slosAll(), 'rules-delivery'] as const,
  alertmanagerConfig: (format: string, teams: boolean) => [...queryKeys.slosAll(), 'alertmanager', { format, teams }] as const,
  slo: (name: string) => [...queryKeys.slosAll(), 'spec', name] as const,
  sloStatus: (name: string, time: number | null) => [...queryKeys.slo(name), 'status', { time: rounded(time) }] as const,
  sloBudget: (name: string, time: number | null) => [...queryKeys.slo(name), 'budget', { time: rounded(time) }] as const,
  sloRules: (name: string, format: string) => [...queryKeys.slo(name), 'rules', { format }] as const,
  /** A saved SLO's backtest: under its spec, so a save (which invalidates slosAll) marks it stale. */
  sloBacktest: (name: string, { from, to }: BacktestRange) => [...queryKeys.slo(name), 'backtest', { from, to }] as const,
  /**
   * An unsaved spec's backtest sits outside slosAll on purpose: the save mutation awaits that
   * invalidation, and refetching the form's two open comparisons (seconds each) would hold it up.
   */
  backtestDraft: (spec: unknown, { from, to }: BacktestRange, policy: Policy | null) => [...queryKeys.all, 'backtest-draft', { spec, from, to, policy }] as const,
  sloHistory: (name: string) => [...queryKeys.slo(name), 'history'] as const,
  sloBuckets: (service: string, namespace: string) => [...queryKeys.slosAll(), 'buckets', { service, namespace }] as const,
  /** The monthly SLO report: a month, a from/to pair, or neither (the last complete month). */
  report: ({ month, from, to }: { month?: string; from?: number; to?: number }) =>
    [...queryKeys.all, 'report', { month: month ?? null, from: from ?? null, to: to ?? null }] as const,
};

/**
 * The query string `GET /api/panels/{dashboard}/{panel}` is asked with for the key's (aligned) params:
 * the browser sends it, and the server's prefetch parses the same text with the route's schema.
 */
export function panelSearch(dashboard: string, panel: string, params: PanelParams): string {
  const [, , , , { start, end, step, namespace, service, cluster }] = queryKeys.panel(dashboard, panel, params);
  const search = new URLSearchParams({ start: String(start), end: String(end), step: String(step) });
  if (namespace) search.set('namespace', namespace);
  if (service) search.set('service', service);
  if (cluster) search.set('cluster', cluster);
  return search.toString();
}

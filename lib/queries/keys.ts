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
}

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
  panel: (dashboard: string, panel: string, { start, end, step, namespace, service }: PanelParams) =>
    [...queryKeys.dashboard(dashboard), panel, { start, end, step, namespace: namespace || null, service: service || null }] as const,
  me: () => [...queryKeys.all, 'me'] as const,
  mesh: () => [...queryKeys.all, 'mesh'] as const,
  // SLO keys: every spec and status sits under slosAll so one invalidation after a save reaches all.
  slosAll: () => [...queryKeys.all, 'slos'] as const,
  sloList: () => [...queryKeys.slosAll(), 'list'] as const,
  sloStatuses: (time: number | null) => [...queryKeys.slosAll(), 'statuses', { time: time === null ? null : roundUnixSeconds(time) }] as const,
  slo: (name: string) => [...queryKeys.slosAll(), 'spec', name] as const,
  sloStatus: (name: string, time: number | null) => [...queryKeys.slo(name), 'status', { time: time === null ? null : roundUnixSeconds(time) }] as const,
  sloBudget: (name: string, time: number | null) => [...queryKeys.slo(name), 'budget', { time: time === null ? null : roundUnixSeconds(time) }] as const,
  sloHistory: (name: string) => [...queryKeys.slo(name), 'history'] as const,
  sloBuckets: (service: string, namespace: string) => [...queryKeys.slosAll(), 'buckets', { service, namespace }] as const,
};

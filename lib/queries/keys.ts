import { roundUnixSeconds } from './time';

export interface ServicesParams {
  /** Evaluation time, unix seconds. */
  time: number;
  /** PromQL range, e.g. `5m`. */
  window: string;
  namespace?: string;
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
};

import 'server-only';
import { getPrometheusClient } from '@/lib/prometheus';
import { budgetResponseSchema, sloListResponseSchema, slosStatusResponseSchema } from '@/lib/slo/api-schemas';
import { sloSpecSchema } from '@/lib/slo/spec';
import { sloStatusSchema } from '@/lib/slo/status-schema';
import { evaluateSlo } from '@/lib/slo-engine/evaluate';
import { budgetCurve } from '@/lib/slo-engine/evaluate-curve';
import { specResponse, storedOr404 } from '@/lib/slo-engine/http';
import { storedHints } from '@/lib/slo-engine/recorded-expect';
import { slosStatusResponse } from '@/lib/slo-engine/statuses-response';
import { getSloStore } from '@/lib/store';
import { queryKeys } from '../keys';
import { asJson, type Prefetch } from './prefetch';

// The SLO pages' first data, loaded in-process as their API routes load it, under the hooks' keys
// (lib/queries/slo-hooks.ts). `time` is the URL's `?time=` or null for now, as the hooks take it.

const at = (time: number | null) => time ?? Date.now() / 1000;

export function sloListPrefetch(): Prefetch {
  return {
    queryKey: queryKeys.sloList(),
    load: () =>
      Promise.resolve(
        sloListResponseSchema.parse(
          asJson(
            getSloStore()
              .list()
              .map((s) => s.spec),
          ),
        ),
      ),
  };
}

export function sloStatusesPrefetch(time: number | null): Prefetch {
  return {
    queryKey: queryKeys.sloStatuses(time),
    load: async (signal) => slosStatusResponseSchema.parse(asJson(await slosStatusResponse({ client: getPrometheusClient(), time: at(time), signal }))),
  };
}

/** The spec with its ETag, as useSlo reads them from `GET /api/slos/{name}`. */
export function sloPrefetch(name: string): Prefetch {
  return {
    queryKey: queryKeys.slo(name),
    load: async () => {
      const response = specResponse(storedOr404(name));
      return { spec: sloSpecSchema.parse(await response.json()), etag: response.headers.get('etag') };
    },
  };
}

export function sloStatusPrefetch(name: string, time: number | null): Prefetch {
  return {
    queryKey: queryKeys.sloStatus(name, time),
    load: async (signal) => {
      const stored = storedOr404(name);
      const status = await evaluateSlo(stored.spec, { client: getPrometheusClient(), time: at(time), signal, recordedHints: storedHints([stored]) });
      return sloStatusSchema.parse(asJson(status));
    },
  };
}

export function sloBudgetPrefetch(name: string, time: number | null): Prefetch {
  return {
    queryKey: queryKeys.sloBudget(name, time),
    load: async (signal) => {
      const { spec } = storedOr404(name);
      const curve = await budgetCurve(spec, { client: getPrometheusClient(), time: at(time), signal });
      return budgetResponseSchema.parse(asJson({ name: spec.name, ...curve }));
    },
  };
}

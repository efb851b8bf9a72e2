import { z } from 'zod';
import { namespaceParamSchema, parseSearchParams, timeParamSchema, windowParamSchema, type JsonOptions } from '@/lib/api';
import { panelQuerySchema } from '@/lib/dashboards/params';
import { serviceSummary } from '@/lib/dashboards/services-summary';
import { getPrometheusClient, liveTime } from '@/lib/prometheus';
import { durationToPromql } from '@/lib/promql/duration';
import type { ServicesResponse } from '@/lib/queries/schemas';
import { sloStoreRevision } from '@/lib/store';

// The services table's work, as `GET /api/services` and a dashboard's batch (`panels=...,services`)
// both serve it: the same validation, the same run, one shared answer keyed on the /api/services URL.

const paramsSchema = z.object({
  time: timeParamSchema,
  window: windowParamSchema.default('5m'),
  namespace: namespaceParamSchema,
});

type Work = { run: (signal: AbortSignal) => Promise<ServicesResponse>; options: JsonOptions<ServicesResponse> };

/** The run behind `GET /api/services` at `url`, or a thrown ZodError (422, bad parameters). */
export function servicesWork(url: string): Work {
  // Without a time, now on the live grid: viewers within the same seconds share the answer.
  const { time = liveTime(), window, namespace } = parseSearchParams(paramsSchema, url);
  // The health column reads stored SLOs: kept under the store's revision, so an edit shows at once.
  const revision = sloStoreRevision();
  return {
    run: (signal) => serviceSummary({ client: getPrometheusClient(), time, window, namespace, signal }),
    options: { keep: revision !== undefined, revision },
  };
}

/**
 * The `/api/services` URL a dashboard's table asks for with its panels at `panelUrl` (a panel's range
 * and filters): the range's end, over its length, in the namespace; ordered as the browser orders it
 * (lib/queries/use-services.ts), so the batch and the single route share one answer.
 */
export function dashboardServicesUrl(panelUrl: string): string {
  // The panels' own parameters (a bad range is their 422; none is their default last hour).
  const { start, end, namespace } = parseSearchParams(panelQuerySchema, panelUrl);
  const search = new URLSearchParams({ time: String(end), window: durationToPromql(end - start) });
  if (namespace) search.set('namespace', namespace);
  return new URL(`/api/services?${search.toString()}`, panelUrl).href;
}

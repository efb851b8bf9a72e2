import { z } from 'zod';
import { apiHandler, namespaceParamSchema, parseSearchParams, timeParamSchema, windowParamSchema } from '@/lib/api';
import { getEnv } from '@/lib/env';
import { healthVerdict } from '@/lib/health';
import { combineServiceSummary, type MeshSample } from '@/lib/mesh';
import { detectedMesh } from '@/lib/mesh-detected';
import { getPrometheusClient, type InstantResult } from '@/lib/prometheus';
import { parsePromDuration } from '@/lib/promql';
import type { ServicesResponse } from '@/lib/queries/schemas';
import { serviceSloStatuses } from '@/lib/slo-engine/stored-statuses';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({
  time: timeParamSchema,
  window: windowParamSchema.default('5m'),
  namespace: namespaceParamSchema,
});

function vectorSamples(result: InstantResult): MeshSample[] {
  // Our queries always aggregate to a vector; anything else is a bug worth a 500, not an empty table.
  if (result.resultType !== 'vector') throw new Error(`expected a vector, got a ${result.resultType}`);
  return result.samples;
}

/** GET /api/services?time=<unix s>&window=5m&namespace=<ns>: rate, success ratio, p95 and health per
 * service, in the detected mesh's PromQL (lib/mesh-detected); health also reads the SLOs at `time`. */
export const GET = apiHandler('/api/services', async (request: Request) => {
  const { time = Date.now() / 1000, window, namespace } = parseSearchParams(paramsSchema, request.url);
  const client = getPrometheusClient();
  // Cached per process, so after the first load this adds no query; MESH=istio|linkerd skips it.
  const mesh = await detectedMesh(client, request.signal);
  // Every adapter names its summary columns with Istio's destination labels, so one reader joins them.
  const queries = mesh.adapter.serviceSummaryQueries({ window, namespace });
  // One explicit time for all three so their vectors describe the same instant.
  const run = (query: string) => client.instantQuery(query, { time, signal: request.signal });
  const [rps, successRatio, p95Ms, slos] = await Promise.all([
    run(queries.rps),
    run(queries.successRatio),
    run(queries.p95Ms),
    serviceSloStatuses({ client, time, namespace, signal: request.signal }),
  ]);
  const summary = combineServiceSummary({ rps: vectorSamples(rps), successRatio: vectorSamples(successRatio), p95Ms: vectorSamples(p95Ms) });
  const windowSeconds = parsePromDuration(window);
  const body: ServicesResponse = {
    evaluatedAt: new Date(time * 1000).toISOString(),
    window,
    services: summary.map((row) => ({
      ...row,
      health: healthVerdict(
        {
          errorRatio: row.successRatio === null ? null : 1 - row.successRatio,
          rps: row.rps,
          windowSeconds,
          slos: slos.get(`${row.namespace}/${row.service}`) ?? [],
        },
        getEnv().health,
      ),
    })),
    queries: [queries.rps, queries.successRatio, queries.p95Ms],
    warnings: [...new Set([...mesh.warnings, ...[rps, successRatio, p95Ms].flatMap((r) => r.warnings)])],
  };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});

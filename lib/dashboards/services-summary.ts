import 'server-only';
import { getEnv } from '@/lib/env';
import { healthVerdict } from '@/lib/health';
import { combineServiceSummary, type MeshSample } from '@/lib/mesh';
import { detectedMesh } from '@/lib/mesh-detected';
import type { InstantResult, PrometheusClient } from '@/lib/prometheus';
import { parsePromDuration } from '@/lib/promql';
import type { ServicesResponse } from '@/lib/queries/schemas';
import { serviceSloStatusesOrWarning } from '@/lib/slo-engine/stored-statuses';

export interface ServiceSummaryOptions {
  client: PrometheusClient;
  /** Evaluation time, unix seconds. */
  time: number;
  /** PromQL window, e.g. `5m`. */
  window: string;
  namespace?: string;
  signal?: AbortSignal;
}

function vectorSamples(result: InstantResult): MeshSample[] {
  // Our queries always aggregate to a vector; anything else is a bug worth a 500, not an empty table.
  if (result.resultType !== 'vector') throw new Error(`expected a vector, got a ${result.resultType}`);
  return result.samples;
}

/**
 * Rate, success ratio, p95 and health per service at `time`, in the detected mesh's PromQL; health also
 * reads the SLOs at `time`. Behind `GET /api/services` and the dashboards' server prefetch.
 */
export async function serviceSummary({ client, time, window, namespace, signal }: ServiceSummaryOptions): Promise<ServicesResponse> {
  // Cached per process, so after the first load this adds no query; MESH=istio|linkerd skips it.
  const mesh = await detectedMesh(client, signal);
  // Every adapter names its summary columns with Istio's destination labels, so one reader joins them.
  const queries = mesh.adapter.serviceSummaryQueries({ window, namespace });
  // One explicit time for all three so their vectors describe the same instant.
  const run = (query: string) => client.instantQuery(query, { time, signal });
  const [rps, successRatio, p95Ms, { slos, warnings: sloWarnings }] = await Promise.all([
    run(queries.rps),
    run(queries.successRatio),
    run(queries.p95Ms),
    serviceSloStatusesOrWarning({ client, time, namespace, signal }),
  ]);
  const summary = combineServiceSummary({ rps: vectorSamples(rps), successRatio: vectorSamples(successRatio), p95Ms: vectorSamples(p95Ms) });
  const windowSeconds = parsePromDuration(window);
  return {
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
    warnings: [...new Set([...mesh.warnings, ...[rps, successRatio, p95Ms].flatMap((r) => r.warnings), ...sloWarnings])],
  };
}

import 'server-only';
import { readDim, type MeshAdapter } from '@/lib/mesh';
import type { PrometheusClient } from '@/lib/prometheus';
import { durationToPromql } from '@/lib/promql';
import type { ReportService } from './schema';

// What the report asks the mesh itself, through its adapter: every service's availability over the
// period (one query grouped by service) and where the data begins within the period.

interface MeshRead {
  client: PrometheusClient;
  mesh: MeshAdapter;
  from: number;
  to: number;
  signal?: AbortSignal;
}

/** The request rate's window when looking for the first data: 5 minutes, the dashboards' default. */
const PROBE_WINDOW_SECONDS = 300;
/** Prometheus answers at most 11,000 points per series; stay under it with some room. */
const MAX_POINTS = 10_000;

/** 1 - error ratio over [from, to] of every service with traffic, by namespace then name. */
export async function serviceAvailability({ client, mesh, from, to, signal }: MeshRead): Promise<ReportService[]> {
  const q = mesh.errorRatio({ window: durationToPromql(to - from), by: 'service' });
  const result = await client.instantQuery(q.promql, { time: to, signal });
  if (result.resultType !== 'vector') return [];
  return result.samples
    .filter((s) => Number.isFinite(s.value))
    .map((s) => ({ service: readDim(s.labels, q, 'service'), namespace: readDim(s.labels, q, 'namespace'), availability: 1 - s.value }))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.service.localeCompare(b.service));
}

/**
 * When the mesh's data begins within [from, to], to a step (5 minutes for a month), or null
 * when there is traffic at `from` already (or none at all): one range query of the mesh's request rate.
 * A rate needs two samples, so the first point with one is up to a window after the data starts:
 * the window is taken back off (not before `from`).
 */
export async function dataStart({ client, mesh, from, to, signal }: MeshRead): Promise<number | null> {
  const step = Math.max(PROBE_WINDOW_SECONDS, Math.ceil((to - from) / MAX_POINTS / 60) * 60);
  const q = mesh.requestRate({ window: durationToPromql(PROBE_WINDOW_SECONDS), by: 'mesh' });
  const result = await client.rangeQuery(q.promql, { start: from, end: to, step, signal });
  const first = Math.min(...result.series.flatMap((s) => s.points.filter(([, v]) => Number.isFinite(v)).map(([ms]) => ms / 1000)));
  if (!Number.isFinite(first)) return null;
  const start = first - PROBE_WINDOW_SECONDS;
  return start <= from ? null : start;
}

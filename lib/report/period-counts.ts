import 'server-only';
import { PrometheusError, type PrometheusClient } from '@/lib/prometheus';
import { detectedSli } from '@/lib/mesh-detected';
import { durationToPromql } from '@/lib/promql';
import { countsFromResults, planRawQueries, type CountSample } from '@/lib/slo-engine/bulk-queries';
import type { SloSpec } from '@/lib/slo/spec';
import type { WindowCounts } from '@/lib/slo/status';

// Each SLO's good and total events over a whole report period: the engine's own grouped counter
// queries (bulk-queries.ts, one per indicator kind plus one per custom SLO) with a range of exactly
// `to - from` seconds, read at `to`. The only place the report builds SLO counter queries, so a change
// in how the engine spells them is made here once; the detected mesh's SLI source spells them.

export interface PeriodRead {
  client: PrometheusClient;
  from: number;
  to: number;
  signal?: AbortSignal;
}

export type PeriodCounts = { counts: WindowCounts; error: null } | { counts: null; error: string };

export async function periodCounts(specs: readonly SloSpec[], { client, from, to, signal }: PeriodRead): Promise<Map<string, PeriodCounts>> {
  const window = durationToPromql(to - from);
  const sli = await detectedSli(client, signal);
  const queries = planRawQueries(
    specs.map((spec) => ({ spec, windows: [window] })),
    sli,
  );
  const results = new Map<string, CountSample[]>();
  const failed = new Map<string, string>();
  await Promise.all(
    queries.map(async (q) => {
      try {
        const result = await client.instantQuery(q.query, { time: to, signal });
        if (result.resultType !== 'vector') throw new Error(`expected a vector, got a ${result.resultType}`);
        results.set(q.id, result.samples);
      } catch (err) {
        // A custom SLO's own PromQL that Prometheus rejects fails that SLO alone, as in evaluate.ts.
        if (!q.id.startsWith('custom:') || !(err instanceof PrometheusError) || err.kind !== 'api') throw err;
        failed.set(q.id.slice('custom:'.length, q.id.lastIndexOf(':')), `Prometheus rejected the custom query: ${err.error ?? err.message}`);
      }
    }),
  );
  const out = new Map<string, PeriodCounts>();
  for (const spec of specs) {
    const error = failed.get(spec.name);
    if (error) {
      out.set(spec.name, { counts: null, error });
      continue;
    }
    const read = countsFromResults(spec, results, sli, [window]);
    const counts = read.ok ? read.counts[window] : undefined;
    if (counts) out.set(spec.name, { counts, error: null });
    else out.set(spec.name, { counts: null, error: read.ok ? 'no counts' : `${read.missingThresholdMs} ms is not a latency bucket boundary in the data` });
  }
  return out;
}

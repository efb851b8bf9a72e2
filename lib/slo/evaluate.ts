import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { pool } from '@/lib/concurrency';
import { PrometheusError, type InstantResult, type PrometheusClient } from '@/lib/prometheus';
import { bucketBoundaries, checkThreshold } from './buckets';
import { countsFromResults, planRawQueries, type CountQuery, type CountSample } from './bulk-queries';
import { ISTIO_DURATION_BUCKETS, SERVICE_LABELS, istioSelector } from './queries';
import { planRecordedQuery, rawNeeds, readRecorded, sourcesOf, type SpecRead } from './recorded-read';
import type { SloSpec } from './spec';
import { buildStatus } from './status';
import type { SloStatus } from './status-schema';

// Evaluation against Prometheus at one instant: first one query for the series the generated recording
// rules keep (recorded-read.ts), then the bounded raw plan of bulk-queries.ts for the SLOs and windows
// without them, and the per-window increases become statuses. Burn rates are
// sum(increase(bad)) / sum(increase(total)) / (1 - objective) on both paths.

/**
 * All of one evaluation's raw queries at once (a plan holds about one per window per indicator kind):
 * on a slow Prometheus they take one query's time, not one per round. The client's process-wide cap
 * (PROMETHEUS_MAX_CONCURRENCY) bounds what reaches Prometheus and takes turns between requests.
 */
const QUERY_CONCURRENCY = 16;
/** Bucket boundaries are read from the last day of data: recent enough to be the current histogram. */
const BUCKET_LOOKBACK_SECONDS = 86_400;

export interface EvaluateOptions {
  client: PrometheusClient;
  /** Unix seconds. */
  time: number;
  signal?: AbortSignal;
  /** Read the recording rules' series where they exist (default); false forces the raw counters. */
  recorded?: boolean;
}

export interface EvaluationError {
  code: string;
  message: string;
  details?: unknown;
}

export type SloEvaluation = { name: string; status: SloStatus; error: null } | { name: string; status: null; error: EvaluationError };

function samplesOf(result: InstantResult): CountSample[] {
  if (result.resultType !== 'vector') throw new Error(`expected a vector, got a ${result.resultType}`);
  return result.samples;
}

/** Finite `le` boundaries of the service's latency histogram over the last day before `time`. */
export async function findBucketBoundaries(
  target: Pick<SloSpec, 'service' | 'namespace'>,
  { client, time, signal }: EvaluateOptions,
): Promise<number[]> {
  const match = istioSelector(ISTIO_DURATION_BUCKETS, { [SERVICE_LABELS.namespace]: target.namespace, [SERVICE_LABELS.service]: target.service });
  const values = await client.labelValues('le', { match: [match], start: time - BUCKET_LOOKBACK_SECONDS, end: time, signal });
  return bucketBoundaries(values);
}

async function missingBucket(spec: SloSpec, thresholdMs: number, opts: EvaluateOptions): Promise<EvaluationError> {
  const check = checkThreshold(thresholdMs, await findBucketBoundaries(spec, opts));
  const message = check.ok ? `${thresholdMs} ms is not a bucket boundary in the data` : check.message;
  return { code: 'threshold_not_a_bucket', message, details: { thresholdMs, nearest: check.ok ? [] : check.nearest } };
}

export interface SlosEvaluation {
  evaluations: SloEvaluation[];
  queryCount: number;
  /** The queries that ran, the recorded-series read first (for a panel's Inspect view). */
  queries: CountQuery[];
}

/**
 * Statuses of all `specs` at `time`. A failing shared query fails the whole call (PrometheusError);
 * a custom SLO whose own PromQL Prometheus rejects, or a latency threshold that is not a bucket,
 * fails only that SLO.
 */
export async function evaluateSlos(specs: readonly SloSpec[], opts: EvaluateOptions): Promise<SlosEvaluation> {
  const recordedQuery = opts.recorded === false ? null : planRecordedQuery(specs);
  const recorded = recordedQuery ? await readRecordedSamples(recordedQuery, opts) : [];
  const reads: SpecRead[] = specs.map((spec) => readRecorded(spec, recorded));
  const queries = planRawQueries(rawNeeds(specs, reads));
  const results = new Map<string, CountSample[]>();
  const failed = new Map<string, EvaluationError>();
  await pool(queries, QUERY_CONCURRENCY, async (q) => {
    try {
      results.set(q.id, samplesOf(await opts.client.instantQuery(q.query, { time: opts.time, signal: opts.signal })));
    } catch (err) {
      const custom = q.id.startsWith('custom:');
      if (!(custom && err instanceof PrometheusError && err.kind === 'api')) throw err;
      failed.set(q.id.split(':')[1] ?? '', { code: 'query_failed', message: `Prometheus rejected the custom query: ${err.error ?? err.message}` });
    }
  });
  const evaluations = await Promise.all(
    specs.map(async (spec, i): Promise<SloEvaluation> => {
      const read = reads[i] ?? { recorded: {}, rawWindows: [] };
      const error = read.rawWindows.length > 0 ? failed.get(spec.name) : undefined;
      if (error) return { name: spec.name, status: null, error };
      const raw = countsFromResults(spec, results, read.rawWindows);
      if (!raw.ok) return { name: spec.name, status: null, error: await missingBucket(spec, raw.missingThresholdMs, opts) };
      const status = buildStatus(spec, { ...raw.counts, ...read.recorded }, opts.time);
      return { name: spec.name, status: { ...status, source: sourcesOf(spec, read) }, error: null };
    }),
  );
  const ran = recordedQuery ? [recordedQuery, ...queries] : queries;
  return { evaluations, queryCount: ran.length, queries: ran };
}

/**
 * The recorded series, or none when Prometheus rejects the query (a proxy limiting regex size, say):
 * the raw plan still answers then. Network failures and timeouts propagate like any shared query's.
 */
async function readRecordedSamples(query: CountQuery, opts: EvaluateOptions): Promise<CountSample[]> {
  try {
    return samplesOf(await opts.client.instantQuery(query.query, { time: opts.time, signal: opts.signal }));
  } catch (err) {
    if (err instanceof PrometheusError && err.kind === 'api') return [];
    throw err;
  }
}

/** The status of one SLO; its evaluation error becomes a 422 naming the problem. */
export async function evaluateSlo(spec: SloSpec, opts: EvaluateOptions): Promise<SloStatus> {
  const [evaluation] = (await evaluateSlos([spec], opts)).evaluations;
  if (!evaluation) throw new Error('no evaluation');
  if (evaluation.error) throw new ApiError(422, evaluation.error.code, evaluation.error.message, evaluation.error.details);
  return evaluation.status;
}

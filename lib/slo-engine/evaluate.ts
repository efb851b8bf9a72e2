import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { pool } from '@/lib/concurrency';
import { getEnv } from '@/lib/env';
import type { RegionMap } from '@/lib/env-regions';
import { PrometheusError, type InstantResult, type PrometheusClient } from '@/lib/prometheus';
import { bucketBoundaries, checkThreshold } from '@/lib/slo/buckets';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';
import { withRegions } from '@/lib/slo/regions';
import { buildStatus } from '@/lib/slo/status';
import type { SloStatus } from '@/lib/slo/status-schema';
import { countsFromResults, planRawQueries, type CountQuery, type CountSample } from './bulk-queries';
import { excludedCounts, exclusionsOf, withoutMaintenance, type ExclusionWindow, type SpecExclusion } from './maintenance-exclusion';
import { getMaintenanceStore } from '@/lib/store';
import type { WindowCounts } from '@/lib/slo/status';
import { windowSeconds } from '@/lib/slo/windows';
import { meshSli } from './mesh-sli';
import { planRecordedQuery, rawNeeds, readRecorded, sourcesOf, type SpecRead } from './recorded-read';
import { planRegionQueries, regionalSpecs, regionCountsFromResults } from './region-queries';

// Evaluation against Prometheus at one instant, as one pipeline:
//   1. recorded: one query for the series the generated recording rules keep (recorded-read.ts), split
//      per SLO and window into recorded counts and windows left to the raw counters;
//   2. raw: the bounded plan of bulk-queries.ts for those windows, run a few at a time;
//   3. status: each SLO's per-window counts (recorded, then raw) become its status; perRegion SLOs add
//      their regions' from one more raw query per window, grouped by serving cluster (region-queries.ts).
// Burn rates are sum(increase(bad)) / sum(increase(total)) / (1 - objective) on both paths. The
// counters are the mesh's (its SliSource), the detected mesh's unless the caller gives one.

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
  /** The mesh's SLI counters; default: the mesh detected in Prometheus (lib/mesh-detected.ts). */
  sli?: SliSource;
  /** Maintenance windows for SLOs with excludeMaintenance; default: the stored ones (read only when such an SLO is evaluated). */
  maintenance?: readonly ExclusionWindow[];
  /** Cluster -> region for perRegion SLOs; default MESHWATCH_REGIONS (empty: no region figures). */
  regions?: RegionMap;
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
export async function findBucketBoundaries(target: Pick<SloSpec, 'service' | 'namespace'>, opts: EvaluateOptions): Promise<number[]> {
  const { client, time, signal } = opts;
  const sli = await meshSli(client, signal, opts.sli);
  const match = sli.latencyBuckets({ namespace: target.namespace, service: target.service });
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

/** Step 1: the recorded counts of each spec, and the windows left to the raw counters. */
async function readRecordedStep(specs: readonly SloSpec[], sli: SliSource, opts: EvaluateOptions): Promise<{ reads: SpecRead[]; query: CountQuery | null }> {
  const query = opts.recorded === false ? null : planRecordedQuery(specs);
  const samples = query ? await readRecordedSamples(query, opts) : [];
  return { reads: specs.map((spec) => readRecorded(spec, samples, sli)), query };
}

/**
 * Step 2: the raw queries for what step 1 left, run a few at a time. A failing shared query fails the
 * call; a custom SLO's own query that Prometheus rejects fails only that SLO (`failed`, by name).
 */
async function readRawStep(specs: readonly SloSpec[], reads: readonly SpecRead[], sli: SliSource, opts: EvaluateOptions, regional: readonly SloSpec[]) {
  const queries = [...planRawQueries(rawNeeds(specs, reads), sli), ...planRegionQueries(regional, sli)];
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
  return { queries, results, failed };
}

/** Step 2b: for SLOs that exclude maintenance, the counts inside their windows (maintenance-exclusion.ts). */
async function maintenanceStep(specs: readonly SloSpec[], sli: SliSource, opts: EvaluateOptions) {
  const excluding = specs.filter((s) => s.excludeMaintenance);
  if (excluding.length === 0) return { exclusions: new Map<string, SpecExclusion>(), counts: new Map<string, WindowCounts>(), queries: [] };
  const longest = Math.max(...excluding.map((s) => windowSeconds(s.window)));
  const windows = opts.maintenance ?? getMaintenanceStore().list({ from: opts.time - longest, to: opts.time });
  const exclusions = exclusionsOf(excluding, windows, opts.time);
  const { counts, queries } = await excludedCounts(excluding, exclusions, sli, { client: opts.client, signal: opts.signal, concurrency: QUERY_CONCURRENCY });
  return { exclusions, counts, queries };
}

/** Step 3: one spec's counts (recorded, then raw) as its status, or why it has none. */
async function statusStep(
  spec: SloSpec,
  read: SpecRead,
  raw: Awaited<ReturnType<typeof readRawStep>>,
  maintenance: Awaited<ReturnType<typeof maintenanceStep>>,
  sli: SliSource,
  opts: EvaluateOptions & { regions: RegionMap; regional: boolean },
): Promise<SloEvaluation> {
  const error = read.rawWindows.length > 0 ? raw.failed.get(spec.name) : undefined;
  if (error) return { name: spec.name, status: null, error };
  const counts = countsFromResults(spec, raw.results, sli, read.rawWindows);
  if (!counts.ok) return { name: spec.name, status: null, error: await missingBucket(spec, counts.missingThresholdMs, { ...opts, sli }) };
  const all = { ...counts.counts, ...read.recorded };
  const exclusion = maintenance.exclusions.get(spec.name);
  // Mutates `all`: the SLO window's counts leave the maintenance windows' requests out (region figures do not).
  const excluded = exclusion ? { maintenance: withoutMaintenance(spec, all, exclusion, maintenance.counts.get(spec.name)) } : {};
  const status = { ...buildStatus(spec, all, opts.time), source: sourcesOf(spec, read), ...excluded };
  if (!opts.regional) return { name: spec.name, status, error: null };
  return { name: spec.name, status: withRegions(status, spec, regionCountsFromResults(spec, raw.results, sli, opts.regions), opts.time), error: null };
}

/**
 * Statuses of all `specs` at `time`. A failing shared query fails the whole call (PrometheusError);
 * a custom SLO whose own PromQL Prometheus rejects, or a latency threshold that is not a bucket,
 * fails only that SLO.
 */
export async function evaluateSlos(specs: readonly SloSpec[], opts: EvaluateOptions): Promise<SlosEvaluation> {
  const sli = await meshSli(opts.client, opts.signal, opts.sli);
  const regions = opts.regions ?? getEnv().regions;
  const regional = regionalSpecs(specs, regions);
  const recorded = await readRecordedStep(specs, sli, opts);
  const [raw, maintenance] = await Promise.all([readRawStep(specs, recorded.reads, sli, opts, regional), maintenanceStep(specs, sli, opts)]);
  const evaluations = await Promise.all(
    specs.map((spec, i) =>
      statusStep(spec, recorded.reads[i] ?? { recorded: {}, rawWindows: [] }, raw, maintenance, sli, { ...opts, regions, regional: regional.includes(spec) }),
    ),
  );
  const ran = [...(recorded.query ? [recorded.query] : []), ...raw.queries, ...maintenance.queries];
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

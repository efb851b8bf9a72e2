import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { getEnv } from '@/lib/env';
import type { RegionMap } from '@/lib/env-regions';
import { PrometheusError, type PrometheusClient } from '@/lib/prometheus';
import { bucketBoundaries, checkThreshold } from '@/lib/slo/buckets';
import { sliHash } from '@/lib/slo/sli-hash';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';
import { withRegions } from '@/lib/slo/regions';
import { buildStatus, statusWindows } from '@/lib/slo/status';
import type { SloStatus } from '@/lib/slo/status-schema';
import { countsFromResults, planRawQueries, type CountQuery, type CountSample } from './bulk-queries';
import { excludedCounts, exclusionsOf, withoutMaintenance, type ExclusionWindow, type SpecExclusion } from './maintenance-exclusion';
import { getMaintenanceStore } from '@/lib/store';
import type { WindowCounts } from '@/lib/slo/status';
import { windowSeconds } from '@/lib/slo/windows';
import { meshSli } from './mesh-sli';
import { emptyAnswers, QUERY_CONCURRENCY, requireAnswers, runCountQueries, samplesOf, type RawAnswers } from './raw-read';
import { besideWindows, learnMissing, type RecordedHints } from './recorded-expect';
import { coveredWindows, needsOf, planRecordedQuery, readRecorded, sourcesOf, type SpecRead } from './recorded-read';
import { planRegionQueries, regionalSpecs, regionCountsFromResults } from './region-queries';

// Evaluation against Prometheus at one instant, as one pipeline:
//   1. at once: one query for the series the generated recording rules keep (recorded-read.ts), the
//      raw counters of windows no rule records, those of SLOs whose recorded series are not expected
//      at the instant (recorded-expect.ts: new definitions, rules known missing), the perRegion SLOs'
//      region queries and the maintenance exclusions; so on a slow Prometheus a status takes one
//      round trip, while the normal path sends no raw query a recorded series answers;
//   2. raw: the bounded plan of bulk-queries.ts for windows the recorded read lacked unexpectedly;
//   3. status: each SLO's per-window counts (recorded where present, else raw) become its status;
//      perRegion SLOs add their regions' from one raw query per window, grouped by serving cluster.
// Burn rates are sum(increase(bad)) / sum(increase(total)) / (1 - objective) on both paths. The
// counters are the mesh's (its SliSource), the detected mesh's unless the caller gives one.

/** Bucket boundaries are read from the last day of data: recent enough to be the current histogram. */
const BUCKET_LOOKBACK_SECONDS = 86_400;

export interface EvaluateOptions {
  client: PrometheusClient;
  /** Unix seconds. */
  time: number;
  signal?: AbortSignal;
  /** Read the recording rules' series where they exist (default); false forces the raw counters. */
  recorded?: boolean;
  /**
   * When each SLO's definition dates from (the store's), to send raw queries beside the recorded read
   * where its series are not expected (recorded-expect.ts); without it they follow it, where missing.
   */
  recordedHints?: RecordedHints;
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

/** Windows of `spec` whose raw counters step 1 asks for: those no rule records, and those whose recorded series are not expected. */
function earlyWindows(spec: SloSpec, hash: string, covered: readonly string[], reading: boolean, opts: EvaluateOptions): string[] {
  if (!reading) return statusWindows(spec);
  const beside = new Set(besideWindows(spec, hash, covered, opts.time, opts.recordedHints));
  return statusWindows(spec).filter((w) => !covered.includes(w) || beside.has(w));
}

/**
 * Steps 1 and 2: the recorded read with the raw queries known or guessed to be needed beside it,
 * then raw queries for what it lacked beyond those. Each spec's recorded counts and raw windows, and
 * every raw answer. A failing shared query that is needed fails the call (one sent beside the
 * recorded read and not needed does not); a custom SLO's own query that Prometheus rejects fails only that SLO.
 */
async function readCountsStep(specs: readonly SloSpec[], sli: SliSource, opts: EvaluateOptions, regional: readonly SloSpec[]) {
  const recordedQuery = opts.recorded === false ? null : planRecordedQuery(specs);
  const hashes = specs.map((spec) => sliHash(spec, sli));
  const covered = specs.map((spec) => coveredWindows(spec));
  const early = specs.map((spec, i) => earlyWindows(spec, hashes[i] ?? '', covered[i] ?? [], recordedQuery !== null, opts));
  const regionQueries = planRegionQueries(regional, sli);
  const raw = emptyAnswers();
  const [samples] = await Promise.all([
    recordedQuery ? readRecordedSamples(recordedQuery, opts) : Promise.resolve([]),
    runCountQueries([...planRawQueries(needsOf(specs, early), sli), ...regionQueries], opts, raw, true),
  ]);
  const reads = specs.map((spec) => readRecorded(spec, samples, sli));
  if (recordedQuery) {
    specs.forEach((spec, i) => learnMissing(spec, hashes[i] ?? '', reads[i]?.rawWindows.filter((w) => covered[i]?.includes(w)) ?? [], opts.time, opts.recordedHints));
  }
  const answered = specs.map((_, i) => reads[i]?.rawWindows.filter((w) => early[i]?.includes(w)) ?? []);
  requireAnswers(raw, [...planRawQueries(needsOf(specs, answered), sli), ...regionQueries].map((q) => q.id));
  const late = specs.map((_, i) => reads[i]?.rawWindows.filter((w) => !early[i]?.includes(w)) ?? []);
  await runCountQueries(planRawQueries(needsOf(specs, late), sli), opts, raw);
  return { reads, raw, recordedQuery };
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
  raw: RawAnswers,
  maintenance: Awaited<ReturnType<typeof maintenanceStep>>,
  sli: SliSource,
  opts: EvaluateOptions & { regions: RegionMap; regional: boolean },
): Promise<SloEvaluation> {
  const rejected = read.rawWindows.length > 0 ? raw.failed.get(spec.name) : undefined;
  if (rejected !== undefined) return { name: spec.name, status: null, error: { code: 'query_failed', message: rejected } };
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
  const [counts, maintenance] = await Promise.all([readCountsStep(specs, sli, opts, regional), maintenanceStep(specs, sli, opts)]);
  const evaluations = await Promise.all(
    specs.map((spec, i) =>
      statusStep(spec, counts.reads[i] ?? { recorded: {}, rawWindows: [] }, counts.raw, maintenance, sli, { ...opts, regions, regional: regional.includes(spec) }),
    ),
  );
  const ran = [...(counts.recordedQuery ? [counts.recordedQuery] : []), ...counts.raw.queries, ...maintenance.queries];
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

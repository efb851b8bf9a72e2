import 'server-only';
import { pool } from '@/lib/concurrency';
import { PrometheusError, type InstantResult, type PrometheusClient } from '@/lib/prometheus';
import type { CountQuery, CountSample } from './bulk-queries';

// Running one evaluation's raw count queries at its instant, a bounded number at a time. An evaluation
// may run them in two rounds (beside the recorded read, then for windows it unexpectedly lacked), so
// answers of one id from both rounds are merged: each round groups by service over other SLOs, and a
// service's figure is the same in every query that selects it.

/**
 * All of one evaluation's raw queries at once (a plan holds about one per window per indicator kind):
 * on a slow Prometheus they take one query's time, not one per round. The client's process-wide cap
 * (PROMETHEUS_MAX_CONCURRENCY) bounds what reaches Prometheus and takes turns between requests.
 */
export const QUERY_CONCURRENCY = 16;

export interface RawRunOptions {
  client: PrometheusClient;
  /** Unix seconds. */
  time: number;
  signal?: AbortSignal;
}

export interface RawAnswers {
  /** The queries that ran. */
  queries: CountQuery[];
  /** Samples by query id. */
  results: Map<string, CountSample[]>;
  /** A custom SLO (by name) whose own PromQL Prometheus rejected: it fails alone. */
  failed: Map<string, string>;
  /** Failures of queries sent before their answer was known to be needed, by id: thrown only if it is (`requireAnswers`). */
  pending: Map<string, unknown>;
}

export const emptyAnswers = (): RawAnswers => ({ queries: [], results: new Map(), failed: new Map(), pending: new Map() });

export function samplesOf(result: InstantResult): CountSample[] {
  if (result.resultType !== 'vector') throw new Error(`expected a vector, got a ${result.resultType}`);
  return result.samples;
}

/**
 * Runs `queries` into `into`. A custom SLO's own query that Prometheus rejects fails only that SLO.
 * Any other failure fails the call, unless `deferFailures` (queries whose answers may go unused): then
 * it is kept in `pending` for `requireAnswers`, so an unneeded query never fails an evaluation.
 */
export async function runCountQueries(queries: readonly CountQuery[], opts: RawRunOptions, into: RawAnswers, deferFailures = false): Promise<RawAnswers> {
  into.queries.push(...queries);
  await pool(queries, QUERY_CONCURRENCY, async (q) => {
    try {
      const samples = samplesOf(await opts.client.instantQuery(q.query, { time: opts.time, signal: opts.signal }));
      into.results.set(q.id, [...(into.results.get(q.id) ?? []), ...samples]);
    } catch (err) {
      const custom = q.id.startsWith('custom:');
      if (custom && err instanceof PrometheusError && err.kind === 'api') {
        into.failed.set(q.id.split(':')[1] ?? '', `Prometheus rejected the custom query: ${err.error ?? err.message}`);
      } else if (deferFailures && !opts.signal?.aborted) {
        into.pending.set(q.id, err);
      } else {
        throw err;
      }
    }
  });
  return into;
}

/** Throws the deferred failure of any query among `ids` (whose answers turned out to be needed). */
export function requireAnswers(answers: RawAnswers, ids: Iterable<string>): void {
  for (const id of ids) if (answers.pending.has(id)) throw answers.pending.get(id);
}

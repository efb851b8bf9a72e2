import 'server-only';
import type { SlosStatusResponse } from '@/lib/slo';
import { getSloStore } from '@/lib/store';
import { evaluateSlos, type EvaluateOptions } from './evaluate';
import { storedHints } from './recorded-expect';

/**
 * Every stored SLO's status at `opts.time`; SLOs that cannot be evaluated are listed under `errors`.
 * Behind `GET /api/slos-status` and the `/slos` page's server prefetch.
 */
export async function slosStatusResponse(opts: EvaluateOptions): Promise<SlosStatusResponse> {
  const stored = getSloStore().list();
  const { evaluations, queryCount } = await evaluateSlos(
    stored.map((s) => s.spec),
    { recordedHints: storedHints(stored), ...opts },
  );
  return {
    evaluatedAt: new Date(opts.time * 1000).toISOString(),
    statuses: evaluations.flatMap((e) => (e.status ? [e.status] : [])),
    errors: evaluations.flatMap((e) => (e.error ? [{ name: e.name, ...e.error }] : [])),
    queryCount,
  };
}

import { z } from 'zod';
import { apiHandler, parseSearchParams, timeParamSchema } from '@/lib/api';
import { getPrometheusClient } from '@/lib/prometheus';
import { getMaintenanceStore } from '@/lib/store';
import { backtestRange, withPolicy } from '@/lib/slo-engine/backtest-http';
import { backtestSlo } from '@/lib/slo-engine/backtest-run';
import { storedOr404 } from '@/lib/slo-engine/http';
import { storedHints, unsavedHints } from '@/lib/slo-engine/recorded-expect';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({ from: timeParamSchema, to: timeParamSchema, policy: z.string().max(20_000, 'must be at most 20000 characters').optional() });

/**
 * GET /api/slos/{name}/backtest?from=&to=[&policy=<JSON>]: what the SLO's policy (or a candidate one)
 * would have done over [from, to] (lib/slo/backtest-schema.ts).
 */
export const GET = apiHandler('/api/slos/[name]/backtest', async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
  const query = parseSearchParams(paramsSchema, request.url);
  const stored = storedOr404((await params).name);
  const spec = withPolicy(stored.spec, query.policy);
  const range = backtestRange(spec, query.from, query.to);
  // A candidate policy's windows mostly have no recording rules: its raw counters go out with the probe.
  const recordedHints = query.policy === undefined ? storedHints([stored]) : unsavedHints(spec);
  const opts = { client: getPrometheusClient(), ...range, signal: request.signal, maintenance: getMaintenanceStore().list(range), recordedHints };
  const { result } = await backtestSlo(spec, opts);
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
});

import { z } from 'zod';
import { apiHandler, parseSearchParams, timeParamSchema } from '@/lib/api';
import { getPrometheusClient } from '@/lib/prometheus';
import { backtestRange } from '@/lib/slo-engine/backtest-http';
import { backtestMany } from '@/lib/slo-engine/backtest-many';
import type { SlosBacktestResponse } from '@/lib/slo/backtest/schema';
import { BASE_STEP } from '@/lib/slo-engine/backtest-queries';
import { sortWindows } from '@/lib/slo/windows';
import { getSloStore } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({ from: timeParamSchema, to: timeParamSchema });

/**
 * GET /api/slos-backtest?from=&to=: what every stored SLO's policy would have done over one range
 * (default: the longest SLO window before now, at most 35 days), as counts and scores per SLO, from
 * one grouped query per window per indicator kind (lib/slo/backtest-many.ts).
 */
export const GET = apiHandler('/api/slos-backtest', async (request: Request) => {
  const query = parseSearchParams(paramsSchema, request.url);
  const specs = getSloStore()
    .list()
    .map((s) => s.spec);
  const longest = sortWindows(specs.map((s) => s.window)).at(-1) ?? '30d';
  const range = backtestRange({ window: longest }, query.from, query.to);
  const { backtests, queryCount } = await backtestMany(specs, { client: getPrometheusClient(), ...range, signal: request.signal });
  const body: SlosBacktestResponse = {
    ...range,
    step: BASE_STEP,
    backtests: backtests.flatMap(({ result }) =>
      result ? [{ name: result.name, source: result.source, episodes: result.episodes.length, summary: result.summary, recommendations: result.recommendations }] : [],
    ),
    errors: backtests.flatMap(({ name, error }) => (error ? [{ name, ...error }] : [])),
    queryCount,
  };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});

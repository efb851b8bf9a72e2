import { z } from 'zod';
import { ApiError, apiHandler, parseSearchParams, timeParamSchema } from '@/lib/api';
import { requireRole } from '@/lib/auth';
import { getPrometheusClient } from '@/lib/prometheus';
import { checkThreshold, type PreviewResponse } from '@/lib/slo';
import { evaluateSlo, findBucketBoundaries } from '@/lib/slo-engine/evaluate';
import { budgetCurve } from '@/lib/slo-engine/evaluate-curve';
import { parseSpec, readJson } from '@/lib/slo-engine/http';
import { unsavedHints } from '@/lib/slo-engine/recorded-expect';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({ time: timeParamSchema });
/** Lets the form preview before the SLO has a name. */
const UNNAMED = 'unsaved-slo';

/**
 * POST /api/slos/preview?time=: status and budget curve of an unsaved spec, for the form. Editors
 * only: custom indicators run the caller's PromQL on Prometheus.
 */
export const POST = apiHandler('/api/slos/preview', async (request: Request) => {
  requireRole(request, 'editor');
  const { time = Date.now() / 1000 } = parseSearchParams(paramsSchema, request.url);
  const body = await readJson(request);
  const named = typeof body === 'object' && body !== null && !('name' in body) ? { ...body, name: UNNAMED } : body;
  const spec = parseSpec(named);
  // An unsaved definition has no recorded series (unless it repeats a stored one): its raw counters go out with the recorded read.
  const opts = { client: getPrometheusClient(), time, signal: request.signal, recordedHints: unsavedHints(spec) };
  if (spec.indicator.type === 'latency') {
    const check = checkThreshold(spec.indicator.thresholdMs, await findBucketBoundaries(spec, opts));
    if (!check.ok) {
      throw new ApiError(422, 'threshold_not_a_bucket', check.message, {
        fieldErrors: { 'indicator.thresholdMs': [check.message] },
        formErrors: [],
        nearest: check.nearest,
      });
    }
  }
  const [status, curve] = await Promise.all([evaluateSlo(spec, opts), budgetCurve(spec, opts)]);
  const out: PreviewResponse = { status, budgetCurve: curve };
  return Response.json(out, { headers: { 'cache-control': 'no-store' } });
});

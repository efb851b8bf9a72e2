import { apiHandler } from '@/lib/api';
import { requireRole } from '@/lib/auth';
import { getPrometheusClient } from '@/lib/prometheus';
import { getMaintenanceStore } from '@/lib/store';
import { backtestRequestSchema } from '@/lib/slo/backtest/schema';
import { backtestRange, withPolicy } from '@/lib/slo-engine/backtest-http';
import { backtestSlo } from '@/lib/slo-engine/backtest-run';
import { parseSpec, readJson } from '@/lib/slo-engine/http';
import { unsavedHints } from '@/lib/slo-engine/recorded-expect';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Lets the form backtest before the SLO has a name. */
const UNNAMED = 'unsaved-slo';

/**
 * POST /api/slos/backtest { spec, from?, to?, policy? }: the backtest of an unsaved spec, for the
 * create/edit form. It changes nothing, so viewers may call it; a custom indicator runs the caller's
 * own PromQL on Prometheus and needs an editor, as the preview does.
 */
export const POST = apiHandler('/api/slos/backtest', async (request: Request) => {
  const body = backtestRequestSchema.parse(await readJson(request));
  const raw = body.spec;
  const named = typeof raw === 'object' && raw !== null && !('name' in raw) ? { ...raw, name: UNNAMED } : raw;
  const spec = withPolicy(parseSpec(named), body.policy);
  if (spec.indicator.type === 'custom') requireRole(request, 'editor');
  const range = backtestRange(spec, body.from, body.to);
  // An unsaved definition has no recorded series (unless it repeats a stored one): its raw counters go out with the probe.
  const opts = { client: getPrometheusClient(), ...range, signal: request.signal, maintenance: getMaintenanceStore().list(range), recordedHints: unsavedHints(spec) };
  const { result } = await backtestSlo(spec, opts);
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
});

import { ApiError, apiHandler, parseSearchParams, sharedJson } from '@/lib/api';
import { panelQuerySchema } from '@/lib/dashboards/params';
import { findPanel, panelContext, runPanel } from '@/lib/dashboards/panels';
import { getPrometheusClient } from '@/lib/prometheus';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ dashboard: string; panel: string }> };

/** GET /api/panels/{dashboard}/{panel}?start=&end=&step=&namespace=&service=: one panel's data (lib/dashboards/schema.ts). */
export const GET = apiHandler('/api/panels/[dashboard]/[panel]', async (request: Request, { params }: Context) => {
  const { dashboard, panel } = await params;
  const definition = findPanel(dashboard, panel);
  if (!definition) throw new ApiError(404, 'not_found', `No panel ${JSON.stringify(panel)} on dashboard ${JSON.stringify(dashboard)}`);
  const query = parseSearchParams(panelQuerySchema, request.url);
  const absent = (definition.requires ?? []).filter((name) => !query[name]);
  if (absent.length > 0) {
    const fieldErrors = Object.fromEntries(absent.map((name) => [name, [`required by the ${dashboard} dashboard`]]));
    throw new ApiError(422, 'validation_failed', `Invalid request: ${absent.map((n) => `${n}: required by the ${dashboard} dashboard`).join('; ')}`, { fieldErrors, formErrors: [] });
  }
  const client = getPrometheusClient();
  // Viewers of one page ask for the same panels at the same aligned times: one run serves them all.
  const run = async (signal: AbortSignal) => {
    const { ctx, warnings } = await panelContext(client, signal);
    return runPanel({ dashboard, panel, definition, params: query, ctx, client, signal, warnings });
  };
  // The query count is the cost of a panel; bench and tests read it without parsing the body.
  // Panels that load stored SLOs are shared only while in flight, so an edited SLO shows at once.
  const headers = (body: { queries: unknown[] }) => ({ 'x-meshwatch-queries': String(body.queries.length) });
  return sharedJson(request, run, { headers, keep: !definition.load });
});

import { ApiError, parseSearchParams, type JsonOptions } from '@/lib/api';
import { panelQuerySchema } from '@/lib/dashboards/params';
import { findPanel, panelContext, runPanel } from '@/lib/dashboards/panels';
import { getPrometheusClient } from '@/lib/prometheus';
import { sloStoreRevision } from '@/lib/store';

// One panel's work as `GET /api/panels/{dashboard}/{panel}` and the dashboard's batch both serve it:
// the same validation, the same run, the same shared answer (keyed on the single panel's URL).

type PanelBody = Awaited<ReturnType<typeof runPanel>>;

/**
 * The run behind a panel's answer at `url` (its range and filters), or a thrown ApiError (404 for an
 * unknown panel, 422 for a filter the dashboard requires) or ZodError (422, bad parameters).
 */
export function panelWork(dashboard: string, panel: string, url: string): { run: (signal: AbortSignal) => Promise<PanelBody>; options: JsonOptions<PanelBody> } {
  const definition = findPanel(dashboard, panel);
  if (!definition) throw new ApiError(404, 'not_found', `No panel ${JSON.stringify(panel)} on dashboard ${JSON.stringify(dashboard)}`);
  const query = parseSearchParams(panelQuerySchema, url);
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
  // Panels that load stored SLOs are kept under the store's revision, so an edited SLO shows at once;
  // a store that cannot say its revision gets them shared only while in flight.
  const headers = (body: PanelBody) => ({ 'x-meshwatch-queries': String(body.queries.length) });
  if (!definition.load) return { run, options: { headers } };
  const revision = sloStoreRevision();
  return { run, options: { headers, keep: revision !== undefined, revision } };
}

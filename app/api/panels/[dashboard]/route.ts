import { ApiError, apiHandler, sharedAssembly, sharedJsonText } from '@/lib/api';
import { DASHBOARDS } from '@/lib/dashboards/catalog';
import { isDashboardId, PANELS } from '@/lib/dashboards/panels';
import { sloStoreRevision } from '@/lib/store';
import { dashboardServicesUrl, servicesWork } from '../../services/services-work';
import { panelWork } from './panel-work';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ dashboard: string }> };

/** The part that is the dashboard's services table (`/api/services`), not a catalog panel. */
const SERVICES = 'services';
const hasServicesTable = (dashboard: string) => isDashboardId(dashboard) && DASHBOARDS[dashboard].panels.some((p) => p.id === SERVICES);

/**
 * The services part: `/api/services`' answer, shared under its URL with that route; when the panels'
 * range is invalid, that error, as the part's own (keyed on the panel URL, never kept).
 */
function servicesPart(panelUrl: string, signal: AbortSignal) {
  let url: string;
  try {
    url = dashboardServicesUrl(panelUrl);
  } catch (err) {
    return sharedJsonText(panelUrl, signal, () => {
      throw err;
    });
  }
  return sharedJsonText(url, signal, () => servicesWork(url));
}

/** More panels than any dashboard has; a longer list is a mistake or an attempt to multiply work. */
const MAX_PANELS = 32;

/**
 * GET /api/panels/{dashboard}?panels=a,b&start=&end=&step=&namespace=&service=: several panels of one
 * dashboard in one request, `{ panels: { [id]: { status, body } } }`, each entry exactly what
 * `GET /api/panels/{dashboard}/{id}` answers with the same parameters (its data, or its own error body:
 * one failing panel never fails the others). Fifty viewers then cost fifty HTTP requests, not five
 * hundred; the panels' work and text are shared with the single-panel route. Without `panels`, all.
 * On a dashboard with a services table, the part `services` is `GET /api/services` for the range's end
 * over its length (shared with that route), so the whole dashboard is one request.
 */
export const GET = apiHandler('/api/panels/[dashboard]', async (request: Request, { params }: Context) => {
  const { dashboard } = await params;
  if (!isDashboardId(dashboard)) throw new ApiError(404, 'not_found', `No dashboard ${JSON.stringify(dashboard)}`);
  const url = new URL(request.url);
  const listed = url.searchParams.get('panels');
  const ids = [...new Set(listed ? listed.split(',').filter(Boolean) : Object.keys(PANELS[dashboard]))];
  if (ids.length === 0 || ids.length > MAX_PANELS) {
    throw new ApiError(422, 'validation_failed', `Invalid request: panels: between 1 and ${MAX_PANELS} panel ids`, { fieldErrors: { panels: [`between 1 and ${MAX_PANELS} panel ids`] }, formErrors: [] });
  }
  url.searchParams.delete('panels');
  const assemble = async (signal: AbortSignal) => {
    const parts = await Promise.all(
      ids.map(async (id) => {
        // The single panel's own URL is the key: the batch shares its answer with `GET .../{id}`.
        const panelUrl = new URL(`/api/panels/${encodeURIComponent(dashboard)}/${encodeURIComponent(id)}${url.search}`, url);
        const answer =
          id === SERVICES && hasServicesTable(dashboard)
            ? await servicesPart(panelUrl.href, signal)
            : await sharedJsonText(panelUrl.href, signal, () => panelWork(dashboard, id, panelUrl.href));
        // The parts are JSON already: joined as text, never parsed and serialised again.
        return { text: `${JSON.stringify(id)}:{"status":${answer.status},"body":${answer.text}}`, kept: answer.kept };
      }),
    );
    return { text: `{"panels":{${parts.map((p) => p.text).join(',')}}}`, keep: parts.every((p) => p.kept) };
  };
  // Identical batches in a slot are one body, kept under the SLO store's revision, since
  // some panels read stored SLOs.
  return sharedAssembly(request, sloStoreRevision(), assemble);
});

import 'server-only';
import type { DehydratedState } from '@tanstack/react-query';
import type { DashboardId } from '@/lib/dashboards/catalog';
import { DASHBOARDS } from '@/lib/dashboards/catalog';
import { panelQuerySchema } from '@/lib/dashboards/params';
import { findPanel, panelContext, runPanel } from '@/lib/dashboards/panels';
import { panelResponseSchema } from '@/lib/dashboards/schema';
import { serviceSummary } from '@/lib/dashboards/services-summary';
import { getPrometheusClient } from '@/lib/prometheus';
import { durationToPromql } from '@/lib/promql/duration';
import type { DashboardRange } from '../dashboard-range';
import { panelSearch, queryKeys, type PanelParams, type ServicesParams } from '../keys';
import { servicesResponseSchema } from '../schemas';
import { asJson, prefetchFirstLoad, type Prefetch } from './prefetch';

/** The window of a range as the dashboards ask `/api/services` for it (use-dashboard.ts). */
export const rangeWindow = (range: DashboardRange) => durationToPromql(range.end - range.start);

/** A catalog panel, run in-process as `GET /api/panels/{dashboard}/{panel}` runs it. */
function panelPrefetch(dashboard: DashboardId, panel: string, params: PanelParams): Prefetch | undefined {
  const definition = findPanel(dashboard, panel);
  // Panels the route would refuse (missing filter, bad range) are left for the browser to show. The
  // schema reads a query string's text (numbers refused), so it is given the text the browser sends.
  const query = panelQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(panelSearch(dashboard, panel, params))));
  if (!definition || !query.success || (definition.requires ?? []).some((name) => !query.data[name])) return undefined;
  return {
    queryKey: queryKeys.panel(dashboard, panel, params),
    load: async (signal) => {
      const client = getPrometheusClient();
      const { ctx, warnings } = await panelContext(client, signal);
      const body = await runPanel({ dashboard, panel, definition, params: query.data, ctx, client, signal, warnings });
      return panelResponseSchema.parse(asJson(body));
    },
  };
}

/** The services table's data, as `GET /api/services` answers it. */
export function servicesPrefetch(params: ServicesParams): Prefetch {
  const [, , { time, window, namespace }] = queryKeys.services(params);
  return {
    queryKey: queryKeys.services(params),
    load: async (signal) =>
      servicesResponseSchema.parse(asJson(await serviceSummary({ client: getPrometheusClient(), time, window, namespace: namespace ?? undefined, signal }))),
  };
}

/** The catalog panels of a dashboard the route would answer for these params, each as a prefetch. */
export function dashboardPrefetches(dashboard: DashboardId, params: PanelParams): Prefetch[] {
  return DASHBOARDS[dashboard].panels.flatMap((spec) => panelPrefetch(dashboard, spec.id, params) ?? []);
}

/** Every catalog panel of a dashboard for these params, plus `extra` queries of the page; see prefetchFirstLoad. */
export function prefetchDashboard(dashboard: DashboardId, params: PanelParams, extra: readonly Prefetch[] = []): Promise<DehydratedState> {
  return prefetchFirstLoad([...dashboardPrefetches(dashboard, params), ...extra]);
}

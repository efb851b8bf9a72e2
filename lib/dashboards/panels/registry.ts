// Every server-implemented panel, keyed by dashboard and panel id (the ids of ../catalog.ts).
// `executive/services` is not here: it is /api/services' answer, also a part of the executive batch
// (app/api/services/services-work.ts).
import type { DashboardId } from '../catalog';
import { checklist, serviceChecklist } from './checklist/checklist';
import { errorRatio } from './oncall/error-ratio';
import { attention } from './executive/attention';
import { incidents } from './executive/incidents';
import { budgetByRegion } from './executive/budget-by-region';
import { budgetByTeam } from './executive/budget-by-team';
import { latencyByGroup } from './executive/latency-by-group';
import { userSuccess } from './executive/user-success';
import { certExpiry, mtlsCoverage } from './executive/security';
import { inbound, outbound } from './debug/edges';
import { latencyHeatmap, routeLatency } from './debug/latency';
import { statusCodes } from './debug/status-codes';
import { tcpConnections } from './debug/tcp-connections';
import { telemetryHealth } from './debug/telemetry-health';
import { traces } from './debug/traces';
import { controlPlane } from './oncall/control-plane';
import { deployments } from './oncall/deployments';
import { latencyWorst, serviceLatency } from './oncall/latency';
import { responseFlags, serviceFlags } from './oncall/flags';
import { proxyResources } from './oncall/proxy-resources';
import { retries } from './oncall/retries';
import { sloAlerts } from './oncall/slo-alerts';
import { topFailing } from './oncall/top-failing';
import type { Panel } from './types';

export const PANELS: { readonly [D in DashboardId]: Readonly<Record<string, Panel>> } = {
  executive: {
    attention,
    'user-success': userSuccess,
    'mtls-coverage': mtlsCoverage,
    'cert-expiry': certExpiry,
    incidents,
    'latency-by-group': latencyByGroup,
    'budget-by-team': budgetByTeam,
    'budget-by-region': budgetByRegion,
  },
  oncall: {
    checklist,
    'top-failing': topFailing,
    'slo-alerts': sloAlerts,
    'error-ratio': errorRatio,
    latency: latencyWorst,
    'response-flags': responseFlags,
    retries,
    'control-plane': controlPlane,
    'proxy-resources': proxyResources,
    deployments,
  },
  debug: {
    checklist: serviceChecklist,
    'latency-over-time': serviceLatency,
    'route-latency': routeLatency,
    'latency-heatmap': latencyHeatmap,
    'status-codes': statusCodes,
    'service-flags': serviceFlags,
    inbound,
    outbound,
    'tcp-connections': tcpConnections,
    'telemetry-health': telemetryHealth,
    traces,
  },
};

export function isDashboardId(id: string): id is DashboardId {
  return Object.hasOwn(PANELS, id);
}

export function findPanel(dashboard: string, panel: string): Panel | undefined {
  if (!isDashboardId(dashboard)) return undefined;
  const panels = PANELS[dashboard];
  return Object.hasOwn(panels, panel) ? panels[panel] : undefined;
}

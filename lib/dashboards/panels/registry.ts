// Every server-implemented panel, keyed by dashboard and panel id (the ids of ../catalog.ts).
// `executive/services` is not here: the UI reads it from /api/services.
import type { DashboardId } from '../catalog';
import { errorRatio } from './oncall/error-ratio';
import { attention } from './executive/attention';
import { incidents } from './executive/incidents';
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
  },
  oncall: {
    'top-failing': topFailing,
    'slo-alerts': sloAlerts,
    'error-ratio': errorRatio,
    'response-flags': responseFlags,
    retries,
    'control-plane': controlPlane,
    'proxy-resources': proxyResources,
    deployments,
  },
  debug: {
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

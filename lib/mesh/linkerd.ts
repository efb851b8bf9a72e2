// Linkerd: request_total / response_total / response_latency_ms, tcp_*, the identity issuer's expiry.
import { matchers } from '@/lib/promql';
import type { MeshAdapter, TcpQueries, Unsupported } from './adapter';
import { EDITOR_HINTS } from './editor';
import { checkWindow, sumBy } from './expr';
import { leaderLeaseQueries, POD_CLUSTER, proxyResourceQueries } from './kube';
import { linkerdCallerErrorRatio, linkerdCallerRequestRate } from './linkerd-caller';
import { linkerdGraphQueries } from './linkerd-graph';
import { newRevisionQuery } from './rollout';
import { linkerdHealthSignals, linkerdWorkloadCertExpiry } from './linkerd-health';
import { linkerdSli } from './linkerd-sli';
import { linkerdSelector, linkerdTraffic } from './linkerd-traffic';
import type { ServiceSummaryParams, ServiceSummaryQueries } from './types';

const NO_FLAGS: Unsupported = {
  unsupported: 'Linkerd proxies do not set Envoy response flags; failures show in status codes and response classification.',
};
const NO_RETRY_STATS: Unsupported = {
  unsupported: 'Linkerd exports no mesh-wide retry or circuit-breaker counters.',
  howToEnable: 'Define retries in a ServiceProfile (or HTTPRoute) and compare route_actual_response_total with route_response_total per route.',
};
const NO_CONTROL_PLANE: Unsupported = {
  unsupported: 'Control-plane health is not read for Linkerd yet.',
  howToEnable: 'Run `linkerd check` or scrape linkerd-destination and linkerd-identity (admin port 9990).',
};
const NO_REVISIONS: Unsupported = {
  unsupported: 'Linkerd metrics carry no revision label, so rollouts cannot be read from them.',
  howToEnable: 'Add a version label to the pod template and relabel it onto the proxy metrics in the scrape config.',
};

/** The services table joins on Istio's label names; rename Linkerd's so the same reader works. */
const asIstioService = (expr: string) =>
  `label_replace(label_replace(${expr}, "destination_service_namespace", "$1", "namespace", "(.*)"), "destination_service_name", "$1", "deployment", "(.*)")`;

function serviceSummaryQueries({ window, namespace }: ServiceSummaryParams): ServiceSummaryQueries {
  const q = { window, by: 'service' as const, namespace };
  return {
    rps: asIstioService(linkerdTraffic.requestRate(q).promql),
    successRatio: asIstioService(`1 - (${linkerdTraffic.errorRatio(q).promql})`),
    p95Ms: asIstioService(linkerdTraffic.latencyQuantile({ ...q, quantile: 0.95 }).promql),
  };
}

function tcpConnections({ window, namespace, service, cluster }: { window: string; namespace: string; service: string; cluster?: string }): TcpQueries {
  const w = checkWindow(window);
  // Both directions carry the workload's own namespace/deployment (and cluster) labels; `direction` tells them apart.
  const sel = matchers({ namespace, deployment: service, [POD_CLUSTER]: cluster });
  const labels = { pod: 'pod', direction: 'direction' };
  const by = ['pod', 'direction'];
  return {
    opened: { promql: sumBy(by, `rate(tcp_open_total${sel}[${w}])`), labels },
    open: { promql: `${sumBy(by, `tcp_open_total${sel}`)} - ${sumBy(by, `tcp_close_total${sel}`)}`, labels },
  };
}

export const linkerdAdapter: MeshAdapter = {
  kind: 'linkerd',
  sli: linkerdSli,
  serviceSummaryQueries,
  ...linkerdTraffic,
  // Outbound endpoint counters count each attempt; ServiceProfile route counters count each request
  // after retries. Without routes for a destination the callers' figure there equals the servers'.
  callerRequestRate: linkerdCallerRequestRate,
  callerErrorRatio: linkerdCallerErrorRatio,
  callerSide:
    'What callers and the ingress got, as their proxies counted them: after Linkerd\'s retries for destinations with ServiceProfile routes; ' +
    'for the others Linkerd reports only attempts, so there a retried request counts once per attempt, as on the server side',
  responseFlags: () => NO_FLAGS,
  retryStats: () => NO_RETRY_STATS,
  controlPlane: () => NO_CONTROL_PLANE,
  // The issuer reports seconds left; its sample's own time plus those is the expiry, exact whenever read.
  certExpiry: (q) => {
    const ttl = `issuer_cert_ttl_seconds${q?.cluster === undefined ? '' : matchers({ [POD_CLUSTER]: q.cluster })}`;
    return {
      query: { promql: `label_replace(min(timestamp(${ttl}) + ${ttl}), "cert", "issuer", "", "")`, labels: { cert: 'cert' } },
      names: { issuer: 'Linkerd identity issuer certificate' },
    };
  },
  workloadCertExpiry: linkerdWorkloadCertExpiry,
  healthSignals: linkerdHealthSignals,
  // Linkerd's controllers (destination's status controller, policy) hold their leases in the linkerd namespace.
  leaderLeases: (q) => leaderLeaseQueries('linkerd', q?.cluster),
  proxyResources: (q) => proxyResourceQueries('linkerd-proxy', q),
  revisions: () => NO_REVISIONS,
  // The callers' outbound series name the serving endpoint's ReplicaSet (dst_pod_template_hash): a new
  // hash is a new revision of the Deployment, whether or not its pods carry a version label.
  rolloutStarted: ({ since }) =>
    newRevisionQuery(`request_total${matchers({ direction: 'outbound' })}`, { namespace: 'dst_namespace', service: 'dst_deployment', revision: 'dst_pod_template_hash' }, since),
  tcpConnections,
  graphQueries: linkerdGraphQueries,
  // Inbound series name the service's own workload; outbound ones (a caller's view) the dst_ labels.
  editorHints: EDITOR_HINTS.linkerd,
  serviceLabelNames: { namespace: ['dst_namespace'], service: ['deployment', 'dst_deployment'] },
  serviceSelector: (scope) => `request_total${linkerdSelector('inbound', scope)}`,
  exemplarSelector: (scope) => `response_latency_ms_bucket${linkerdSelector('inbound', scope)}`,
  // Inbound series carry the serving pod's cluster.
  clusterDiscovery: { label: POD_CLUSTER, match: `request_total${linkerdSelector('inbound', {})}` },
};

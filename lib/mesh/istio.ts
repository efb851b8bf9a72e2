import type { MeshAdapter } from './adapter';
import { EDITOR_HINTS } from './editor';
import { checkWindow } from './expr';
import { istioSli } from './istio-sli';
import { certExpiry, controlPlane, exemplarSelector, proxyResources, retryStats, revisions, rolloutStarted, serviceSelector, tcpConnections } from './istio-infra';
import { istioGraphQueries } from './istio-graph';
import { istioHealthSignals, istioWorkloadCertExpiry } from './istio-health';
import { leaderLeaseQueries } from './kube';
import { DURATION_BUCKETS, ISTIO_ERROR_CODES, ISTIO_LABELS, istioSelector, istioTraffic, REQUESTS } from './istio-traffic';
import type { ServiceSummaryParams, ServiceSummaryQueries } from './types';

export { ISTIO_ERROR_CODES };

// Grouping by destination keeps the number of queries constant however many services there are.
const BY_SERVICE = 'destination_service_namespace, destination_service_name';

function serviceSummaryQueries({ window, namespace }: ServiceSummaryParams): ServiceSummaryQueries {
  const w = checkWindow(window);
  const total = `sum(rate(${REQUESTS}${istioSelector({ namespace })}[${w}])) by (${BY_SERVICE})`;
  const errors = `sum(rate(${REQUESTS}${istioSelector({ namespace }, { response_code: ['=~', ISTIO_ERROR_CODES] })}[${w}])) by (${BY_SERVICE})`;
  return {
    rps: total,
    // Numerator and denominator are summed separately (never average ratios). `or total * 0` gives
    // services without errors a zero numerator; `> 0` drops zero-traffic services so they get no
    // sample (read as null) instead of NaN from 0/0.
    successRatio: `1 - ((${errors} or ${total} * 0) / (${total} > 0))`,
    p95Ms: `histogram_quantile(0.95, sum(rate(${DURATION_BUCKETS}${istioSelector({ namespace })}[${w}])) by (le, ${BY_SERVICE}))`,
  };
}

/** Istio: istio_* standard metrics, Envoy stats when enabled, istiod and the CA. */
export const istioAdapter: MeshAdapter = {
  kind: 'istio',
  sli: istioSli,
  serviceSummaryQueries,
  ...istioTraffic,
  callerSide: 'What callers and the ingress gateway got, after retries (reporter="source")',
  retryStats,
  controlPlane,
  certExpiry,
  workloadCertExpiry: istioWorkloadCertExpiry,
  healthSignals: istioHealthSignals,
  // istiod elects leaders (istio-leader, istio-namespace-controller-election, ...) with leases in its namespace.
  leaderLeases: (q) => leaderLeaseQueries('istio-system', q?.cluster),
  proxyResources,
  revisions,
  rolloutStarted,
  tcpConnections,
  graphQueries: istioGraphQueries,
  editorHints: EDITOR_HINTS.istio,
  serviceLabelNames: { namespace: [ISTIO_LABELS.namespace], service: [ISTIO_LABELS.service] },
  serviceSelector,
  exemplarSelector,
  clusterDiscovery: { label: ISTIO_LABELS.cluster, match: `${REQUESTS}${istioSelector({})}` },
};

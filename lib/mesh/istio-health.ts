// Istio's mesh-health signals: istiod (build info, xDS connections and NACKs), the CA's certificates,
// pilot-agent's workload certificate, and the istio-proxy container's restarts.
import type { MeshHealthSignals, MeshQuery } from './adapter';
import { matchers } from '@/lib/promql';
import { checkWindow } from './expr';
import { noReadyReplicas, POD_CLUSTER, proxyContainerTestSeries, proxyOomKillsExpr, proxyRestartsExpr } from './kube';

const PROXY = 'istio-proxy';
/**
 * pilot-agent's `cert_expiry_seconds` (istio.io/istio security/pkg/nodeagent/cache), exported with
 * the `istio_agent_` prefix: seconds left on the proxy's certificate chain, `resource_name="default"`
 * for the workload certificate (ROOTCA is the root it trusts).
 */
const WORKLOAD_CERT_METRIC = 'istio_agent_cert_expiry_seconds';
const WORKLOAD_CERT = `${WORKLOAD_CERT_METRIC}{resource_name="default"}`;

/** The sample's own time plus the seconds it reported left: the expiry, exact whenever read. */
export function istioWorkloadCertExpiry({ namespace, cluster }: { namespace?: string; cluster?: string }): MeshQuery {
  const sel = `${WORKLOAD_CERT_METRIC}${matchers({ resource_name: 'default', namespace, [POD_CLUSTER]: cluster })}`;
  return { promql: `min(timestamp(${sel}) + ${sel})`, labels: {} };
}

export function istioHealthSignals(): MeshHealthSignals {
  const istiod = { app: 'istiod', namespace: 'istio-system', pod: 'istiod-5f7b9c-abcde' };
  return {
    // istio_build{component="pilot"} is on istiod's own endpoint: gone means istiod stopped reporting;
    // `up` says the same where Prometheus scrapes istiod by that label; kube-state-metrics says "not ready".
    controlPlaneDown:
      'absent(istio_build{component="pilot"}) or (max(up{app="istiod"}) == 0) or ' + noReadyReplicas('istio-system', ['istiod']),
    controlPlaneText: 'istiod: its build info (istio_build{component="pilot"}) gone, its scrape down (up{app="istiod"}), or no ready replica (kube-state-metrics)',
    configRejects: (window) => `sum by (pod) (increase(pilot_total_xds_rejects[${checkWindow(window)}]))`,
    connectedProxies: (offset) => `sum(pilot_xds${offset ? ` offset ${checkWindow(offset)}` : ''})`,
    caCertSecondsLeft:
      '(label_replace(min(citadel_server_root_cert_expiry_timestamp), "cert", "root", "", "") or ' +
      'label_replace(min(citadel_server_cert_chain_expiry_timestamp), "cert", "chain", "", "")) - time()',
    caCertText: "istiod's CA: its root certificate (citadel_server_root_cert_expiry_timestamp) and its certificate chain",
    workloadCertSecondsLeft: `min by (namespace, pod) (${WORKLOAD_CERT})`,
    workloadCertText: "each sidecar's workload certificate, as its pilot-agent reports it (istio_agent_cert_expiry_seconds; Istio rotates it at half its 24 h life)",
    proxyOomKills: (window) => proxyOomKillsExpr(PROXY, window),
    proxyRestarts: (window) => proxyRestartsExpr(PROXY, window),
    testSeries: {
      controlPlaneUp: [{ metric: 'istio_build', labels: { ...istiod, component: 'pilot', tag: '1.22.3' } }],
      configRejects: { metric: 'pilot_total_xds_rejects', labels: istiod },
      connectedProxies: { metric: 'pilot_xds', labels: istiod },
      caCert: { series: { metric: 'citadel_server_root_cert_expiry_timestamp', labels: istiod }, reads: 'expiry-timestamp', resultLabels: { cert: 'root' } },
      workloadCert: { series: { metric: 'istio_agent_cert_expiry_seconds', labels: { namespace: 'shop', pod: 'cart-6d4f9-x2x7q', resource_name: 'default' } }, reads: 'seconds-left', resultLabels: { namespace: 'shop', pod: 'cart-6d4f9-x2x7q' } },
      ...proxyContainerTestSeries(PROXY),
    },
  };
}

// Linkerd's mesh-health signals: the identity controller's issuer certificate, the destination
// controller's endpoint subscribers, each proxy's identity certificate, the linkerd-proxy container's
// restarts. Linkerd has no config push that a proxy could reject: said so, not faked.
import type { MeshHealthSignals, MeshQuery, Unsupported } from './adapter';
import { matchers } from '@/lib/promql';
import { checkWindow } from './expr';
import { noReadyReplicas, POD_CLUSTER, proxyContainerTestSeries, proxyOomKillsExpr, proxyRestartsExpr } from './kube';

const PROXY = 'linkerd-proxy';
/** Each proxy's current mTLS identity certificate (linkerd2-proxy's identity metrics), unix seconds. */
const WORKLOAD_CERT = 'identity_cert_expiration_timestamp_seconds';
/** linkerd-identity's issuer certificate (the CA that signs the proxies'), seconds left; the trust anchor exports nothing. */
const ISSUER_TTL = 'issuer_cert_ttl_seconds';
/** linkerd-destination's gauge of proxies subscribed to each service's endpoints. */
const SUBSCRIBERS = 'endpoints_subscribers';

export const NO_CONFIG_REJECTS: Unsupported = {
  unsupported:
    'Not available on Linkerd: its proxies receive discovery updates from the destination controller and never accept or reject pushed configuration (there is no xDS NACK), so no counter of rejected pushes exists.',
  howToEnable: 'Watch the destination controller instead (the "proxies disconnected" alert) and `linkerd check --proxy` after a change.',
};

export function linkerdWorkloadCertExpiry({ namespace, cluster }: { namespace?: string; cluster?: string }): MeshQuery {
  return { promql: `min(${WORKLOAD_CERT}${matchers({ namespace, [POD_CLUSTER]: cluster })})`, labels: {} };
}

export function linkerdHealthSignals(): MeshHealthSignals {
  const controller = { namespace: 'linkerd', job: 'linkerd-controller' };
  return {
    controlPlaneDown:
      `absent(${ISSUER_TTL}) or absent(${SUBSCRIBERS}) or (min by (component) (up{job="linkerd-controller"}) == 0) or ` +
      noReadyReplicas('linkerd', ['linkerd-destination', 'linkerd-identity']),
    controlPlaneText:
      `linkerd-identity (${ISSUER_TTL}) or linkerd-destination (${SUBSCRIBERS}) no longer reporting, a controller scrape down (up{job="linkerd-controller"}), or a controller Deployment without a ready replica (kube-state-metrics)`,
    configRejects: NO_CONFIG_REJECTS,
    connectedProxies: (offset) => `sum(${SUBSCRIBERS}${offset ? ` offset ${checkWindow(offset)}` : ''})`,
    caCertSecondsLeft: `label_replace(min(${ISSUER_TTL}), "cert", "issuer", "", "")`,
    caCertText: `linkerd-identity's issuer certificate (${ISSUER_TTL}); Linkerd exports nothing about the trust anchor above it, check that one with \`linkerd check\``,
    workloadCertSecondsLeft: `min by (namespace, pod) (${WORKLOAD_CERT}) - time()`,
    workloadCertText: `each proxy's identity certificate (${WORKLOAD_CERT}; proxies renew it at 70 % of its 24 h life)`,
    proxyOomKills: (window) => proxyOomKillsExpr(PROXY, window),
    proxyRestarts: (window) => proxyRestartsExpr(PROXY, window),
    testSeries: {
      controlPlaneUp: [
        { metric: ISSUER_TTL, labels: { ...controller, component: 'identity', pod: 'linkerd-identity-7c9d-abcde' } },
        { metric: SUBSCRIBERS, labels: { ...controller, component: 'destination', pod: 'linkerd-destination-5b8f-fghij', service: 'cart', port: '8080' } },
      ],
      connectedProxies: { metric: SUBSCRIBERS, labels: { ...controller, component: 'destination', pod: 'linkerd-destination-5b8f-fghij', service: 'cart', port: '8080' } },
      caCert: { series: { metric: ISSUER_TTL, labels: { ...controller, component: 'identity', pod: 'linkerd-identity-7c9d-abcde' } }, reads: 'seconds-left', resultLabels: { cert: 'issuer' } },
      workloadCert: { series: { metric: WORKLOAD_CERT, labels: { namespace: 'shop', pod: 'cart-6d4f9-x2x7q' } }, reads: 'expiry-timestamp', resultLabels: { namespace: 'shop', pod: 'cart-6d4f9-x2x7q' } },
      ...proxyContainerTestSeries(PROXY),
    },
  };
}

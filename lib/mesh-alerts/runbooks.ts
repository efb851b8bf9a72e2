import type { MeshHealthSignals } from '@/lib/mesh';
import type { MeshAlertId } from './catalog';

// What the on-call engineer does when a mesh-health alert fires: one section per alert on
// /runbooks/mesh-health (the alerts' runbook_url). The signals' own descriptions say what each mesh
// reads, so this text names no metric. Pure.

export interface RunbookSection {
  id: MeshAlertId;
  /** Why it matters, in one or two sentences. */
  impact: string;
  /** Steps, in order. */
  steps: string[];
  /** What the alert reads on each mesh. */
  reads: (s: MeshHealthSignals) => string;
}

const CERT_STEPS = [
  'Find which certificate: the alert names it (label cert, or namespace and pod).',
  'Istio: `istioctl proxy-config secret <pod> -n <namespace>` shows each certificate with its validity; for the root, check the cacerts secret in istio-system (or your external CA) and plan the root rotation (Istio docs: "Plug in CA certificates").',
  'Linkerd: `linkerd check --proxy` checks the trust anchor and issuer; rotate the issuer certificate (cert-manager renews it if it manages it) before it expires.',
  'After a rotation, check that the alert resolves and that workload certificates move on every proxy.',
];

export const RUNBOOKS: readonly RunbookSection[] = [
  {
    id: 'control-plane-down',
    impact: 'Proxies keep serving with the configuration they have, but new pods get none, endpoints stop updating and workload certificates stop renewing: the mesh degrades within hours.',
    steps: [
      'Istio: `kubectl -n istio-system get pods -l app=istiod` and `kubectl -n istio-system logs deploy/istiod`; `istioctl proxy-status` shows which proxies are stale.',
      'Linkerd: `kubectl -n linkerd get pods` and `linkerd check`; look at the destination and identity controllers\' logs.',
      'Look for OOM kills, failing readiness probes, a bad upgrade or a webhook/CRD change near the alert\'s start; roll back if a change caused it.',
      'Check the on-call checklist (/oncall): control-plane leader and recent config pushes.',
    ],
    reads: (s) => s.controlPlaneText,
  },
  {
    id: 'config-rejected',
    impact: 'Proxies that reject a push keep running an older configuration: routing, security policy and endpoints can differ from what was applied.',
    steps: [
      '`istioctl proxy-status` lists proxies not synced; `istioctl analyze -A` finds invalid configuration.',
      'istiod\'s logs name the rejected resource (search "NACK"); revert or fix the last VirtualService, DestinationRule, EnvoyFilter or Sidecar change.',
    ],
    reads: (s) => ('unsupported' in s.configRejects ? s.configRejects.unsupported : 'Config pushes the proxies rejected (xDS NACKs), per control-plane pod.'),
  },
  {
    id: 'proxies-disconnected',
    impact: 'Disconnected proxies no longer receive endpoint or policy updates: calls go to pods that are gone, and new pods get no traffic.',
    steps: [
      'Istio: `istioctl proxy-status` for proxies missing or stale; check istiod\'s resources and its connection limits.',
      'Linkerd: `linkerd diagnostics endpoints <service>` and the destination controller\'s logs.',
      'A node or network problem shows as many proxies of one node dropping at once: check the nodes.',
    ],
    reads: (s) => ('unsupported' in s.connectedProxies ? s.connectedProxies.unsupported : 'Proxies connected to the control plane now, against 30 minutes earlier.'),
  },
  { id: 'ca-cert-ticket', impact: 'When the mesh CA certificate expires, proxies can no longer get new workload certificates nor trust each other: mTLS traffic fails mesh-wide.', steps: CERT_STEPS, reads: (s) => s.caCertText },
  { id: 'ca-cert-page', impact: 'Less than the page threshold is left before mTLS fails mesh-wide: rotate now.', steps: CERT_STEPS, reads: (s) => s.caCertText },
  {
    id: 'workload-cert-ticket',
    impact: 'A proxy whose certificate is not renewed fails every mTLS connection once it expires.',
    steps: ['Look at the pod\'s proxy logs for certificate or SDS errors.', 'Check that the CA (istiod, or linkerd-identity) is up: see the control-plane alert.', ...CERT_STEPS.slice(1, 3), 'Restarting the pod gets it a new certificate once the CA works.'],
    reads: (s) => s.workloadCertText,
  },
  {
    id: 'workload-cert-page',
    impact: 'The proxy\'s certificate expires within the page threshold: its mTLS connections are about to fail.',
    steps: ['Restart the pod once the CA works (see the ticket\'s steps) to get a new certificate now.'],
    reads: (s) => s.workloadCertText,
  },
  {
    id: 'proxy-oom-killed',
    impact: 'The sidecar ran out of memory: the pod drops every connection while the proxy restarts.',
    steps: [
      '`kubectl describe pod <pod> -n <namespace>`: the proxy container\'s last state says OOMKilled.',
      'Raise the proxy\'s memory limit (Istio: the sidecar.istio.io/proxyMemoryLimit annotation; Linkerd: config.linkerd.io/proxy-memory-limit), or reduce what it holds (Istio: a Sidecar resource limiting the configuration pushed to it).',
      'See the on-call proxy resources panel for its memory over time.',
    ],
    reads: () => 'Restarts of the proxy container whose last termination was an OOM kill, from kube-state-metrics.',
  },
  {
    id: 'proxy-restarts',
    impact: 'A proxy restarting repeatedly drops its pod\'s connections each time: callers see resets and 503s.',
    steps: [
      '`kubectl logs <pod> -c <proxy container> --previous` for why it exited; `kubectl describe pod` for probes and OOM.',
      'Check the control plane (a proxy that cannot get its configuration or certificate may fail its readiness probe).',
    ],
    reads: () => 'Restarts of the proxy container in the last hour, from kube-state-metrics.',
  },
];

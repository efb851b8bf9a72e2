// Kubernetes-level signals shared by the adapters: sidecar CPU and memory (cAdvisor) and container
// restarts (kube-state-metrics). Only the proxy container's name differs by mesh.
import { matchers } from '@/lib/promql';
import type { LeaderLeaseQueries, ProxyResourceQueries } from './adapter';
import { checkWindow, sumBy } from './expr';

/**
 * The cluster label of pod-level series (cAdvisor, kube-state-metrics, the proxies' and control
 * plane's own metrics), as scraping each cluster and federating (or Thanos external labels) adds it.
 */
export const POD_CLUSTER = 'cluster';

const POD = { namespace: 'namespace', pod: 'pod' } as const;

export function proxyResourceQueries(
  container: string,
  { window, namespace, cluster, limit }: { window: string; namespace?: string; cluster?: string; limit: number },
): ProxyResourceQueries {
  const w = checkWindow(window);
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const proxy = matchers({ container, namespace, [POD_CLUSTER]: cluster });
  const pods = matchers({ namespace, [POD_CLUSTER]: cluster });
  return {
    cpu: { promql: `topk(${limit}, ${sumBy(['namespace', 'pod'], `rate(container_cpu_usage_seconds_total${proxy}[${w}])`)})`, labels: POD },
    memory: { promql: `topk(${limit}, ${sumBy(['namespace', 'pod'], `max_over_time(container_memory_working_set_bytes${proxy}[${w}])`, 'max')})`, labels: POD },
    // Every container of the pod: a crash-looping application is what an on-call engineer looks for.
    restarts: {
      promql: `${sumBy(['namespace', 'pod'], `increase(kube_pod_container_status_restarts_total${pods}[${w}])`)} > 0`,
      labels: POD,
    },
    restartCounts: { promql: sumBy(['namespace', 'pod'], `kube_pod_container_status_restarts_total${pods}`), labels: POD },
  };
}

/**
 * Leader-election leases of the control plane, from kube-state-metrics (`kube_lease_owner`, one
 * series per lease and holder, and `kube_lease_renew_time`, unix seconds of the last renewal).
 * Absent unless kube-state-metrics exports leases (its `leases` collector).
 */
export function leaderLeaseQueries(namespace: string, cluster?: string): LeaderLeaseQueries {
  const sel = matchers({ namespace, [POD_CLUSTER]: cluster });
  const LEASE = { lease: 'lease', holder: 'owner_name' } as const;
  return {
    owner: { promql: `max by (lease, owner_name) (kube_lease_owner${sel})`, labels: LEASE },
    renewTime: { promql: `max by (lease) (kube_lease_renew_time${sel})`, labels: { lease: 'lease' } },
  };
}

const RESTARTS = 'kube_pod_container_status_restarts_total';
const LAST_TERMINATED = 'kube_pod_container_status_last_terminated_reason';

/** Restarts of the proxy container, by namespace and pod, for the mesh-health alerts. */
export function proxyRestartsExpr(container: string, window: string): string {
  return sumBy(['namespace', 'pod'], `increase(${RESTARTS}${matchers({ container })}[${checkWindow(window)}])`);
}

/**
 * Restarts of the proxy container whose last termination was an OOM kill: kube-state-metrics keeps
 * the last reason until the next termination, so it is read together with a restart in the window.
 */
export function proxyOomKillsExpr(container: string, window: string): string {
  const oom = `${LAST_TERMINATED}${matchers({ container, reason: 'OOMKilled' })} == 1`;
  return sumBy(['namespace', 'pod'], `increase(${RESTARTS}${matchers({ container })}[${checkWindow(window)}]) and on (namespace, pod, container) (${oom})`);
}

/** A Deployment with no available replica (kube-state-metrics): "not ready" in alert terms. */
export function noReadyReplicas(namespace: string, deployments: readonly string[]): string {
  return `(min(kube_deployment_status_replicas_available${matchers({ namespace, deployment: ['=~', { literal: [...deployments] }] })}) == 0)`;
}

/** The kube-state-metrics series of one proxy container, for rule tests. */
export function proxyContainerTestSeries(container: string) {
  const labels = { namespace: 'shop', pod: 'cart-6d4f9-x2x7q', container };
  return { restarts: { metric: RESTARTS, labels }, oomReason: { metric: LAST_TERMINATED, labels: { ...labels, reason: 'OOMKilled' } } };
}

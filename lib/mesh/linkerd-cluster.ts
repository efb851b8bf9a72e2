// Linkerd multicluster: which cluster served an outbound call. Every series carries `cluster`, the
// cluster whose Prometheus scraped the proxy (for outbound series: the caller's). A call to a pod in
// another cluster (through a mirrored service) also carries the target cluster's name; a call without
// it was served in the caller's own cluster. PromQL cannot "or" two labels inside one selector, so
// both halves are read separately and the local half gets the target label copied from `cluster`.
import { matchers, type MatcherSpec } from '@/lib/promql';
import { checkWindow } from './expr';
import { POD_CLUSTER } from './kube';

/** The target-cluster label Linkerd's destination service puts on endpoints of mirrored services (dst_ prefixed by the proxy). */
export const TARGET_CLUSTER = 'dst_target_cluster';

type Extra = Record<string, MatcherSpec>;

/**
 * `rate(metric{sel}[w])`, or, when the serving cluster matters (`servedIn` given, or `byTarget` to
 * group by it), the same rate with every series carrying TARGET_CLUSTER = the cluster that served it.
 */
export function outboundRate(metric: string, sel: Extra, window: string, { servedIn, byTarget = false }: { servedIn?: string; byTarget?: boolean } = {}): string {
  const w = checkWindow(window);
  if (servedIn === undefined && !byTarget) return `rate(${metric}${matchers(sel)}[${w}])`;
  const remote = matchers({ ...sel, [TARGET_CLUSTER]: servedIn ?? ['!=', ''] });
  const caller = sel[POD_CLUSTER];
  const remoteRate = `rate(${metric}${remote}[${w}])`;
  // Callers in one cluster, served in another: only remote calls can match.
  if (servedIn !== undefined && caller !== undefined && caller !== servedIn) return remoteRate;
  const local = matchers({ ...sel, [TARGET_CLUSTER]: '', [POD_CLUSTER]: servedIn ?? caller });
  return `(${remoteRate} or label_replace(rate(${metric}${local}[${w}]), "${TARGET_CLUSTER}", "$1", "${POD_CLUSTER}", "(.*)"))`;
}

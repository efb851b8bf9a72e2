// Node ids: `namespace/service`, and split by cluster `namespace/service@cluster`. Pure.
import type { MeasuredEdge } from './schema';

/** Split by cluster, a node id names its cluster after `@` (Kubernetes names never hold one). */
const CLUSTER_MARK = '@';

/** The id suffix of a cluster ('' for none, so unsplit ids stay `namespace/service`). */
export const inCluster = (cluster: string) => (cluster ? `${CLUSTER_MARK}${cluster}` : '');

export function splitId(id: string): { namespace: string; service: string; cluster?: string } {
  const i = id.indexOf('/');
  const at = id.indexOf(CLUSTER_MARK, i + 1);
  if (at < 0) return { namespace: id.slice(0, i), service: id.slice(i + 1) };
  return { namespace: id.slice(0, i), service: id.slice(i + 1, at), cluster: id.slice(at + 1) };
}

/** Split by cluster: each end's cluster, and whether the call crosses clusters. */
export function clustersOf(source: string, target: string): Pick<MeasuredEdge, 'sourceCluster' | 'targetCluster' | 'crossCluster'> {
  const from = splitId(source).cluster;
  const to = splitId(target).cluster;
  if (from === undefined || to === undefined) return {};
  return { sourceCluster: from, targetCluster: to, crossCluster: from !== to };
}

// How the graph draws clusters: calls across them dash-dot, split nodes named with their cluster. Pure.
import type { GraphEdge, GraphNode } from '@/lib/graph';
import { isPlaintext } from './format-graph';

/** Dash-dot: a call from one cluster to another (split by cluster), unlike plaintext's dashes and gone calls' dots. */
export const CROSS_CLUSTER_DASH = [10, 4, 2, 4];

/** A call's line: gone (compare), then plaintext or TCP, then across clusters, else solid. */
export function edgeLineType(e: GraphEdge, gone: boolean): 'solid' | 'dashed' | 'dotted' | number[] {
  if (gone) return 'dotted';
  if (isPlaintext(e) || e.protocol === 'tcp') return 'dashed';
  return e.crossCluster ? CROSS_CLUSTER_DASH : 'solid';
}

/** A node's name on the picture: split by cluster, the cluster too (the same service sits in several). */
export const nodeName = (n: GraphNode) => (n.cluster === undefined ? n.service : `${n.service}@${n.cluster}`);

// Focus mode: a service and everything within n hops of it, following edges both ways. Pure.
import type { LayoutEdge } from './layout';

export const MIN_HOPS = 1;
export const MAX_HOPS = 3;

function link(adj: Map<string, string[]>, a: string, b: string): void {
  const list = adj.get(a);
  if (list) list.push(b);
  else adj.set(a, [b]);
}

/** Ids within `hops` undirected hops of `focus` (breadth-first); just `focus` when it has no edges. */
export function neighbourhood(focus: string, edges: readonly LayoutEdge[], hops: number): Set<string> {
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    link(adj, e.source, e.target);
    link(adj, e.target, e.source);
  }
  const seen = new Set([focus]);
  let frontier = [focus];
  for (let h = 0; h < hops && frontier.length > 0; h++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of adj.get(id) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return seen;
}

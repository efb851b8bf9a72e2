// What the picture and the table show after the client-side filters (search, hide idle, focus).
// Positions stay those of the whole graph, so nodes do not jump while filters change. Pure.
import { neighbourhood } from './neighbourhood';
import type { GraphEdge, GraphNode } from './schema';

export interface VisibleFilters {
  q: string;
  hideIdle: boolean;
  focus?: string;
  hops: number;
}

export interface VisibleGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const idleEdge = (e: GraphEdge) => e.rps === 0 && !((e.bytesPerSecond ?? 0) > 0);

export function visibleGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], f: VisibleFilters): VisibleGraph {
  let es = f.hideIdle ? edges.filter((e) => !idleEdge(e)) : [...edges];
  let keep = new Set(nodes.map((n) => n.id));
  if (f.hideIdle) keep = new Set(es.flatMap((e) => [e.source, e.target]));
  if (f.focus && keep.has(f.focus)) {
    const near = neighbourhood(f.focus, es, f.hops);
    keep = new Set([...keep].filter((id) => near.has(id)));
  }
  const q = f.q.trim().toLowerCase();
  if (q) {
    // A search keeps the matching services and the calls between them and their direct neighbours.
    const hits = new Set([...keep].filter((id) => id.toLowerCase().includes(q)));
    es = es.filter((e) => hits.has(e.source) || hits.has(e.target));
    keep = new Set([...hits, ...es.flatMap((e) => [e.source, e.target]).filter((id) => keep.has(id))]);
  }
  es = es.filter((e) => keep.has(e.source) && keep.has(e.target));
  return { nodes: nodes.filter((n) => keep.has(n.id)), edges: es };
}

// Layout coordinates -> canvas pixels, and which node a click hit. The wrapper exposes no ECharts
// events, so clicks are mapped back with the same projector that placed the nodes. Pure.
import type { GraphNode } from '@/lib/graph';

/** Margins of the drawing box (px): room for the labels under and beside the outer nodes. */
export const GRAPH_BOX = { left: 60, right: 110, top: 24, bottom: 36 } as const;

type Point = Pick<GraphNode, 'id' | 'x' | 'y'>;
interface Size {
  width: number;
  height: number;
}

/** Extra pixels around a node that still count as a hit (small symbols are hard to click). */
const SLOP = 6;

/** Stretches the values onto [from, from + length]; a single value goes to the middle. */
function axis(values: number[], from: number, length: number): (v: number) => number {
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (max === min) return () => from + length / 2;
  return (v) => from + ((v - min) / (max - min)) * length;
}

/** Maps chart coordinates to canvas pixels for this set of nodes and this canvas size. */
export function projector(nodes: readonly Point[], size: Size): (n: Point) => { x: number; y: number } {
  const fx = axis(nodes.map((n) => n.x), GRAPH_BOX.left, size.width - GRAPH_BOX.left - GRAPH_BOX.right);
  const fy = axis(nodes.map((n) => n.y), GRAPH_BOX.top, size.height - GRAPH_BOX.top - GRAPH_BOX.bottom);
  return (n) => ({ x: fx(n.x), y: fy(n.y) });
}

/** The node nearest to (px, py) within its radius, if any. */
export function hitNode(nodes: readonly Point[], size: Size, px: number, py: number, radius = 20): string | undefined {
  if (nodes.length === 0) return undefined;
  const at = projector(nodes, size);
  let best: { id: string; d: number } | undefined;
  for (const n of nodes) {
    const p = at(n);
    const d = Math.hypot(p.x - px, p.y - py);
    if (d <= radius + SLOP && (!best || d < best.d)) best = { id: n.id, d };
  }
  return best?.id;
}

type Xy = { x: number; y: number };

/**
 * ECharts' control point for an edge with `lineStyle.curveness` (echarts/lib/chart/graph/
 * simpleLayoutHelper.js, `simpleLayoutEdge`): the quadratic curve bends off the chord's midpoint.
 */
export function controlPoint(p1: Xy, p2: Xy, curveness: number): Xy {
  return { x: (p1.x + p2.x) / 2 - (p1.y - p2.y) * curveness, y: (p1.y + p2.y) / 2 - (p2.x - p1.x) * curveness };
}

/** The point at t in [0, 1] along the drawn edge (t = 0.5: where a click is surest to land). */
export function pointOnEdge(p1: Xy, p2: Xy, curveness: number, t: number): Xy {
  const c = controlPoint(p1, p2, curveness);
  const u = 1 - t;
  return { x: u * u * p1.x + 2 * u * t * c.x + t * t * p2.x, y: u * u * p1.y + 2 * u * t * c.y + t * t * p2.y };
}

function distanceToSegment(p: Xy, a: Xy, b: Xy): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Straight pieces per curve: at 0.08 curveness the sagitta is small, 16 pieces are within a pixel. */
const PIECES = 16;
/** Pixels either side of an edge's centre line that still count as a click on it. */
export const EDGE_SLOP = 5;

interface HitEdge {
  source: string;
  target: string;
}

/** The index of the edge nearest to (px, py) within EDGE_SLOP, if any; edges to unknown nodes are skipped. */
export function hitEdge(nodes: readonly Point[], edges: readonly HitEdge[], size: Size, curveness: number, px: number, py: number): number | undefined {
  if (nodes.length === 0) return undefined;
  const at = projector(nodes, size);
  const placed = new Map(nodes.map((n) => [n.id, at(n)]));
  const p = { x: px, y: py };
  let best: { i: number; d: number } | undefined;
  edges.forEach((e, i) => {
    const a = placed.get(e.source);
    const b = placed.get(e.target);
    if (!a || !b) return;
    // Cheap reject: outside the edge's bounding box (plus the curve's bulge and the slop).
    const pad = EDGE_SLOP + Math.abs(curveness) * Math.hypot(b.x - a.x, b.y - a.y);
    if (px < Math.min(a.x, b.x) - pad || px > Math.max(a.x, b.x) + pad || py < Math.min(a.y, b.y) - pad || py > Math.max(a.y, b.y) + pad) return;
    let prev = a;
    for (let k = 1; k <= (curveness === 0 ? 1 : PIECES); k++) {
      const next = curveness === 0 ? b : pointOnEdge(a, b, curveness, k / PIECES);
      const d = distanceToSegment(p, prev, next);
      if (d <= EDGE_SLOP && (!best || d < best.d)) best = { i, d };
      prev = next;
    }
  });
  return best?.i;
}

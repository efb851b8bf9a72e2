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

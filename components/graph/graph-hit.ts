// Which node a click on the canvas hit. The wrapper exposes no ECharts events, so clicks are mapped
// with the same geometry ECharts uses for `layout: 'none'` (echarts/lib/chart/graph/createView.js):
// the nodes' bounding box is stretched onto the series box (GRAPH_BOX margins), and a zero-size
// axis is widened by one unit each side. Pure.
import type { GraphNode } from '@/lib/graph';
import { GRAPH_BOX } from './graph-options';

type Point = Pick<GraphNode, 'id' | 'x' | 'y'>;
interface Size {
  width: number;
  height: number;
}

/** Extra pixels around a node that still count as a hit (small symbols are hard to click). */
const SLOP = 6;

function axis(values: number[], from: number, length: number): (v: number) => number {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (max === min) [min, max] = [min - 1, max + 1];
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

// Layout coordinates -> canvas pixels: the graph is drawn in pixels so symbols stay round (see
// graph-options.ts). Clicks need none of this: ECharts reports which node or call was hit. Pure.
import type { GraphNode } from '@/lib/graph';

/** Margins of the drawing box (px): room for the labels under and beside the outer nodes. */
export const GRAPH_BOX = { left: 60, right: 110, top: 24, bottom: 36 } as const;

type Point = Pick<GraphNode, 'id' | 'x' | 'y'>;
interface Size {
  width: number;
  height: number;
}

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

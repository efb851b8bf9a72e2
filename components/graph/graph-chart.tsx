'use client';

import { useEffect, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { LazyEChart } from '@/components/charts/lazy-echart';
import { useChartTheme } from '@/components/charts/use-chart-theme';
import { edgeKey, type EdgeDiff, type GraphEdge, type GraphNode } from '@/lib/graph';
import { hitEdge, hitNode } from './graph-hit';
import { buildGraphOption, edgeCurveness } from './graph-options';
import styles from './graph.module.css';

export interface GraphChartProps {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  goneEdges?: readonly GraphEdge[];
  diff?: ReadonlyMap<string, EdgeDiff>;
  selectedNode?: string;
  selectedEdge?: string;
  label: string;
  onSelectNode: (id: string) => void;
  /** Called with the clicked call's `edgeKey`. */
  onSelectEdge: (key: string) => void;
}

/** Room per node in the tallest layer, so labels do not collide. */
const ROW_PX = 34;
const MIN_HEIGHT = 420;
const MAX_HEIGHT = 1400;

/** The element's width, following resizes (nodes are placed in pixels, see graph-options.ts). */
function useWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function GraphChart({ nodes, edges, goneEdges, diff, selectedNode, selectedEdge, label, onSelectNode, onSelectEdge }: GraphChartProps) {
  const theme = useChartTheme();
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const perLayer = new Map<number, number>();
  for (const n of nodes) perLayer.set(n.layer, (perLayer.get(n.layer) ?? 0) + 1);
  const tallest = Math.max(0, ...perLayer.values());
  const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, tallest * ROW_PX));
  const option = useMemo(
    () => buildGraphOption({ nodes, edges, goneEdges, diff, selectedNode, selectedEdge, theme, size: { width, height } }),
    [nodes, edges, goneEdges, diff, selectedNode, selectedEdge, theme, width, height],
  );
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const size = { width: box.width, height: box.height };
    const [x, y] = [e.clientX - box.left, e.clientY - box.top];
    // Nodes sit on top of their edges' ends: a click near a node means the node.
    const id = hitNode(nodes, size, x, y);
    if (id) return onSelectNode(id);
    const ids = new Set(nodes.map((n) => n.id));
    const gone = (goneEdges ?? []).filter((g) => ids.has(g.source) && ids.has(g.target)).length;
    const i = hitEdge(nodes, edges, size, edgeCurveness(edges.length + gone), x, y);
    const hit = i === undefined ? undefined : edges[i];
    if (hit) onSelectEdge(edgeKey(hit));
  };
  return (
    // Keyboard users select nodes and calls in the tables beside the picture; the canvas is a pointer shortcut.
    <div ref={ref} className={styles.chart} onClick={onClick} data-testid="graph-chart" data-nodes={nodes.length}>
      {width > 0 && <LazyEChart option={option} label={label} height={height} />}
    </div>
  );
}

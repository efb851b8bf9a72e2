'use client';

import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { LazyEChart } from '@/components/charts/lazy-echart';
import { useChartTheme } from '@/components/charts/use-chart-theme';
import type { ChartEvents } from '@/components/charts/echart';
import type { EdgeDiff, GraphEdge, GraphNode } from '@/lib/graph';
import { buildGraphOption, graphItemOf } from './graph-options';
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
  // ECharts says which node or call was clicked (it drew the curves, it knows where they are).
  const events = useMemo(
    (): ChartEvents => ({
      click: (event) => {
        const item = graphItemOf(event, nodes, edges);
        if (item && 'node' in item) onSelectNode(item.node);
        else if (item) onSelectEdge(item.edge);
      },
    }),
    [nodes, edges, onSelectNode, onSelectEdge],
  );
  return (
    // Keyboard users select nodes and calls in the tables beside the picture; the canvas is a pointer shortcut.
    <div ref={ref} className={styles.chart} data-testid="graph-chart" data-nodes={nodes.length}>
      {width > 0 && <LazyEChart option={option} label={label} height={height} onEvents={events} />}
    </div>
  );
}

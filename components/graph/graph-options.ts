// The ECharts option for the service graph: a pure function of the visible graph, unit-tested.
import type { ChartTheme } from '@/components/charts/chart-theme';
import type { ChartItemEvent, ChartOption, GraphSeriesOption } from '@/components/charts/echart';
import { HEALTH_MARKS, healthLevelColour } from '@/components/ui/health-marks';
import { edgeKey, type EdgeDiff } from '@/lib/graph/diff';
import type { GraphEdge, GraphNode, NodeKind } from '@/lib/graph/schema';
import { HEALTH_LABELS } from '@/lib/health/levels';
import { edgeSummary, formatErrorPct, isPlaintext, nodeSummary } from './format-graph';
import { projector } from './graph-layout';
import { edgeLineType, nodeName } from './cluster-style';

const NODE_MIN = 14;
const NODE_RANGE = 26;
const EDGE_MIN = 1;
const EDGE_RANGE = 6;
/**
 * Past this many edges, calls are drawn straight: 5,000 curved edges took most of a second to paint
 * (profiled in Chromium at 1,000 services), and at that density the curve no longer separates anything.
 * Labels go too (but for failing or degraded nodes and the selection): ECharts measures every label
 * text up front, hover labels included, which was the next largest cost (a CPU profile of
 * `npm run bench -- graph-scale`), and a thousand names overlap into noise; the tooltip names them.
 */
export const LARGE_GRAPH_EDGES = 500;
/** Curveness of every call drawn (see LARGE_GRAPH_EDGES). */
export const edgeCurveness = (drawnEdges: number) => (drawnEdges > LARGE_GRAPH_EDGES ? 0 : 0.08);

const SYMBOLS: Record<NodeKind, string> = { service: 'circle', gateway: 'diamond', external: 'triangle', tcp: 'roundRect' };

export interface GraphOptionInput {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  theme: ChartTheme;
  selectedNode?: string;
  selectedEdge?: string;
  diff?: ReadonlyMap<string, EdgeDiff>;
  /** Edges of the baseline that are gone now (compare mode), drawn faint. */
  goneEdges?: readonly GraphEdge[];
  /** The canvas size (px): nodes are placed in pixels so symbols stay round (see below). */
  size: { width: number; height: number };
}

/**
 * ECharts stretches the nodes' bounding box onto the series box, non-uniformly, which squashes round
 * symbols into ellipses. Nodes are placed in canvas pixels instead, with two invisible anchors in
 * opposite corners, so the stretch is exactly 1:1. They come first in `data`: node i is item i + ANCHORS.
 */
const ANCHORS = 2;
function anchors(size: { width: number; height: number }) {
  const hidden = { symbolSize: 0, label: { show: false }, tooltip: { show: false }, itemStyle: { opacity: 0 }, silent: true };
  return [
    { id: 'anchor:top-left', name: '', x: 0, y: 0, ...hidden },
    { id: 'anchor:bottom-right', name: '', x: size.width, y: size.height, ...hidden },
  ];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Square-root scaling: rates span orders of magnitude, areas should not. */
const scale = (v: number, max: number) => (max > 0 ? Math.sqrt(Math.max(0, v) / max) : 0);

function nodeItem(n: GraphNode, max: number, input: GraphOptionInput, at: { x: number; y: number }, large: boolean) {
  // The server's verdict (lib/health); callers outside the mesh keep their own colour, not a verdict's.
  const level = n.health.level;
  const raised = level === 'failing' || level === 'warning';
  const selected = n.id === input.selectedNode;
  const colour = n.kind === 'gateway' || n.kind === 'external' ? input.theme.accent : healthLevelColour(input.theme, level);
  const mark = HEALTH_MARKS[level];
  return {
    id: n.id,
    name: n.id,
    x: at.x,
    y: at.y,
    symbol: SYMBOLS[n.kind],
    symbolSize: NODE_MIN + NODE_RANGE * scale(n.rps, max),
    itemStyle: { color: colour, borderColor: selected ? input.theme.text : input.theme.surface, borderWidth: selected ? 3 : 1 },
    label: {
      show: !large || selected || raised,
      formatter: raised ? `${mark}${nodeName(n)} ${formatErrorPct(n.errorRatio)}` : nodeName(n),
      color: level === 'failing' ? input.theme.bad : input.theme.text,
      fontWeight: selected || level === 'failing' ? ('bold' as const) : ('normal' as const),
    },
  };
}

function nodeTooltip(n: GraphNode): string {
  return `<b>${escapeHtml(n.id)}</b> (${n.kind})<br/>${escapeHtml(nodeSummary(n))}<br/>${HEALTH_LABELS[n.health.level]}: ${escapeHtml(n.health.reason)}`;
}

/** An edge's label and tooltip text; built only when ECharts shows it (5,000 up front cost ~100 ms). */
function edgeText(e: GraphEdge, input: GraphOptionInput, gone: boolean): string {
  const change = input.diff?.get(edgeKey(e))?.change;
  const tag = gone ? 'gone · ' : change === 'new' ? 'new · ' : change === 'worse' ? 'errors ↑ · ' : change === 'better' ? 'errors ↓ · ' : '';
  return `${tag}${isPlaintext(e) ? '⚠ plaintext · ' : ''}${edgeSummary(e)}`;
}

function edgeItem(e: GraphEdge, max: number, input: GraphOptionInput, curveness: number, gone = false) {
  const key = edgeKey(e);
  const change = input.diff?.get(key)?.change;
  const plaintext = isPlaintext(e);
  const level = e.health.level;
  let colour = level === 'failing' || level === 'warning' ? healthLevelColour(input.theme, level) : input.theme.muted;
  if (plaintext) colour = input.theme.bad;
  if (change === 'new') colour = input.theme.accent;
  if (gone) colour = input.theme.border;
  const selected = key === input.selectedEdge;
  return {
    source: e.source,
    target: e.target,
    lineStyle: {
      color: colour,
      width: EDGE_MIN + EDGE_RANGE * scale(e.rps, max) + (selected ? 2 : 0) + (change === 'worse' || change === 'new' ? 2 : 0),
      type: edgeLineType(e, gone),
      opacity: gone ? 0.6 : 0.85,
      curveness,
    },
    label: { show: selected || change === 'worse' },
  };
}

/** ECharts' callback argument for one item: which list (`node` or `edge`) and where in it. */
interface ItemParams {
  dataType?: string;
  dataIndex: number;
}

/**
 * Series-level formatters, called with the hovered item: strings for thousands of tooltips and edge
 * labels are built when shown, not when the option is.
 */
function lazyText(input: GraphOptionInput, drawn: ReadonlyArray<{ edge: GraphEdge; gone: boolean }>, anchorCount: number) {
  const edgeAt = (params: unknown) => {
    const p = params as ItemParams;
    return p.dataType === 'edge' ? drawn[p.dataIndex] : undefined;
  };
  return {
    tooltip: (params: unknown): string => {
      const hit = edgeAt(params);
      if (hit) {
        const { level, reason } = hit.edge.health;
        return `<b>${escapeHtml(hit.edge.source)} → ${escapeHtml(hit.edge.target)}</b><br/>${escapeHtml(edgeText(hit.edge, input, hit.gone))}<br/>${HEALTH_LABELS[level]}: ${escapeHtml(reason)}`;
      }
      const n = input.nodes[(params as ItemParams).dataIndex - anchorCount];
      return n ? nodeTooltip(n) : '';
    },
    edgeLabel: (params: unknown): string => {
      const hit = edgeAt(params);
      return hit ? edgeText(hit.edge, input, hit.gone) : '';
    },
  };
}

/**
 * What an ECharts event on the graph series is about: a node's id or a call's `edgeKey`. ECharts hit
 * tests its own drawing (curves, symbols, labels); this only maps its indices back to our lists.
 * Anchors are silent and calls that are gone (compare mode, drawn after the current ones) have no panel.
 */
export function graphItemOf(event: ChartItemEvent, nodes: readonly GraphNode[], edges: readonly GraphEdge[]): { node: string } | { edge: string } | undefined {
  if (event.componentType !== 'series') return undefined;
  if (event.dataType === 'edge') {
    const e = edges[event.dataIndex];
    return e ? { edge: edgeKey(e) } : undefined;
  }
  const n = event.dataType === 'node' ? nodes[event.dataIndex - ANCHORS] : undefined;
  return n ? { node: n.id } : undefined;
}

export function buildGraphOption(input: GraphOptionInput): ChartOption {
  const maxNode = Math.max(0, ...input.nodes.map((n) => n.rps));
  const maxEdge = Math.max(0, ...input.edges.filter((e) => e.protocol === 'http').map((e) => e.rps));
  const ids = new Set(input.nodes.map((n) => n.id));
  const at = projector(input.nodes, input.size);
  const gone = (input.goneEdges ?? []).filter((e) => ids.has(e.source) && ids.has(e.target));
  const curveness = edgeCurveness(input.edges.length + gone.length);
  const corners = anchors(input.size);
  const drawn = [...input.edges.map((edge) => ({ edge, gone: false })), ...gone.map((edge) => ({ edge, gone: true }))];
  const text = lazyText(input, drawn, ANCHORS);
  const large = drawn.length > LARGE_GRAPH_EDGES;
  const series: GraphSeriesOption = {
    type: 'graph',
    layout: 'none',
    left: 0,
    top: 0,
    right: 0,
    bottom: 0,
    roam: false,
    animation: false,
    edgeSymbol: ['none', 'arrow'],
    edgeSymbolSize: 7,
    label: { show: true, position: 'bottom', distance: 3, fontSize: 11 },
    edgeLabel: { fontSize: 10, backgroundColor: input.theme.surface, padding: 2, color: input.theme.text, formatter: text.edgeLabel },
    emphasis: { focus: 'adjacency', edgeLabel: { show: !large } },
    tooltip: { formatter: text.tooltip },
    data: [...corners, ...input.nodes.map((n) => nodeItem(n, maxNode, input, at(n), large))],
    edges: drawn.map((d) => edgeItem(d.edge, maxEdge, input, curveness, d.gone)),
  };
  return { tooltip: { trigger: 'item', confine: true }, series: [series] };
}

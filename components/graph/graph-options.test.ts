import { describe, expect, it } from 'vitest';
import { LIGHT_CHART_THEME as theme } from '@/components/charts/chart-theme';
import type { ChartItemEvent, GraphSeriesOption } from '@/components/charts/echart';
import type { GraphEdge, GraphNode } from '@/lib/graph';
import { healthVerdict } from '@/lib/health';
import { CROSS_CLUSTER_DASH, edgeLineType } from './cluster-style';
import { buildGraphOption, graphItemOf, LARGE_GRAPH_EDGES } from './graph-options';

// The verdict comes with the data (the API's lib/health); the option only renders it.
const health = (errorRatio: number | null, rps: number) => healthVerdict({ errorRatio, rps, windowSeconds: 300 });
const node = (id: string, rps: number, errorRatio: number | null): GraphNode => ({
  id,
  service: id.split('/')[1] ?? '',
  namespace: 'ns',
  kind: 'service',
  rps,
  errorRatio,
  p95Ms: 10,
  x: 0,
  y: 0,
  layer: 0,
  health: health(errorRatio, rps),
});
const edge = (source: string, target: string, errorRatio: number, mtlsRatio = 1): GraphEdge => ({
  source,
  target,
  protocol: 'http',
  rps: 10,
  errorRatio,
  p95Ms: 10,
  mtlsRatio,
  bytesPerSecond: null,
  health: health(errorRatio, 10),
});

function series(nodes: GraphNode[], edges: GraphEdge[], selectedEdge?: string) {
  const opt = buildGraphOption({ nodes, edges, theme, selectedEdge, size: { width: 800, height: 400 } });
  const s = (opt.series as GraphSeriesOption[])[0] as GraphSeriesOption & { data: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
  return { ...s, data: s.data.slice(2) }; // the two corner anchors first
}

describe('buildGraphOption', () => {
  const s = series([node('ns/ok', 100, 0), node('ns/warn', 1, 0.02), node('ns/bad', 25, 0.5), node('ns/idle', 0, null)], [edge('ns/ok', 'ns/bad', 0.5), edge('ns/ok', 'ns/warn', 0, 0)]);

  it('colours nodes by health with a textual cue, sized by traffic', () => {
    const [ok, warn, bad, idle] = s.data as Array<{ itemStyle: { color: string }; label: { formatter: string }; symbolSize: number }>;
    expect(ok?.itemStyle.color).toBe(theme.good);
    expect(warn?.itemStyle.color).toBe(theme.warn);
    expect(bad?.itemStyle.color).toBe(theme.bad);
    expect(idle?.itemStyle.color).toBe(theme.muted);
    expect(bad?.label.formatter).toBe('✖ bad 50%');
    expect(warn?.label.formatter).toBe('▲ warn 2.00%');
    expect(ok?.symbolSize).toBeGreaterThan(bad?.symbolSize ?? Infinity);
  });

  it('draws failing edges red and plaintext edges dashed with a warning', () => {
    const [failing, plain] = s.edges as Array<{ lineStyle: { color: string; type: string } }>;
    expect(failing?.lineStyle.color).toBe(theme.bad);
    expect(plain?.lineStyle.type).toBe('dashed');
    const label = (s.edgeLabel as { formatter: (p: unknown) => string }).formatter;
    expect(label({ dataType: 'edge', dataIndex: 1 })).toBe('⚠ plaintext · 10 req/s · 0.00% errors · p95 10 ms · plaintext');
    expect(label({ dataType: 'edge', dataIndex: 0 })).toContain('50% errors');
  });

  it('builds tooltips when hovered, for nodes (after the two anchors) and edges', () => {
    const tooltip = (s.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(tooltip({ dataType: 'node', dataIndex: 2 + 2 })).toBe('<b>ns/bad</b> (service)<br/>25 req/s · 50% errors · p95 10 ms<br/>Failing: 50.0 % of requests fail (failing at 5 % or more)');
    expect(tooltip({ dataType: 'edge', dataIndex: 0 })).toContain('<b>ns/ok → ns/bad</b>');
  });

  it('places nodes in pixels between corner anchors, so the canvas is not stretched', () => {
    const opt = buildGraphOption({ nodes: [node('ns/a', 1, 0)], edges: [], theme, size: { width: 800, height: 400 } });
    const data = (opt.series as Array<{ data: Array<{ x: number; y: number }> }>)[0]?.data ?? [];
    expect(data.map((d) => [d.x, d.y])).toEqual([[0, 0], [800, 400], [60 + 630 / 2, 24 + 340 / 2]]);
  });

  it('shows the label of the selected edge', () => {
    const sel = series([node('ns/a', 1, 0), node('ns/b', 1, 0)], [edge('ns/a', 'ns/b', 0)], 'ns/a -> ns/b (http)');
    expect((sel.edges[0] as { label: { show: boolean } }).label.show).toBe(true);
  });
});

describe('buildGraphOption at scale', () => {
  it('draws the calls of a large graph straight, a small one curved', () => {
    const curve = (n: number) => {
      const nodes = Array.from({ length: n + 1 }, (_, i) => node(`ns/s${i}`, 1, 0));
      const edges = nodes.slice(1).map((t) => edge('ns/s0', t.id, 0));
      return (series(nodes, edges).edges[0] as { lineStyle: { curveness: number } }).lineStyle.curveness;
    };
    expect(curve(10)).toBe(0.08);
    expect(curve(LARGE_GRAPH_EDGES + 1)).toBe(0);
  });

  it('labels only failing, degraded and selected nodes of a large graph, and no edges on hover', () => {
    const labels = (n: number) => {
      const nodes = [node('ns/bad', 1, 0.5), ...Array.from({ length: n }, (_, i) => node(`ns/s${i}`, 1, 0))];
      const opt = buildGraphOption({ nodes, edges: nodes.slice(1).map((t) => edge('ns/bad', t.id, 0)), theme, selectedNode: 'ns/s1', size: { width: 800, height: 400 } });
      const s = (opt.series as GraphSeriesOption[])[0] as { data: Array<{ label?: { show: boolean } }>; emphasis: { edgeLabel: { show: boolean } } };
      return { shown: s.data.slice(2).filter((d) => d.label?.show).length, hoverEdges: s.emphasis.edgeLabel.show };
    };
    expect(labels(10)).toEqual({ shown: 11, hoverEdges: true });
    expect(labels(LARGE_GRAPH_EDGES + 1)).toEqual({ shown: 2, hoverEdges: false });
  });
});

describe('graphItemOf', () => {
  const nodes = [node('ns/a', 1, 0), node('ns/b', 1, 0)];
  const edges = [edge('ns/a', 'ns/b', 0)];
  const gone = [edge('ns/b', 'ns/a', 0)];
  const opt = buildGraphOption({ nodes, edges, goneEdges: gone, theme, size: { width: 800, height: 400 } });
  const s = (opt.series as GraphSeriesOption[])[0] as { data: Array<{ id: string; silent?: boolean }>; edges: unknown[] };
  // ECharts' click event for item i of the series' `data` (dataType 'node') or `edges` (dataType 'edge').
  const click = (dataType: 'node' | 'edge', dataIndex: number): ChartItemEvent => ({ componentType: 'series', seriesIndex: 0, dataType, dataIndex, data: {} });

  it('maps a node click to the node drawn at that index, past the silent anchors', () => {
    const index = s.data.findIndex((d) => d.id === 'ns/b');
    expect(graphItemOf(click('node', index), nodes, edges)).toEqual({ node: 'ns/b' });
    expect(s.data.filter((d) => d.silent).length).toBe(2);
    expect(graphItemOf(click('node', 0), nodes, edges)).toBeUndefined();
  });

  it('maps an edge click to its call key; a gone call (drawn after the current ones) selects nothing', () => {
    expect(s.edges).toHaveLength(2);
    expect(graphItemOf(click('edge', 0), nodes, edges)).toEqual({ edge: 'ns/a -> ns/b (http)' });
    expect(graphItemOf(click('edge', 1), nodes, edges)).toBeUndefined();
    expect(graphItemOf({ ...click('edge', 0), componentType: 'tooltip' }, nodes, edges)).toBeUndefined();
  });
});

describe('calls across clusters', () => {
  it('are drawn dash-dot, unlike local calls, plaintext (dashed) and gone calls (dotted)', () => {
    const local = { ...edge('shop/frontend@us', 'shop/reviews@us', 0), sourceCluster: 'us', targetCluster: 'us', crossCluster: false };
    const cross = { ...edge('shop/frontend@us', 'shop/reviews@eu', 0), sourceCluster: 'us', targetCluster: 'eu', crossCluster: true };
    expect(edgeLineType(local, false)).toBe('solid');
    expect(edgeLineType(cross, false)).toEqual([10, 4, 2, 4]);
    expect(CROSS_CLUSTER_DASH).toEqual([10, 4, 2, 4]);
    expect(edgeLineType({ ...cross, mtlsRatio: 0 }, false)).toBe('dashed');
    expect(edgeLineType(cross, true)).toBe('dotted');
    expect(edgeLineType(edge('a', 'b', 0), false)).toBe('solid');
  });
});

'use client';

import { memo, useMemo } from 'react';
import { formatRps } from '@/components/format';
import { HealthChip } from '@/components/ui/health-chip';
import { edgeKey, type EdgeDiff, type GraphEdge, type GraphNode, type GraphView } from '@/lib/graph';
import { HEALTH_RANK } from '@/lib/health/schema';
import { formatBytes, formatErrorPct, formatMtls, formatP95 } from './format-graph';
import styles from './graph.module.css';
import { SortableTable, type Column } from './sortable-table';

export interface GraphTablesProps {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  when: string;
  view: GraphView;
  selectedNode?: string;
  selectedEdge?: string;
  diff?: ReadonlyMap<string, EdgeDiff>;
  onSelectNode: (id: string) => void;
  onSelectEdge: (key: string) => void;
}

/**
 * Rows per page: 5,000 call rows at once blocked the page for over a second, 1,000 service rows for
 * most of one (Chromium, `npm run bench -- graph-scale`). Sorting and search still cover every row.
 */
export const EDGE_ROWS = 100;
export const NODE_ROWS = 100;

const NOUNS: Record<GraphView, { one: string; many: string }> = { service: { one: 'Service', many: 'services' }, workload: { one: 'Workload', many: 'workloads' } };

const nodeKey = (n: GraphNode) => n.id;

/** The graph as text: every node and edge the picture shows, for screen readers, copying and search. */
// Memoised: the page re-renders on every fetch state change, the tables need not.
export const GraphTables = memo(function GraphTables({ nodes, edges, when, view, selectedNode, selectedEdge, diff, onSelectNode, onSelectEdge }: GraphTablesProps) {
  const noun = NOUNS[view];
  const nodeColumns = useMemo((): Column<GraphNode>[] => {
    const columns: Column<GraphNode>[] = [
      {
        key: 'id',
        label: noun.one,
        value: (n) => n.id,
        render: (n) => (
          <button type="button" className={styles.link} onClick={() => onSelectNode(n.id)}>
            {n.id}
          </button>
        ),
      },
      { key: 'kind', label: 'Kind', value: (n) => n.kind },
      {
        key: 'health',
        label: 'Health',
        // Sorts worst first when descending; the verdict is the server's (lib/health).
        value: (n) => HEALTH_RANK[n.health.level],
        render: (n) => <HealthChip health={n.health} />,
      },
      { key: 'rps', label: 'Req/s', value: (n) => n.rps, render: (n) => formatRps(n.rps), numeric: true },
      { key: 'err', label: 'Errors', value: (n) => n.errorRatio, render: (n) => formatErrorPct(n.errorRatio), numeric: true },
      { key: 'p95', label: 'p95', value: (n) => n.p95Ms, render: (n) => formatP95(n.p95Ms), numeric: true },
    ];
    // A rolling update shows as two revisions of one workload for as long as both serve.
    if (view === 'workload') columns.push({ key: 'revisions', label: 'Revisions', value: (n) => n.revisions?.map((r) => r.revision).join(', ') ?? null });
    return columns;
  }, [onSelectNode, noun, view]);
  const edgeColumns = useMemo((): Column<GraphEdge>[] => {
    const columns: Column<GraphEdge>[] = [
      {
        key: 'edge',
        label: 'Call',
        value: (e) => edgeKey(e),
        render: (e) => (
          <button type="button" className={styles.link} onClick={() => onSelectEdge(edgeKey(e))}>
            {e.source} → {e.target}
          </button>
        ),
      },
      { key: 'protocol', label: 'Protocol', value: (e) => e.protocol },
      { key: 'health', label: 'Health', value: (e) => HEALTH_RANK[e.health.level], render: (e) => <HealthChip health={e.health} /> },
      { key: 'rps', label: 'Rate', value: (e) => e.rps, render: (e) => (e.protocol === 'tcp' ? `${formatRps(e.rps)} conn/s · ${formatBytes(e.bytesPerSecond ?? 0)}` : `${formatRps(e.rps)} req/s`), numeric: true },
      { key: 'err', label: 'Errors', value: (e) => e.errorRatio, render: (e) => formatErrorPct(e.errorRatio), numeric: true },
      { key: 'p95', label: 'p95', value: (e) => e.p95Ms, render: (e) => formatP95(e.p95Ms), numeric: true },
      { key: 'mtls', label: 'Security', value: (e) => e.mtlsRatio, render: (e) => formatMtls(e.mtlsRatio) },
    ];
    if (diff) columns.push({ key: 'change', label: 'Change', value: (e) => diff.get(edgeKey(e))?.change ?? 'same' });
    return columns;
  }, [diff, onSelectEdge]);
  return (
    <div className={styles.tables}>
      <SortableTable caption={`${nodes.length} ${noun.many} at ${when}`} rows={nodes} columns={nodeColumns} rowKey={nodeKey} initial={{ key: 'rps', desc: true }} selected={selectedNode} limit={NODE_ROWS} noun={noun.many} />
      <SortableTable caption={`${edges.length} calls at ${when}`} rows={edges} columns={edgeColumns} rowKey={edgeKey} initial={{ key: 'err', desc: true }} selected={selectedEdge} limit={EDGE_ROWS} noun="calls" />
    </div>
  );
});

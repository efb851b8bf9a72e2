'use client';

import { memo, useMemo } from 'react';
import { formatRps } from '@/components/format';
import { DataTable, type Column } from '@/components/ui/data-table';
import { HealthChip } from '@/components/ui/health-chip';
import { compareValues } from '@/components/ui/sort-model';
import { edgeKey, type EdgeDiff } from '@/lib/graph/diff';
import type { GraphEdge, GraphNode } from '@/lib/graph/schema';
import type { GraphView } from '@/lib/mesh/graph';
import { HEALTH_RANK } from '@/lib/health/levels';
import { formatBytes, formatErrorPct, formatMtls, formatP95 } from './format-graph';
import styles from './graph.module.css';

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
// Ties by id, so equal rates keep one order however the API listed them.
const nodeTie = (a: GraphNode, b: GraphNode) => compareValues(a.id, b.id);
const edgeTie = (a: GraphEdge, b: GraphEdge) => compareValues(edgeKey(a), edgeKey(b));

/** The graph as text: every node and edge the picture shows, for screen readers, copying and search. */
// Memoised: the page re-renders on every fetch state change, the tables need not.
export const GraphTables = memo(function GraphTables({ nodes, edges, when, view, selectedNode, selectedEdge, diff, onSelectNode, onSelectEdge }: GraphTablesProps) {
  const noun = NOUNS[view];
  const nodeColumns = useMemo((): Column<GraphNode>[] => {
    const columns: Column<GraphNode>[] = [
      {
        key: 'id',
        label: noun.one,
        sortValue: (n) => n.id,
        render: (n) => (
          <button type="button" className={styles.link} onClick={() => onSelectNode(n.id)}>
            {n.id}
          </button>
        ),
      },
      { key: 'kind', label: 'Kind', sortValue: (n) => n.kind },
      {
        key: 'health',
        label: 'Health',
        // Sorts worst first when descending; the verdict is the server's (lib/health).
        sortValue: (n) => HEALTH_RANK[n.health.level],
        render: (n) => <HealthChip health={n.health} />,
      },
      { key: 'rps', label: 'Req/s', sortValue: (n) => n.rps, render: (n) => formatRps(n.rps), numeric: true },
      { key: 'err', label: 'Errors', sortValue: (n) => n.errorRatio, render: (n) => formatErrorPct(n.errorRatio), numeric: true },
      { key: 'p95', label: 'p95', sortValue: (n) => n.p95Ms, render: (n) => formatP95(n.p95Ms), numeric: true },
    ];
    // A rolling update shows as two revisions of one workload for as long as both serve.
    if (view === 'workload') columns.push({ key: 'revisions', label: 'Revisions', sortValue: (n) => n.revisions?.map((r) => r.revision).join(', ') ?? null });
    return columns;
  }, [onSelectNode, noun, view]);
  const edgeColumns = useMemo((): Column<GraphEdge>[] => {
    const columns: Column<GraphEdge>[] = [
      {
        key: 'edge',
        label: 'Call',
        sortValue: (e) => edgeKey(e),
        render: (e) => (
          <button type="button" className={styles.link} onClick={() => onSelectEdge(edgeKey(e))}>
            {e.source} → {e.target}
          </button>
        ),
      },
      { key: 'protocol', label: 'Protocol', sortValue: (e) => e.protocol },
      { key: 'health', label: 'Health', sortValue: (e) => HEALTH_RANK[e.health.level], render: (e) => <HealthChip health={e.health} /> },
      { key: 'rps', label: 'Rate', sortValue: (e) => e.rps, render: (e) => (e.protocol === 'tcp' ? `${formatRps(e.rps)} conn/s · ${formatBytes(e.bytesPerSecond ?? 0)}` : `${formatRps(e.rps)} req/s`), numeric: true },
      { key: 'err', label: 'Errors', sortValue: (e) => e.errorRatio, render: (e) => formatErrorPct(e.errorRatio), numeric: true },
      { key: 'p95', label: 'p95', sortValue: (e) => e.p95Ms, render: (e) => formatP95(e.p95Ms), numeric: true },
      { key: 'mtls', label: 'Security', sortValue: (e) => e.mtlsRatio, render: (e) => formatMtls(e.mtlsRatio) },
    ];
    if (diff) columns.push({ key: 'change', label: 'Change', sortValue: (e) => diff.get(edgeKey(e))?.change ?? 'same' });
    return columns;
  }, [diff, onSelectEdge]);
  return (
    <div className={styles.tables}>
      <DataTable caption={`${nodes.length} ${noun.many} at ${when}`} rows={nodes} columns={nodeColumns} rowKey={nodeKey} tie={nodeTie} initialSort={{ key: 'rps', direction: 'descending' }} selected={selectedNode} limit={NODE_ROWS} noun={noun.many} />
      <DataTable caption={`${edges.length} calls at ${when}`} rows={edges} columns={edgeColumns} rowKey={edgeKey} tie={edgeTie} initialSort={{ key: 'err', direction: 'descending' }} selected={selectedEdge} limit={EDGE_ROWS} noun="calls" />
    </div>
  );
});

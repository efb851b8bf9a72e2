'use client';

import { useCallback, useMemo } from 'react';
import { formatUtc } from '@/lib/format';
import { diffEdges, edgeKey } from '@/lib/graph/diff';
import type { GraphUrlState } from '@/lib/graph/url-state';
import { visibleGraph } from '@/lib/graph/visible';
import { useSloList } from '@/lib/queries/slo-hooks';
import { useMeshClusters } from '@/lib/queries/use-mesh';
import { EdgePanel } from './edge-panel';
import { GraphChart } from './graph-chart';
import { GraphFilters } from './graph-filters';
import { GraphLegend } from './graph-legend';
import { GraphTables } from './graph-tables';
import { LoadError } from './load-error';
import { NodePanel } from './node-panel';
import { TimeSlider } from './time-slider';
import { useGraph } from './use-graph';
import { useGraphUrl } from './use-graph-url';
import styles from './graph.module.css';

/** The service graph page: filters, time travel, picture, side panel and tables, all from the URL. */
export function GraphView({ now }: { now: number }) {
  const [state, update] = useGraphUrl();
  const end = state.end ?? state.time ?? now;
  const time = state.time ?? end;
  const { view } = state;
  const scope = { window: state.window, namespace: state.namespace, cluster: state.cluster, byCluster: state.byCluster, view };
  const current = useGraph({ time, ...scope }, { live: state.time === undefined });
  const baseline = useGraph({ time: state.compare ?? 0, ...scope }, { enabled: state.compare !== undefined });
  const clusters = useMeshClusters().data?.clusters ?? [];
  const data = current.data;
  // Every node and edge carries its verdict from the server (lib/health, SLOs included): none is made
  // here. The SLO list only gives the side panel links to the node's SLOs.
  const sloSpecs = useSloList();
  // A failed baseline is said so (below), not drawn from a stale answer nor silently dropped.
  const baselineFailed = state.compare !== undefined && baseline.isError;
  const compare = state.compare !== undefined && !baselineFailed ? baseline.data : undefined;

  const visible = useMemo(
    () => visibleGraph(data?.nodes ?? [], data?.edges ?? [], { q: state.q, hideIdle: state.hideIdle, focus: state.focus, hops: state.hops }),
    [data, state.q, state.hideIdle, state.focus, state.hops],
  );
  const diff = useMemo(() => (compare ? diffEdges(visible.edges, compare.edges) : undefined), [compare, visible.edges]);
  const gone = useMemo(() => (compare && diff ? compare.edges.filter((e) => diff.get(edgeKey(e))?.change === 'gone') : undefined), [compare, diff]);
  const selected = visible.nodes.find((n) => n.id === state.node);
  const selectedEdge = state.edge;
  const edge = selectedEdge === undefined ? undefined : visible.edges.find((e) => edgeKey(e) === selectedEdge);
  const set = (patch: Partial<GraphUrlState>) => update(patch);
  // Stable, so the memoised table columns survive unrelated re-renders. One panel at a time.
  const selectNode = useCallback((id: string) => update({ node: id, edge: undefined }), [update]);
  const selectEdge = useCallback((key: string) => update({ edge: key, node: undefined }), [update]);
  const when = formatUtc(time);
  const nouns = view === 'workload' ? 'workloads' : 'services';

  return (
    <div className={styles.page}>
      <TimeSlider key={`${time} ${end}`} time={time} end={end} range={state.range} onTime={(t) => set({ time: t, end })} onRange={(range) => set({ range, end })} />
      <GraphFilters state={state} time={time} namespaces={data?.namespaces ?? []} clusters={clusters} nodes={data?.nodes ?? []} onChange={set} />
      {current.isError && <LoadError what="Could not load the graph" error={current.error} retrying={current.isFetching} onRetry={() => void current.refetch()} />}
      {baselineFailed && (
        <LoadError
          what={`Baseline at ${formatUtc(state.compare ?? 0)} could not be loaded`}
          error={baseline.error}
          retrying={baseline.isFetching}
          retryLabel="Retry baseline"
          onRetry={() => void baseline.refetch()}
        />
      )}
      {compare && <p className={styles.note}>Compared with {formatUtc(state.compare ?? 0)}: {[...(diff?.values() ?? [])].filter((d) => d.change !== 'same').length} calls changed.</p>}
      <div className={styles.main}>
        <section className={styles.picture} aria-busy={current.isFetching}>
          <GraphLegend compare={Boolean(compare)} crossCluster={state.byCluster} />
          {data && visible.nodes.length === 0 ? (
            <p className={styles.note}>
              No {nouns} match these filters at {when}.
            </p>
          ) : (
            <GraphChart
              nodes={visible.nodes}
              edges={visible.edges}
              goneEdges={gone}
              diff={diff}
              selectedNode={state.node}
              selectedEdge={selectedEdge}
              label={`${view === 'workload' ? 'Workload' : 'Service'} graph at ${when}: ${visible.nodes.length} ${nouns}, ${visible.edges.length} calls`}
              onSelectNode={selectNode}
              onSelectEdge={selectEdge}
            />
          )}
        </section>
        {selected && (
          <NodePanel
            node={selected}
            edges={visible.edges}
            noun={view === 'workload' ? 'Workload' : 'Service'}
            sloNames={view === 'service' ? (sloSpecs.data ?? []).filter((s) => s.service === selected.service && s.namespace === selected.namespace).map((s) => s.name) : []}
            onClose={() => set({ node: undefined })}
            onFocus={(id) => set({ focus: id })}
            onSelect={selectNode}
            pinned={state.time}
          />
        )}
        {edge && !selected && <EdgePanel edge={edge} pinned={state.time} onClose={() => set({ edge: undefined })} onSelectNode={selectNode} />}
      </div>
      <GraphTables nodes={visible.nodes} edges={visible.edges} when={when} view={view} selectedNode={state.node} selectedEdge={selectedEdge} diff={diff} onSelectNode={selectNode} onSelectEdge={selectEdge} />
    </div>
  );
}

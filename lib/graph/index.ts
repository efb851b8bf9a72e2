// Pure graph code, safe for the browser; the server-only fetcher is imported from './fetch-graph'.
export { assembleGraph, safeRatio, GATEWAY_WORKLOAD, UNKNOWN_WORKLOAD, type AssembledGraph, type GraphVectors, type UnplacedNode, type VectorSample } from './assemble';
export { diffEdges, edgeKey, CHANGE_THRESHOLD, MAX_CHANGED, type EdgeChange, type EdgeDiff } from './diff';
export { edgeHealth, nodeHealth, type GraphHealthInput } from './health';
export { graphResponse, type GraphResponseInput } from './response';
export { layeredLayout, LAYER_GAP, NODE_GAP, type LayoutEdge, type Placement } from './layout';
export { neighbourhood, MAX_HOPS, MIN_HOPS } from './neighbourhood';
export { graphQueries, GRAPH_VIEWS, VIEW_LABELS, type GraphQueryName, type GraphQueryParams, type GraphView, type ViewLabels } from './queries';
export * from './schema';
export { graphSearch, parseGraphState, GRAPH_RANGES, GRAPH_WINDOWS, type GraphRange, type GraphUrlState, type GraphWindow } from './url-state';
export { visibleGraph, type VisibleFilters, type VisibleGraph } from './visible';

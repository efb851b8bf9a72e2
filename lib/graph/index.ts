// Pure graph code, safe for the browser; the server-only fetcher is imported from './fetch-graph'.
export { assembleGraph, emptyVectors, safeRatio, type AssembledGraph, type GraphVectors, type UnplacedNode, type VectorSample } from './assemble';
export { diffEdges, edgeKey, CHANGE_THRESHOLD, MAX_CHANGED, type EdgeChange, type EdgeDiff } from './diff';
export { edgeHealth, nodeHealth, type GraphHealthInput } from './health';
export { graphResponse, planQueries, type GraphResponseInput } from './response';
export { layeredLayout, LAYER_GAP, NODE_GAP, type LayoutEdge, type Placement } from './layout';
export { neighbourhood, MAX_HOPS, MIN_HOPS } from './neighbourhood';
export { GRAPH_VIEWS, type GraphQueryName, type GraphView } from '@/lib/mesh';
export * from './schema';
export { graphSearch, parseGraphState, GRAPH_RANGES, GRAPH_WINDOWS, type GraphRange, type GraphUrlState, type GraphWindow } from './url-state';
export { visibleGraph, type VisibleFilters, type VisibleGraph } from './visible';

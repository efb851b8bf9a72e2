import { istioSli } from './istio-sli';
import { linkerdSli } from './linkerd-sli';
import { istioAdapter } from './istio';
import { linkerdAdapter } from './linkerd';

export type {
  CertExpiryQuery,
  ClusterDiscovery,
  CertSeries,
  HealthTestSeries,
  MeshHealthSignals,
  LeaderLeaseQueries,
  ControlPlaneQueries,
  Dimension,
  FlagQuestion,
  Grouping,
  MeshAdapter,
  MeshQuery,
  ProxyResourceQueries,
  QuantileQuestion,
  RetryQueries,
  TcpQueries,
  TrafficQuestion,
  TrafficScope,
  Unsupported,
} from './adapter';
export { isUnsupported } from './adapter';
export { GRAPH_QUERY_NAMES, GRAPH_VIEWS, UNKNOWN_CALLER, type GraphQueries, type GraphQueryName, type GraphQuerySet, type GraphQuestion, type GraphView } from './graph';
export type { MeshKind, MeshSample, ServiceSummaryParams, ServiceSummaryQueries, ServiceSummaryResults, ServiceSummaryRow, SummaryField } from './types';
export { combineServiceSummary, ISTIO_SERVICE_LABELS, type ServiceLabels } from './combine';
export { chooseMesh, MESH_MARKER_MATCH, MESH_MARKERS, type Detection } from './detect';
export { istioAdapter, ISTIO_ERROR_CODES } from './istio';
export { PROXY_STATS_HOW_TO } from './istio-infra';
export { linkerdAdapter } from './linkerd';
export { NO_CONFIG_REJECTS } from './linkerd-health';
export { dimKey, readDim } from './read';
export { EDITOR_HINTS, TEMPLATE_NAMESPACE, TEMPLATE_SERVICE, type EditorHints } from './editor';
export { istioSli, linkerdSli };
/** Every mesh's adapter, by kind. */
export const MESH_ADAPTERS = { istio: istioAdapter, linkerd: linkerdAdapter } as const;
/** Every mesh's SLI counters, e.g. to recognise an imported query whatever mesh it was written for. */
export const SLI_SOURCES = [istioSli, linkerdSli] as const;

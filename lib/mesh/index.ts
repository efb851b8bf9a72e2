export type {
  MeshAdapter,
  MeshKind,
  MeshSample,
  ServiceSummaryParams,
  ServiceSummaryQueries,
  ServiceSummaryResults,
  ServiceSummaryRow,
  SummaryField,
} from './types';
export { combineServiceSummary, ISTIO_SERVICE_LABELS, type ServiceLabels } from './combine';
export { istioAdapter, ISTIO_ERROR_CODES } from './istio';

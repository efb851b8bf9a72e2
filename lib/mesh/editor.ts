// What the PromQL editor of a custom SLO offers on each mesh: completion data and a starting pair of
// queries. Served to the browser by /api/mesh, so components never spell a mesh's names.
import { ISTIO_ERROR_CODES, ISTIO_LABELS } from './istio-traffic';
import type { MeshKind } from './types';

/** Placeholders of `customTemplate`, filled in by the form with the picked service. */
export const TEMPLATE_NAMESPACE = '{{namespace}}';
export const TEMPLATE_SERVICE = '{{service}}';

export interface EditorHints {
  metrics: string[];
  labels: string[];
  /** Labels whose values are a fixed set on this mesh. */
  labelValues: Record<string, string[]>;
  /** Labels whose values are the discovered services' namespaces, or their names. */
  namespaceLabels: string[];
  serviceLabels: string[];
  /** A custom ratio for one service, with TEMPLATE_NAMESPACE and TEMPLATE_SERVICE in it; `{{window}}` stays. */
  customTemplate: { errorQuery: string; totalQuery: string };
}

const ISTIO_SERVICE = `reporter="destination", ${ISTIO_LABELS.namespace}="${TEMPLATE_NAMESPACE}", ${ISTIO_LABELS.service}="${TEMPLATE_SERVICE}"`;
const LINKERD_SERVICE = `direction="inbound", namespace="${TEMPLATE_NAMESPACE}", deployment="${TEMPLATE_SERVICE}"`;

export const EDITOR_HINTS: Record<MeshKind, EditorHints> = {
  istio: {
    metrics: ['istio_requests_total', 'istio_request_duration_milliseconds_bucket', 'istio_request_duration_milliseconds_count', 'istio_request_duration_milliseconds_sum'],
    labels: ['reporter', ISTIO_LABELS.service, ISTIO_LABELS.namespace, 'destination_workload', ISTIO_LABELS.sourceService, 'response_code', 'response_flags', 'connection_security_policy', 'le'],
    labelValues: { reporter: ['destination', 'source'], connection_security_policy: ['mutual_tls', 'none'] },
    namespaceLabels: [ISTIO_LABELS.namespace, ISTIO_LABELS.sourceNamespace],
    serviceLabels: [ISTIO_LABELS.service],
    customTemplate: {
      errorQuery: `sum(increase(istio_requests_total{${ISTIO_SERVICE}, response_code=~"${ISTIO_ERROR_CODES}"}[{{window}}]))`,
      totalQuery: `sum(increase(istio_requests_total{${ISTIO_SERVICE}}[{{window}}]))`,
    },
  },
  linkerd: {
    metrics: ['request_total', 'response_total', 'response_latency_ms_bucket', 'response_latency_ms_count', 'response_latency_ms_sum'],
    labels: ['direction', 'namespace', 'deployment', 'dst_namespace', 'dst_deployment', 'classification', 'status_code', 'tls', 'le'],
    labelValues: { direction: ['inbound', 'outbound'], classification: ['success', 'failure'], tls: ['true', 'no_identity'] },
    namespaceLabels: ['namespace', 'dst_namespace'],
    serviceLabels: ['deployment', 'dst_deployment'],
    customTemplate: {
      errorQuery: `sum(increase(response_total{${LINKERD_SERVICE}, classification="failure"}[{{window}}]))`,
      totalQuery: `sum(increase(response_total{${LINKERD_SERVICE}}[{{window}}]))`,
    },
  },
};

// The service graph's questions to a mesh: one constant set of instant queries per view, each grouped
// in PromQL by the labels that name an edge's two ends (or a node), so the query count never grows with
// the mesh. lib/graph reads the answers through each query's `labels`, never through label names.
import type { MeshQuery } from './adapter';

/** What a node is: a service (the callee's Kubernetes service) or a workload (its deployment). */
export const GRAPH_VIEWS = ['service', 'workload'] as const;
export type GraphView = (typeof GRAPH_VIEWS)[number];

/** The name a mesh gives a caller it cannot identify (no proxy of its own), for namespace and workload alike. */
export const UNKNOWN_CALLER = 'unknown';

export interface GraphQuestion {
  /** PromQL range duration of the rates, e.g. `5m`. */
  window: string;
  /** Keep edges that touch this namespace (as caller or callee); escaped before it enters PromQL. */
  namespace?: string;
  /** Keep edges that touch this mesh cluster (caller or callee in it); escaped before it enters PromQL. */
  cluster?: string;
  /**
   * Group edges and nodes by cluster too: edge queries then also carry `sourceCluster` (the caller's)
   * and `cluster` (the cluster that served the calls), node queries `cluster`.
   */
  byCluster?: boolean;
  view: GraphView;
}

/**
 * Edge queries carry `sourceNamespace`, `sourceService` (the calling workload), `namespace` and
 * `service` (the callee: service or workload, by view); node queries `namespace` and `service`
 * (and `revision` when the mesh reports one); the workload map `workloadNamespace`, `workload`,
 * `namespace` and `service`.
 */
export interface GraphQuerySet {
  /** HTTP requests per second per edge; callers outside the mesh appear as `UNKNOWN_CALLER`. */
  edgeRequests: MeshQuery;
  /** Failed requests per second per edge (5xx and resets; 4xx are the caller's). */
  edgeErrors: MeshQuery;
  /** Requests per second over mutual TLS per edge. */
  edgeMtls: MeshQuery;
  /**
   * Requests per second per edge as the servers saw them, where edge rates come from the callers
   * (split by cluster on Istio): the denominator of edgeMtls, which only servers know. Absent: edgeRequests.
   */
  edgeServed?: MeshQuery;
  /** p95 latency (ms) per edge. */
  edgeP95: MeshQuery;
  /** TCP bytes per second per edge, both directions. */
  tcpBytes: MeshQuery;
  /** The part of tcpBytes over mutual TLS. */
  tcpMtlsBytes: MeshQuery;
  /** TCP connections opened per second per edge. */
  tcpConnections: MeshQuery;
  /** Requests per second each node received, from every caller (unscoped), by revision where known. */
  serviceRequests: MeshQuery;
  serviceErrors: MeshQuery;
  serviceP95: MeshQuery;
  /**
   * Which service each workload backs (a counter's total: its lifetime traffic), for meshes that
   * report callers as workloads and callees as services. Absent where both are the same name.
   */
  workloadServices?: MeshQuery;
}

export type GraphQueryName = keyof GraphQuerySet;
export const GRAPH_QUERY_NAMES: readonly GraphQueryName[] = [
  'edgeRequests', 'edgeErrors', 'edgeMtls', 'edgeServed', 'edgeP95', 'tcpBytes', 'tcpMtlsBytes', 'tcpConnections',
  'serviceRequests', 'serviceErrors', 'serviceP95', 'workloadServices',
];

export interface GraphQueries {
  queries: GraphQuerySet;
  /** Service view: draw each calling workload as the service it backs (from workloadServices). */
  callersAsServices: boolean;
  /** Workload names of the mesh's ingress gateways: drawn as the graph's front door. */
  gatewayWorkloads: readonly string[];
}

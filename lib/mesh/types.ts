// Shapes shared by the adapters and their readers (the contract itself is in adapter.ts). Pure.

/** One instant-vector sample as the adapters need it (a structural subset of the Prometheus client's). */
export interface MeshSample {
  labels: Record<string, string>;
  /** NaN and ±Infinity are possible (e.g. histogram_quantile over no traffic). */
  value: number;
}

export interface ServiceSummaryParams {
  /** PromQL range duration, e.g. `5m`. */
  window: string;
  /** Restricts to one destination namespace; escaped before it enters PromQL. */
  namespace?: string;
}

/** One PromQL string per summary column, each grouped by destination service so their count is constant. */
export interface ServiceSummaryQueries {
  rps: string;
  successRatio: string;
  p95Ms: string;
}

export interface ServiceSummaryResults {
  rps: readonly MeshSample[];
  successRatio: readonly MeshSample[];
  p95Ms: readonly MeshSample[];
}

export type SummaryField = keyof ServiceSummaryQueries;

export interface ServiceSummaryRow {
  namespace: string;
  service: string;
  /** Requests per second over the window; null when Prometheus returned no usable value. */
  rps: number | null;
  /** Fraction of non-error responses (0..1); null without traffic. */
  successRatio: number | null;
  /** 95th percentile server-side latency in milliseconds; null without traffic. */
  p95Ms: number | null;
  /** Why a field is null, for the fields that are. */
  reasons: Partial<Record<SummaryField, string>>;
}

export type MeshKind = 'istio' | 'linkerd';

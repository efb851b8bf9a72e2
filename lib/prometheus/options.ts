// Options of the Prometheus client methods. Times are unix seconds, as Prometheus takes them.

export interface ClientOptions {
  baseUrl: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}
/** Times are unix seconds, as Prometheus takes them. */
export interface TimeRange extends CallOptions {
  start?: number;
  end?: number;
}
export interface InstantQueryOptions extends CallOptions {
  time?: number;
}
export interface RangeQueryOptions extends CallOptions {
  start: number;
  end: number;
  /** Resolution in seconds. */
  step: number;
}
export interface ExemplarOptions extends CallOptions {
  start: number;
  end: number;
}
export interface MatchOptions extends TimeRange {
  match?: string[];
}

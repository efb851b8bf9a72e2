// Options of the Prometheus client methods. Times are unix seconds, as Prometheus takes them.

export interface ClientOptions {
  baseUrl: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** The HTTP call (default: node:http with kept-alive connections, http-call.ts). */
  http?: import('./http-call').HttpCall;
  /** Calls in flight at once, the rest queue (default 64). */
  maxConcurrency?: number;
  /** Answers past this size fail as `too_large` (default 32 MB). */
  maxResponseBytes?: number;
  /** Byte budget of the answer cache (default 0: identical calls in flight are still sent once). */
  cacheBytes?: number;
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

/** `too_large`: the answer passed PROMETHEUS_MAX_RESPONSE_MB and was cut off while streaming. */
export type PrometheusErrorKind = 'network' | 'timeout' | 'http' | 'api' | 'schema' | 'aborted' | 'too_large';

export interface PrometheusErrorInit {
  kind: PrometheusErrorKind;
  endpoint: string;
  message: string;
  status?: number;
  errorType?: string;
  error?: string;
  warnings?: string[];
  cause?: unknown;
}

const PROMETHEUS_ERROR: unique symbol = Symbol.for('meshwatch.PrometheusError');

/**
 * The one failure type of lib/prometheus. `message` is written for humans and never contains the
 * Prometheus URL or credentials, so routes may show it; `errorType`/`error` are Prometheus's own.
 */
export class PrometheusError extends Error {
  /**
   * The client singleton may be created by instrumentation.ts (the start-up rules sync), which Next.js
   * bundles apart from the routes: a registered symbol keeps `instanceof PrometheusError` true for the
   * errors of that copy, so routes still answer 502/504 rather than 500.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== PrometheusError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && PROMETHEUS_ERROR in value;
  }
  readonly [PROMETHEUS_ERROR] = true;
  override readonly name = 'PrometheusError';
  readonly kind: PrometheusErrorKind;
  /** Endpoint template such as `/api/v1/query` (label names are not interpolated). */
  readonly endpoint: string;
  readonly status?: number;
  readonly errorType?: string;
  readonly error?: string;
  readonly warnings: string[];

  constructor(init: PrometheusErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.errorType = init.errorType;
    this.error = init.error;
    this.warnings = init.warnings ?? [];
  }
}

export function isPrometheusError(err: unknown): err is PrometheusError {
  return err instanceof PrometheusError;
}

// Node's fetch (undici) reports the socket error as `cause`; its message contains host and port,
// so only the code is turned into words.
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  UND_ERR_SOCKET: 'connection closed',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connect timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
};

/** A short, URL-free reason for a failed fetch, e.g. "connection refused". */
export function networkReason(err: unknown): string {
  const code = errorCode(err instanceof Error ? err.cause : undefined) ?? errorCode(err);
  if (code === undefined) return 'network error';
  if (/CERT|TLS|SSL/.test(code)) return 'TLS error';
  return NETWORK_REASONS[code] ?? `network error (${code})`;
}

function errorCode(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('code' in value)) return undefined;
  return typeof value.code === 'string' ? value.code : undefined;
}

// The one ApiError: thrown on purpose by route handlers (lib/api/errors.ts maps it to the JSON error body)
// and rebuilt from that body in the browser (lib/queries/api-fetch.ts). Pure, so both sides share it.

const API_ERROR: unique symbol = Symbol.for('meshwatch.ApiError');

/** A failed API call, e.g. `new ApiError(404, 'not_found', 'No SLO named "x"')`. */
export class ApiError extends Error {
  /**
   * Next.js bundles instrumentation.ts apart from the routes, so a singleton it creates first (the SLO
   * store) throws another copy of this class; a registered symbol keeps `instanceof ApiError` true
   * across copies. Subclasses keep the ordinary prototype check.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== ApiError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && API_ERROR in value;
  }
  readonly [API_ERROR] = true;
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    /** Stable and machine-readable: `validation_failed`, `upstream_error`, `not_found`, `network`, `schema`, ... */
    readonly code: string,
    message: string,
    /** The body's `details` (e.g. 422 field errors) and `upstream` (what Prometheus said), when given. */
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** 4xx answers and malformed bodies will not change on retry, and a 504 already spent the whole deadline; other 5xx and unreachable servers may. */
  get retryable(): boolean {
    return this.code !== 'schema' && this.status !== 504 && (this.status === 0 || this.status >= 500);
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ fieldErrors: { path: [messages] } }`, checked in plain code: the browser runs this without zod. */
function fieldErrorsIn(details: unknown): Record<string, string[]> | undefined {
  if (!isObject(details) || !isObject(details.fieldErrors)) return undefined;
  const entries = Object.entries(details.fieldErrors);
  const valid = entries.every(([, messages]) => Array.isArray(messages) && messages.every((m) => typeof m === 'string'));
  return valid ? (details.fieldErrors as Record<string, string[]>) : undefined;
}

/** `details.fieldErrors` of a 422, by dotted path; empty for any other error. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiError) || error.status !== 422) return {};
  // The browser keeps the body's `details` nested under `details`.
  return fieldErrorsIn(error.details) ?? (isObject(error.details) ? fieldErrorsIn(error.details.details) : undefined) ?? {};
}

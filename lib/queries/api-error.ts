import type { z } from 'zod';
import { apiErrorBodySchema } from './schemas';

export interface ApiErrorInit {
  /** HTTP status; 0 when the request never got an answer. */
  status: number;
  /** The API's stable code (`validation_failed`, `upstream_error`, `upstream_timeout`, ...) or ours. */
  code: string;
  message: string;
  /** The API's `details` (e.g. field errors) and `upstream` (what Prometheus said), when given. */
  details?: unknown;
}

/** A failed call to Meshwatch's API, carrying the message the server wrote for humans. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
  }

  /** 4xx answers and malformed bodies will not change on retry; a 504 already spent the whole deadline. */
  get retryable(): boolean {
    return this.code !== 'schema' && this.status !== 504 && (this.status === 0 || this.status >= 500);
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** GETs a Meshwatch API path and parses the body with `schema`; throws ApiError on any failure. */
export async function fetchApi<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err; // react-query cancelled it; not a failure to show
    throw new ApiError({ status: 0, code: 'network', message: 'Could not reach the Meshwatch server' });
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = apiErrorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, ...details } = parsed.data.error;
      throw new ApiError({ status: res.status, code, message, details });
    }
    throw new ApiError({ status: res.status, code: `http_${res.status}`, message: `Request failed with HTTP ${res.status}` });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({ status: res.status, code: 'schema', message: 'Unexpected response from the Meshwatch API' });
  }
  return parsed.data;
}

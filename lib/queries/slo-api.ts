import { z } from 'zod';
import { ApiError } from './api-error';
import { apiErrorBodySchema } from './schemas';

// Writes and text reads of the SLO API (GETs of JSON go through fetchApi). Every failure is an
// ApiError carrying the server's code and details (422 `details.fieldErrors`, 409 on a stale edit).

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = apiErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, ...details } = parsed.data.error;
    return new ApiError({ status: res.status, code, message, details });
  }
  return new ApiError({ status: res.status, code: `http_${res.status}`, message: `Request failed with HTTP ${res.status}` });
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new ApiError({ status: 0, code: 'network', message: 'Could not reach the Meshwatch server' });
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

/**
 * Sends JSON (or YAML text) and parses the JSON answer with `schema`; `undefined` for a 204. The API
 * refuses text/plain bodies (a cross-site form could send them), so text goes as application/yaml.
 */
export async function sendApi<S extends z.ZodType>(
  path: string,
  { method, body, text, headers, signal }: { method: string; body?: unknown; text?: string; headers?: Record<string, string>; signal?: AbortSignal },
  schema: S,
): Promise<{ data: z.output<S> | undefined; etag: string | null }> {
  const contentType = text !== undefined ? 'application/yaml' : 'application/json';
  const res = await send(path, {
    method,
    signal,
    headers: { accept: 'application/json', ...(body !== undefined || text !== undefined ? { 'content-type': contentType } : {}), ...headers },
    body: text ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const etag = res.headers.get('etag');
  if (res.status === 204) return { data: undefined, etag };
  const parsed = schema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw new ApiError({ status: res.status, code: 'schema', message: 'Unexpected response from the Meshwatch API' });
  return { data: parsed.data, etag };
}

/** GETs a text body (rule files, exports). */
export async function fetchText(path: string, signal?: AbortSignal): Promise<string> {
  const res = await send(path, { signal });
  return res.text();
}

/** `details.fieldErrors` of a 422, by dotted path; empty for any other error. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiError) || error.status !== 422) return {};
  const schema = z.object({ fieldErrors: z.record(z.string(), z.array(z.string())) });
  const parsed = schema.safeParse(error.details);
  if (parsed.success) return parsed.data.fieldErrors;
  // apiErrorBodySchema may keep details nested under `details`.
  const nested = z.object({ details: schema }).safeParse(error.details);
  return nested.success ? nested.data.details.fieldErrors : {};
}

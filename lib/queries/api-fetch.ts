import { ApiError } from '@/lib/api/api-error';
import { isApiErrorBody, type Guard } from './response-guards';

// The browser's one path to Meshwatch's API: every read and write goes through `request`, so every
// failure is the same ApiError carrying the server's code and details (422 `details.fieldErrors`,
// 409 on a stale edit, 502/504 with what Prometheus said). Answers are checked with plain type guards
// (response-guards.ts), not zod, which stays on the server.

const NETWORK_MESSAGE = 'Could not reach the Meshwatch server';
export const SCHEMA_MESSAGE = 'Unexpected response from the Meshwatch API';

/** The ApiError for an error answer with `status` and JSON `body` (one answer, or one part of a batch). */
export function apiErrorOf(status: number, body: unknown): ApiError {
  if (isApiErrorBody(body)) {
    const { code, message, ...details } = body.error;
    return new ApiError(status, code, message, details);
  }
  return new ApiError(status, `http_${status}`, `Request failed with HTTP ${status}`);
}

async function toApiError(res: Response): Promise<ApiError> {
  return apiErrorOf(res.status, await res.json().catch(() => undefined));
}

/** Sends the request; a non-2xx answer or no answer at all throws ApiError (a cancelled one rethrows the abort). */
async function request(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if (init.signal?.aborted) throw err; // react-query cancelled it; not a failure to show
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

async function parseJson<T>(res: Response, accept: Guard<T>): Promise<T> {
  const body: unknown = await res.json().catch(() => undefined);
  if (!accept(body)) throw new ApiError(res.status, 'schema', SCHEMA_MESSAGE);
  return body;
}

/** GETs a Meshwatch API path and checks the body with `accept`; throws ApiError on any failure. */
export async function fetchApi<T>(path: string, accept: Guard<T>, signal?: AbortSignal): Promise<T> {
  return parseJson(await request(path, { signal, headers: { accept: 'application/json' } }), accept);
}

/**
 * Sends JSON (or YAML text) and checks the JSON answer with `accept`; `undefined` for a 204. The API
 * refuses text/plain bodies (a cross-site form could send them), so text goes as application/yaml.
 */
export async function sendApi<T>(
  path: string,
  { method, body, text, headers, signal }: { method: string; body?: unknown; text?: string; headers?: Record<string, string>; signal?: AbortSignal },
  accept: Guard<T>,
): Promise<{ data: T | undefined; etag: string | null }> {
  const contentType = text !== undefined ? 'application/yaml' : 'application/json';
  const res = await request(path, {
    method,
    signal,
    headers: { accept: 'application/json', ...(body !== undefined || text !== undefined ? { 'content-type': contentType } : {}), ...headers },
    body: text ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const etag = res.headers.get('etag');
  if (res.status === 204) return { data: undefined, etag };
  return { data: await parseJson(res, accept), etag };
}

/** GETs a text body (rule files, exports). */
export async function fetchText(path: string, signal?: AbortSignal): Promise<string> {
  return (await request(path, { signal })).text();
}

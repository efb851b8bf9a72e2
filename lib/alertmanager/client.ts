import 'server-only';
import type { PostableSilence } from '@/lib/maintenance/silence';

// Alertmanager's API v2, the two calls maintenance windows need
// (https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml).

/** Alertmanager answers in milliseconds; a slow one must not hold a save for long (the window is saved first anyway). */
const TIMEOUT_MS = 5000;

/**
 * `unreachable`: no answer, a timeout or a 5xx (try again later); `rejected`: a 4xx, Alertmanager
 * refused the request itself (retrying the same request cannot help).
 */
export class AlertmanagerError extends Error {
  override readonly name = 'AlertmanagerError';
  constructor(
    readonly kind: 'unreachable' | 'rejected',
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

async function call(baseUrl: string, path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    const timeout = err instanceof Error && err.name === 'TimeoutError';
    throw new AlertmanagerError('unreachable', timeout ? `Alertmanager did not answer within ${TIMEOUT_MS / 1000} s` : 'Alertmanager is unreachable');
  }
  if (response.ok) return response;
  // Alertmanager's error bodies are a JSON string or plain text, e.g. "start time must be before end time".
  const text = (await response.text().catch(() => '')).trim().replace(/^"|"$/g, '').slice(0, 300);
  const kind = response.status >= 500 ? 'unreachable' : 'rejected';
  throw new AlertmanagerError(kind, `Alertmanager answered HTTP ${response.status}${text ? `: ${text}` : ''}`, response.status);
}

/** POST /api/v2/silences: creates (or, with `id`, replaces) a silence; resolves with its id. */
export async function postSilence(baseUrl: string, silence: PostableSilence): Promise<string> {
  const response = await call(baseUrl, '/api/v2/silences', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(silence),
  });
  const body = (await response.json().catch(() => null)) as { silenceID?: unknown } | null;
  if (typeof body?.silenceID !== 'string') throw new AlertmanagerError('unreachable', 'Alertmanager answered without a silence id');
  return body.silenceID;
}

/** DELETE /api/v2/silence/{id}: expires a silence. One Alertmanager no longer knows is already gone. */
export async function expireSilence(baseUrl: string, id: string): Promise<void> {
  try {
    await call(baseUrl, `/api/v2/silence/${encodeURIComponent(id)}`, { method: 'DELETE' });
  } catch (err) {
    if (err instanceof AlertmanagerError && err.status === 404) return;
    throw err;
  }
}

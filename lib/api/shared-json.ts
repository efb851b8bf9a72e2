import 'server-only';
import { LIVE_TTL_MS } from '@/lib/prometheus';
import { bytesResponse } from './direct-request';
import { errorResponse } from './errors';
import { shareAt } from './shared-work';

// JSON answers shared by identical GETs (shared-work.ts): serialised once, so fifty viewers of a page
// cost one JSON.stringify per answer, not fifty. (They cannot be compressed once too: Next.js drops a
// route handler's Content-Encoding and compresses each response itself, see next.config.js.)

export interface JsonOptions<T> {
  /** Headers that depend on the body (a count, say). */
  headers?: (body: T) => Record<string, string>;
  /** False: shared while in flight only. */
  keep?: boolean;
  /**
   * For bodies that show stored SLOs: the SLO store's revision, part of the key, so an edit shows at
   * once (the next request asks under the new revision) while unchanged SLOs keep the body shared.
   */
  revision?: string;
}

/** A JSON answer as text, with its status and headers: what a batch puts together from its parts. */
export interface JsonText {
  status: number;
  text: string;
  headers: Record<string, string>;
  /** Whether the answer is kept for later requests (an error never is). */
  kept: boolean;
}

/** A serialised body as kept, with the headers that depend on it. */
interface Body {
  text: string;
  extra: Record<string, string>;
  /** The text as UTF-8, encoded once for every response that sends it (fifty viewers, one encoding). */
  utf8?: Uint8Array<ArrayBuffer>;
}

const UTF8 = new TextEncoder();
const bodyOf = (text: string, extra: Record<string, string>): Body => ({ text, extra });
// The text and, once sent, its UTF-8 bytes (at most three per character, usually one).
const bodyBytes = (b: Body) => 2 * b.text.length;
const keyWith = (url: string, revision: string | undefined) => (revision === undefined ? url : `${url}#${encodeURIComponent(revision)}`);

function bodyResponse(request: Request, body: Body): Response {
  body.utf8 ??= UTF8.encode(body.text);
  return bytesResponse(request, body.utf8, { headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...body.extra } });
}

/** The body of a GET of `url`, computed and serialised once for all identical GETs (see sharedJson). */
function sharedBody<T>(url: string, signal: AbortSignal, compute: (signal: AbortSignal) => Promise<T>, { headers = () => ({}), keep = true, revision }: JsonOptions<T>) {
  const serialised = async (flightSignal: AbortSignal) => {
    const body = await compute(flightSignal);
    return bodyOf(JSON.stringify(body), headers(body));
  };
  return shareAt(keyWith(url, revision), signal, serialised, keep ? { ttlMs: LIVE_TTL_MS, bytes: bodyBytes } : undefined);
}

/**
 * A JSON response computed once for all identical requests in flight, serialised once too, then kept
 * for LIVE_TTL_MS unless `keep` is false; only answers are kept, never errors. Each caller gets its own
 * Response of the same text.
 */
export async function sharedJson<T>(request: Request, compute: (signal: AbortSignal) => Promise<T>, options: JsonOptions<T> = {}): Promise<Response> {
  return bodyResponse(request, await sharedBody(request.url, request.signal, compute, options));
}

/**
 * What sharedJson answers to a GET of `url`, as text, sharing the same work and kept text as such GETs
 * (the key is `url`); a failure becomes its JSON error body and status, as apiHandler would send it.
 */
export async function sharedJsonText<T>(url: string, signal: AbortSignal, compute: () => { run: (signal: AbortSignal) => Promise<T>; options?: JsonOptions<T> }): Promise<JsonText> {
  try {
    const { run, options = {} } = compute();
    const { text, extra } = await sharedBody(url, signal, run, options);
    return { status: 200, text, headers: extra, kept: options.keep !== false };
  } catch (err) {
    const response = errorResponse(err);
    return { status: response.status, text: await response.text(), headers: {}, kept: false };
  }
}

/**
 * A JSON body assembled from parts (a batch), shared by identical requests like sharedJson, and kept
 * (under `revision`, see JsonOptions) only when `assemble` says every part was: a part that failed or
 * must not be kept is asked again by the next request.
 */
export async function sharedAssembly(request: Request, revision: string | undefined, assemble: (signal: AbortSignal) => Promise<{ text: string; keep: boolean }>): Promise<Response> {
  const assembled = async (signal: AbortSignal) => {
    const { text, keep } = await assemble(signal);
    return { body: bodyOf(text, {}), keep };
  };
  const { body } = await shareAt(keyWith(request.url, revision), request.signal, assembled, {
    ttlMs: LIVE_TTL_MS,
    bytes: (v) => bodyBytes(v.body),
    ttlOf: (v) => (v.keep ? LIVE_TTL_MS : 0),
  });
  return bodyResponse(request, body);
}

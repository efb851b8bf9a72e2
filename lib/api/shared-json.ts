import 'server-only';
import { gzipSync } from 'node:zlib';
import { LIVE_TTL_MS } from '@/lib/prometheus';
import { errorResponse } from './errors';
import { shareAt } from './shared-work';

// JSON answers shared by identical GETs (shared-work.ts): serialised once, and compressed once too,
// so fifty viewers of a page cost one JSON.stringify and one gzip per answer, not fifty (a dashboard's
// panels are up to 250 KB of JSON; compressing them per request was most of the server's work).

/** Smaller bodies go as they are: compressing them saves less than it costs. */
const GZIP_MIN_CHARS = 1024;

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

/** A serialised body as kept: its text, and its gzip bytes when it is large enough to be worth it. */
interface Body {
  text: string;
  gzip?: Uint8Array<ArrayBuffer>;
  extra: Record<string, string>;
}

function bodyOf(text: string, extra: Record<string, string>): Body {
  return { text, extra, ...(text.length >= GZIP_MIN_CHARS ? { gzip: new Uint8Array(gzipSync(text)) } : {}) };
}

const bodyBytes = (b: Body) => b.text.length + (b.gzip?.byteLength ?? 0);
const keyWith = (url: string, revision: string | undefined) => (revision === undefined ? url : `${url}#${encodeURIComponent(revision)}`);

/** Whether the request accepts gzip (a `gzip` token in Accept-Encoding, not refused with q=0). */
function acceptsGzip(request: Request): boolean {
  const header = request.headers.get('accept-encoding');
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    return (coding === 'gzip' || coding === '*') && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

/**
 * The response for a kept body: its gzip bytes to a client that accepts them (Next.js leaves an
 * encoded response alone), else its text.
 */
function bodyResponse(request: Request, body: Body): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store', vary: 'accept-encoding', ...body.extra };
  if (body.gzip && acceptsGzip(request)) return new Response(body.gzip, { headers: { ...headers, 'content-encoding': 'gzip' } });
  return new Response(body.text, { headers });
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
 * A JSON response computed once for all identical requests in flight, serialised and compressed once
 * too, then kept for LIVE_TTL_MS unless `keep` is false; only answers are kept, never errors. Each
 * caller gets its own Response of the same bytes.
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

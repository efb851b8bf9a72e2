import 'server-only';
import http, { type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { urlToHttpOptions } from 'node:url';
import zlib from 'node:zlib';
import { PrometheusError } from './errors';

// The HTTP call under every Prometheus request (request.ts), on node:http with kept-alive connections.
// fetch cost about 0.65 ms of CPU per call here against 0.2-0.34 ms for node:http (1,000 sequential
// instant queries, after warm-up): on-call's 38 queries paid about 15 ms of the server's CPU per load,
// and /api/services' three a tenth of its time on the demo mesh. What fetch did is done here too:
// gzip/deflate/br answers are inflated, the signal aborts the call, and the body is capped.

export interface HttpInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** A form body (POST). */
  body?: string;
  /** Aborting stops the call, rejecting with the signal's reason. */
  signal?: AbortSignal;
  /** The call fails with an HttpTimeout after this many milliseconds. */
  timeoutMs?: number;
  /** Answers past this many bytes (inflated) fail as `too_large`, cut off while they stream. */
  maxBytes: number;
  /** For errors: the endpoint template. */
  endpoint: string;
}

export interface HttpReply {
  status: number;
  ok: boolean;
  text: string;
}

export type HttpCall = (url: string, init: HttpInit) => Promise<HttpReply>;

/** The call's own time limit (HttpInit.timeoutMs) passed. */
export class HttpTimeout extends Error {
  override readonly name = 'HttpTimeout';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

const MB = 1024 * 1024;
const formatMb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

// Sockets stay open between calls, as fetch's pool keeps them: a new connection per query cost more than the query.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

// Every query goes to one of a few URLs (a POST's form is its body): each is parsed once. GETs with
// a query string, the rare ones, are parsed each time rather than kept.
const MAX_TARGETS = 64;
const targets = new Map<string, RequestOptions>();
function targetOf(url: string): RequestOptions {
  const kept = targets.get(url);
  if (kept) return kept;
  const target = urlToHttpOptions(new URL(url));
  if (!url.includes('?') && targets.size < MAX_TARGETS) targets.set(url, target);
  return target;
}

function inflated(res: IncomingMessage): Readable {
  switch ((res.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

/** One HTTP call: the answer's status and text, or a thrown error (network errors keep their `code`). */
export const httpCall: HttpCall = (url, { method, headers, body, signal, timeoutMs, maxBytes, endpoint }) =>
  new Promise<HttpReply>((resolve, reject) => {
    const target = targetOf(url);
    const transport = target.protocol === 'https:' ? https : http;
    const tooLarge = (status: number, seen: string) =>
      new PrometheusError({
        kind: 'too_large',
        endpoint,
        status,
        message: `Prometheus answered with more than ${formatMb(maxBytes)} (${seen}); narrow the query or raise PROMETHEUS_MAX_RESPONSE_MB`,
      });
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const sent = { ...headers, ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) } : {}) };
    const req = transport.request({ ...target, method, headers: sent, agent: agents[target.protocol as keyof typeof agents] });
    // Why the call was stopped (a signal's reason or the timeout), which its error then is.
    let stopped: { reason: unknown } | undefined;
    const stop = (reason: unknown) => {
      stopped ??= { reason };
      req.destroy(reason instanceof Error ? reason : new Error('aborted'));
    };
    const onAbort = () => stop(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    // One timer, cleared with the call (AbortSignal.timeout's lived on until it fired).
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => stop(new HttpTimeout(timeoutMs)), timeoutMs);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const fail = (err: unknown) => settle(() => reject(stopped ? stopped.reason : err));
    req.on('error', fail);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const declared = Number(res.headers['content-length']);
      // Content-Length counts compressed bytes when the answer is compressed; only a plain length can refuse early.
      if (!res.headers['content-encoding'] && declared > maxBytes) {
        req.destroy();
        settle(() => reject(tooLarge(status, `${formatMb(declared)} declared`)));
        return;
      }
      const stream = inflated(res);
      // A piped inflater does not see the connection's own errors (a reset mid-answer).
      if (stream !== res) res.on('error', fail);
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.byteLength;
        if (total > maxBytes) {
          req.destroy();
          stream.destroy();
          settle(() => reject(tooLarge(status, 'cut off while streaming')));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', fail);
      stream.on('end', () => settle(() => resolve({ status, ok: status >= 200 && status < 300, text: Buffer.concat(chunks, total).toString('utf8') })));
    });
    req.end(body);
  });

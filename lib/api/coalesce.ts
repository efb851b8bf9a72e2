import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getEnv } from '@/lib/env';
import { countHttpRequest } from '@/lib/metrics';
import { sloStoreRevision } from '@/lib/store';
import { hotRoute } from './hot-routes';

// Identical GETs of a dashboard's data that arrive while the first is in flight are answered with its
// response, as a caching proxy collapses requests (nginx's proxy_cache_lock): only the first goes
// through Next.js. Fifty viewers opening a page at once each cost Next.js 1.1 to 1.5 ms of CPU to route
// a request whose answer is shared anyway (lib/api/shared-json.ts), which was most of their wait
// (`npm run bench -- load`). Identical means the same path and query and the same identity: every
// header the guard reads (credentials, proxy identity, the peer stamp, origin), so a follower gets
// exactly what its own request would have got. Only a 200 is shared; on anything else, or when the
// first request is dropped, the followers go through Next.js one by one as if nothing had happened.
// A shared answer also serves identical requests for LINGER_MS after it ends (viewers of one page do
// not all connect within the first answer's few milliseconds), under the SLO store's revision, so an
// edited SLO shows at once; the routes keep the same answer for 15 s anyway (shared-json.ts). Lingering
// is keeping, so it follows the query cache: with MESHWATCH_QUERY_CACHE_MB=0 (the benches timing the
// app's own work) nothing is kept once its answer ends.

/** Headers that decide who the caller is (lib/api/guard.ts, lib/auth) or what the answer is; see identityHeaders. */
const IDENTITY_HEADERS = ['authorization', 'cookie', 'x-forwarded-user', 'x-forwarded-email', 'x-forwarded-groups', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'host', 'origin', 'x-meshwatch-peer', 'accept-encoding'];

/** Response headers that belong to one connection, not to the answer. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length']);

/** Larger answers are not held for followers: they go through Next.js themselves. */
const MAX_SHARED_BYTES = 16 * 1024 * 1024;

type Waiting = { res: ServerResponse; release: () => void };
type Shared = { headers: Record<string, string | number | string[]>; body: Buffer; until: number };

/** How long an answer serves identical requests after it ends; far under the routes' 15 s. */
const LINGER_MS = 1_000;
/** Bytes of lingering answers at most; the oldest go first. */
const MAX_LINGER_BYTES = 64 * 1024 * 1024;

/** Requests in flight with their followers, and answers lingering after them: one per process. */
interface State {
  flights: Map<string, Waiting[]>;
  lingering: Map<string, Shared>;
  lingeringBytes: number;
}
const globalForState = globalThis as typeof globalThis & { __meshwatchCoalesced?: State };
const state = (globalForState.__meshwatchCoalesced ??= { flights: new Map(), lingering: new Map(), lingeringBytes: 0 });
const { flights, lingering } = state;

function linger(key: string, shared: Shared): void {
  const old = lingering.get(key);
  if (old) state.lingeringBytes -= old.body.byteLength;
  lingering.delete(key);
  lingering.set(key, shared);
  state.lingeringBytes += shared.body.byteLength;
  const now = Date.now();
  for (const [k, v] of lingering) {
    if (state.lingeringBytes <= MAX_LINGER_BYTES && v.until > now) break;
    lingering.delete(k);
    state.lingeringBytes -= v.body.byteLength;
  }
}

function answer(res: ServerResponse, shared: Shared, route: string): void {
  if (res.destroyed) return;
  res.writeHead(200, shared.headers).end(shared.body);
  countHttpRequest(route, 200);
}

/**
 * IDENTITY_HEADERS and the sign-in proxy's own user and groups headers when they have other names
 * (MESHWATCH_AUTH_USER_HEADER, MESHWATCH_AUTH_GROUPS_HEADER, lower case): two requests that differ
 * only there are two callers. Read from the environment once, as getEnv is.
 */
let identityHeaders: readonly string[] | undefined;
function identityHeadersOf(): readonly string[] {
  if (!identityHeaders) {
    const { userHeader, groupsHeader } = getEnv().auth;
    identityHeaders = [...new Set([...IDENTITY_HEADERS, ...[userHeader, groupsHeader].filter((h): h is string => !!h)])];
  }
  return identityHeaders;
}

/** What makes two requests identical: the target (path and query) and the identity headers. */
const keyOf = (target: string, headers: IncomingMessage['headers']) => JSON.stringify([target, ...identityHeadersOf().map((h) => headers[h] ?? null)]);

/** Flights in progress (for tests). */
export const flightsInProgress = () => flights.size;

/**
 * Joins `req` to an identical request in flight (true: it will be answered from there), or makes it
 * the leader whose response its followers get (false: let it through). `release` sends a follower on
 * through Next.js when the leader's response cannot be shared.
 */
export function coalesce(req: IncomingMessage, res: ServerResponse, path: string, release: () => void): boolean {
  const route = req.method === 'GET' ? hotRoute(path)?.route : undefined;
  if (route === undefined) return false;
  const key = keyOf(req.url ?? '', req.headers);
  const revision = sloStoreRevision();
  const recent = revision === undefined ? undefined : lingering.get(`${key}#${revision}`);
  if (recent && recent.until > Date.now()) {
    answer(res, recent, route);
    return true;
  }
  const waiting = flights.get(key);
  if (waiting) {
    waiting.push({ res, release });
    return true;
  }
  const followers: Waiting[] = [];
  flights.set(key, followers);
  const chunks: Buffer[] = [];
  let bytes = 0;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function' || bytes > MAX_SHARED_BYTES) return;
    // Bytes are kept as they are, not copied: what was written must not change, the socket may still be sending it.
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from((chunk as Uint8Array).buffer, (chunk as Uint8Array).byteOffset, (chunk as Uint8Array).byteLength);
    bytes += buffer.byteLength;
    chunks.push(buffer);
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as ServerResponse['end'];
  const settle = (completed: boolean) => {
    if (flights.get(key) !== followers) return;
    flights.delete(key);
    if (!completed || res.statusCode !== 200 || bytes > MAX_SHARED_BYTES) {
      for (const f of followers) f.release();
      return;
    }
    // Under the revision the leader started with, and only if no SLO changed meanwhile.
    const lingers = revision !== undefined && getEnv().limits.cacheBytes > 0 && sloStoreRevision() === revision;
    // Alone and not kept (most requests, when nothing is kept): nothing to put together.
    if (followers.length === 0 && !lingers) return;
    const headers = Object.fromEntries(Object.entries(res.getHeaders()).filter(([name]) => !HOP_HEADERS.has(name))) as Shared['headers'];
    const shared: Shared = { headers, body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, bytes), until: Date.now() + LINGER_MS };
    for (const f of followers) answer(f.res, shared, route);
    if (lingers) linger(`${key}#${revision}`, shared);
  };
  res.on('finish', () => settle(true));
  res.on('close', () => settle(res.writableFinished));
  return false;
}

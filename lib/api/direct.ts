import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DirectRequest, directBytes } from './direct-request';
import { errorResponse } from './errors';
import { hotRoute, type HotRouteName } from './hot-routes';

// In production the front door hands a GET of a hot route (hot-routes.ts: the services table and the
// dashboards' panels) straight to its route handler, the same function Next.js would call, and writes
// its Response: Next.js' routing of an API request costs 1.2 to 1.5 ms of CPU before the handler runs,
// more than the whole 10 % allowed over the PromQL's own time for `/api/services` (issue 13; `npm run
// bench -- home`). The handler still does everything a request passes (apiHandler: the guard, the
// deadline, errors as JSON, the metrics), and the front door has set the security headers. Next.js
// serves these routes itself in development (its reloading of edited routes) and when it compresses
// responses (MESHWATCH_HTTP_COMPRESSION=on), and serves every other route and method.

/** A route handler as the App Router calls it; its params are its segments' (hot-routes.ts names them). */
export type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
/** The handler of each hot route served directly, loaded on first use. */
export type DirectHandlers = Partial<Record<HotRouteName, () => Promise<RouteHandler>>>;

/** Each route's handler, loaded once (an import() per request cost a turn of the module loader). */
const loading = new WeakMap<() => Promise<RouteHandler>, Promise<RouteHandler>>();
/** ...and once loaded, called without waiting a turn for it. */
const loaded = new WeakMap<() => Promise<RouteHandler>, RouteHandler>();
function handlerOf(load: () => Promise<RouteHandler>): RouteHandler | Promise<RouteHandler> {
  const ready = loaded.get(load);
  if (ready) return ready;
  let handler = loading.get(load);
  if (!handler) {
    handler = load().then((h) => {
      loaded.set(load, h);
      return h;
    });
    // A route that failed to load is tried again by the next request.
    handler.catch(() => loading.delete(load));
    loading.set(load, handler);
  }
  return handler;
}

/** Response headers that belong to this connection, not to the answer. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** The request as a route handler sees it: its URL on the Host it was sent to, its headers, and a signal that ends when the client goes. */
function webRequest(req: IncomingMessage, signal: AbortSignal): DirectRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return new DirectRequest(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), headers, signal);
}

async function respond(res: ServerResponse, answer: () => Promise<Response>): Promise<void> {
  let response: Response;
  let body: Uint8Array;
  try {
    response = await answer();
    // A JSON answer made for this request (direct-request.ts) has its bytes at hand; others are read.
    body = directBytes(response) ?? new Uint8Array(await response.arrayBuffer());
  } catch (err) {
    // apiHandler turns a handler's errors into responses; this is a route module that failed to load.
    console.error('[front door] a route failed outside its handler:', err);
    response = errorResponse(err);
    body = new Uint8Array(await response.arrayBuffer());
  }
  if (res.destroyed) return;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!HOP_HEADERS.has(name)) headers[name] = value;
  });
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers).end(body);
}

/**
 * Serves `req` with its route handler when it is a GET of a hot route that has one in `handlers` (true),
 * else leaves it to Next.js (false). `path` is pathOf(req.url).
 */
export function serveDirect(req: IncomingMessage, res: ServerResponse, path: string, handlers: DirectHandlers): boolean {
  if (req.method !== 'GET') return false;
  const found = hotRoute(path);
  const load = found && handlers[found.route];
  if (!found || !load) return false;
  const controller = new AbortController();
  let request: DirectRequest;
  try {
    request = webRequest(req, controller.signal);
  } catch {
    // A Host or header the URL and Headers classes refuse: Next.js answers it as it always has.
    return false;
  }
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  // The segments hot-routes.ts captured for this route: what each handler's params name.
  const params = Promise.resolve(found.params) as Promise<never>;
  void respond(res, async () => {
    const handler = handlerOf(load);
    return (handler instanceof Promise ? await handler : handler)(request, { params });
  });
  return true;
}

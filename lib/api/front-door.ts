import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders, type SecurityHeaderOptions } from './security-headers';

// What every request meets before Next.js routes it (installed on the HTTP server with the peer stamp,
// lib/api/client.ts). API requests no longer pass proxy.ts: Next.js' proxy step cost about 0.4 ms of
// CPU per request, a fifth of its routing of a cached answer, which is what fifty viewers of a
// dashboard pay fifty times. So the checks proxy.ts made for them are made here, on the raw request:
// - methods no route serves get a 405 (Next.js fails on TRACE with a 500 before any route runs, and
//   answers other unknown methods without a JSON body);
// - a path with a malformed %-escape gets a 400 (Next.js fails on it with a 500);
// - API responses carry their security headers (set on the response before Next.js writes it; a
//   route handler's own headers are added to them).
// Pages still pass proxy.ts, which gives each one a fresh script nonce.

/** The methods some route serves (HEAD and OPTIONS are answered by Next.js itself). */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'] as const;
const METHODS = new Set<string>(ALLOWED_METHODS);

export interface EarlyAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const errorBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });

/** The path of a request target (`/a/b?c` or an absolute URL), without its query. */
export function pathOf(target: string): string {
  const path = target.startsWith('/') ? target : target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') || '/';
  const q = path.search(/[?#]/);
  return q === -1 ? path : path.slice(0, q);
}

export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/** The answer to a request (its method, and its path without the query) no route may see, or null to let it through. */
export function earlyAnswer(method: string, path: string, options: SecurityHeaderOptions): EarlyAnswer | null {
  const json = { 'content-type': 'application/json', ...securityHeaders(options) };
  if (!METHODS.has(method)) {
    return { status: 405, headers: { ...json, allow: ALLOWED_METHODS.join(', ') }, body: errorBody('method_not_allowed', `${method} is not allowed`) };
  }
  if (!decodable(path)) return { status: 400, headers: json, body: errorBody('bad_path', 'The path has a malformed %-escape') };
  return null;
}

/** Answers what earlyAnswer refuses, else stamps an API response's security headers; true when answered. `path` is pathOf(req.url). */
export function frontDoor(req: IncomingMessage, res: ServerResponse, path: string, options: () => SecurityHeaderOptions): boolean {
  const early = earlyAnswer(req.method ?? '', path, options());
  if (early) {
    res.writeHead(early.status, early.headers).end(early.body);
    return true;
  }
  if (isApiPath(path)) for (const [name, value] of Object.entries(apiHeaders(options()))) res.setHeader(name, value);
  return false;
}

let kept: { key: string; headers: Record<string, string> } | undefined;
/** The API's security headers for these options, built once. */
function apiHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const key = `${options.hsts}|${options.development}`;
  if (kept?.key !== key) kept = { key, headers: securityHeaders(options) };
  return kept.headers;
}

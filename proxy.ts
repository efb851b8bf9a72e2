import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { securityHeaders } from '@/lib/api/security-headers';

// Runs before every route (Next.js 16 Proxy): refuses methods and paths no route can serve (Next.js
// answered 500 for TRACE and for malformed %-escapes), and sets the security headers, with a fresh
// script nonce for each page (Next.js applies it to its own scripts; app/layout.tsx to ours).

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS']);

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest): NextResponse {
  const { hsts, development } = getEnv().http;
  const api = request.nextUrl.pathname.startsWith('/api/');
  if (!METHODS.has(request.method)) {
    return withHeaders(NextResponse.json({ error: { code: 'method_not_allowed', message: `${request.method} is not allowed` } }, { status: 405, headers: { allow: [...METHODS].join(', ') } }), { hsts, development });
  }
  if (!decodable(request.nextUrl.pathname)) {
    return withHeaders(NextResponse.json({ error: { code: 'bad_path', message: 'The path has a malformed %-escape' } }, { status: 400 }), { hsts, development });
  }
  if (api) return withHeaders(NextResponse.next(), { hsts, development });
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const headers = securityHeaders({ nonce, hsts, development });
  // Next.js reads the nonce from the request's CSP header while rendering.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', headers['content-security-policy'] as string);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function withHeaders(response: NextResponse, options: { hsts: boolean; development: boolean }): NextResponse {
  for (const [name, value] of Object.entries(securityHeaders(options))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets need no nonce and change nothing; prefetches are rendered again on navigation.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)' }],
};

import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { securityHeaders } from '@/lib/api/security-headers';

// Runs before every page (Next.js 16 Proxy): sets the security headers, with a fresh script nonce for
// each page (Next.js applies it to its own scripts; app/layout.tsx to ours). Methods and paths no route
// may see are refused earlier, and API responses get their headers there too, without this step's
// cost per request (lib/api/front-door.ts).

export function proxy(request: NextRequest): NextResponse {
  const { hsts, development } = getEnv().http;
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

export const config = {
  // Static assets need no nonce and change nothing; API answers get theirs in lib/api/front-door.ts;
  // prefetches are rendered again on navigation.
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)' }],
};

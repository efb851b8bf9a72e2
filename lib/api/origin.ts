import 'server-only';
import { ApiError } from './errors';

// Cross-site request forgery: a page on another site can make the browser send a request that carries
// the user's cookies (the sign-in proxy's session) or ambient authority (the demo editor). Browsers
// say where such a request comes from (Sec-Fetch-Site, Origin); token clients send neither and pass.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OriginPolicy {
  /** MESHWATCH_PUBLIC_URL's origins; empty: the request's own Host (or a trusted proxy's X-Forwarded-Host). */
  publicOrigins: readonly string[];
  /** The host the request was sent to, as `host[:port]`. */
  host: string | undefined;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** Why `request` is refused as cross-site, or null when it may proceed. */
export function crossSiteReason(request: Request, policy: OriginPolicy): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site') return 'the request came from another site';
  const origin = request.headers.get('origin');
  if (origin === null) return null; // not a browser request (or a very old browser): tokens and curl
  const own = policy.publicOrigins.length > 0 ? policy.publicOrigins.includes(origin) : hostOf(origin) === policy.host;
  return own ? null : `the request came from ${origin === 'null' ? 'an opaque origin' : 'another origin'}`;
}

/** 403 for a cross-site browser request that would change something or cost something. */
export function assertSameOrigin(request: Request, policy: OriginPolicy): void {
  const reason = crossSiteReason(request, policy);
  if (reason) throw new ApiError(403, 'cross_site_request', `Refused: ${reason}. Use the app itself, or an API token without a browser.`);
}

import 'server-only';
import type { AuthConfig } from '@/lib/auth/config';
import { identify, isTrustedProxy, type Identity } from '@/lib/auth/identity';
import { getEnv, type Env } from '@/lib/env';
import { clientAddress, peerOf } from './client';
import { ApiError, jsonError } from './errors';
import { assertSameOrigin } from './origin';
import { createRateLimiter, type Limit, type RateLimiter } from './rate-limit';

// What every API request passes before its handler (apiHandler calls it): no cross-site writes, the
// anonymous-access setting, throttled failed token checks, per-identity limits on expensive work.

/** `open`: anyone, always; `read`: anonymous unless MESHWATCH_ANONYMOUS=none; `expensive`: anonymous only with =all. */
type Access = 'open' | 'read' | 'expensive';
type Bucket = 'backtest' | 'preview' | 'import';

const ROUTES: Record<string, { access: Access; bucket?: Bucket }> = {
  '/api/healthz': { access: 'open' },
  '/api/readyz': { access: 'open' },
  '/api/metrics': { access: 'open' },
  '/api/me': { access: 'open' },
  '/api/slos/[name]/backtest': { access: 'expensive', bucket: 'backtest' },
  '/api/slos-backtest': { access: 'expensive', bucket: 'backtest' },
  '/api/slos/backtest': { access: 'expensive', bucket: 'backtest' },
  '/api/slos/preview': { access: 'expensive', bucket: 'preview' },
  '/api/slos/import': { access: 'read', bucket: 'import' },
};

// A 30-day backtest is a handful of long range queries: a burst for comparing policies, then one every
// few seconds. The form previews as the user types (debounced), hence a larger allowance.
export const LIMITS: Record<Bucket | 'failedToken', Limit> = {
  backtest: { burst: 10, perMinute: 20 },
  preview: { burst: 30, perMinute: 60 },
  import: { burst: 5, perMinute: 10 },
  // Per client address: ten wrong tokens, then one a minute; guessing a 16-character token is hopeless.
  failedToken: { burst: 10, perMinute: 1 },
};

const globalForLimits = globalThis as typeof globalThis & { __meshwatchLimiters?: Record<Bucket | 'failedToken', RateLimiter> };

function limiters(): Record<Bucket | 'failedToken', RateLimiter> {
  globalForLimits.__meshwatchLimiters ??= {
    backtest: createRateLimiter(LIMITS.backtest),
    preview: createRateLimiter(LIMITS.preview),
    import: createRateLimiter(LIMITS.import),
    failedToken: createRateLimiter(LIMITS.failedToken),
  };
  return globalForLimits.__meshwatchLimiters;
}

/** For tests: fresh buckets. */
export function resetRateLimits(): void {
  globalForLimits.__meshwatchLimiters = undefined;
}

function tooMany(seconds: number, what: string): Response {
  const response = jsonError(429, 'rate_limited', `Too many ${what}; try again in ${seconds} s`, { retryAfterSeconds: seconds });
  response.headers.set('retry-after', String(seconds));
  return response;
}

/** The host the browser addressed: a trusted proxy's X-Forwarded-Host, else Host, else the URL's. */
function requestHost(request: Request, auth: AuthConfig): string | undefined {
  const forwarded = isTrustedProxy(peerOf(request.headers), auth) ? request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded || request.headers.get('host') || new URL(request.url).host;
}

/** Per identity; anonymous and demo callers are told apart by address. */
function identityKey(who: Identity, client: string): string {
  return who.kind === 'user' && who.via !== 'demo' ? `${who.via}:${who.user}` : `${who.kind === 'user' ? 'demo' : 'anonymous'}@${client}`;
}

/** The route pattern pages' own data reads are guarded under: a read, as a dashboard's data route is. */
export const PAGE_DATA_ROUTE = '(page data)';

/**
 * Whether a page may put data into its HTML for a request with these headers. Pages load their first
 * data in-process (lib/queries/server), not through the API routes, so they ask the routes' guard the
 * same question a GET of a data route would: identity, MESHWATCH_ANONYMOUS, the throttle on failed
 * tokens. A refusal renders the page without data; the browser's own requests then get the API's answer.
 */
export function mayReadPageData(headers: Headers, env: Pick<Env, 'auth' | 'http'> = getEnv()): boolean {
  try {
    // A GET: the origin check passes, and the URL stands only for a Host the headers lack.
    return guard(new Request('http://meshwatch.invalid/', { headers }), PAGE_DATA_ROUTE, env) === null;
  } catch (err) {
    if (err instanceof ApiError) return false;
    throw err;
  }
}

/** A refusal, or null to run the handler; throws ApiError for 401 and 403. */
export function guard(request: Request, route: string, env: Pick<Env, 'auth' | 'http'> = getEnv()): Response | null {
  const policy = ROUTES[route] ?? { access: 'read' };
  assertSameOrigin(request, { publicOrigins: env.http.publicOrigins, host: requestHost(request, env.auth) });
  if (policy.access === 'open' && route !== '/api/me') return null;
  const client = clientAddress(request.headers, env.auth);
  const hasBearer = /^Bearer\b/i.test(request.headers.get('authorization') ?? '');
  const { failedToken } = limiters();
  if (hasBearer) {
    const wait = failedToken.wait(client);
    if (wait > 0) return tooMany(wait, 'failed sign-in attempts from this address');
  }
  const who = identify(request.headers, env.auth, peerOf(request.headers));
  if (who.kind === 'invalid') {
    if (hasBearer) failedToken.take(client);
    throw new ApiError(401, 'unauthenticated', `Not signed in: ${who.reason}`);
  }
  const anonymous = env.auth.anonymous;
  if (who.kind === 'anonymous' && ((anonymous === 'none' && policy.access !== 'open') || (anonymous === 'dashboards' && policy.access === 'expensive'))) {
    throw new ApiError(401, 'unauthenticated', 'Not signed in: this needs an identity (Authorization: Bearer <token> or the sign-in proxy)');
  }
  if (policy.bucket) {
    const wait = limiters()[policy.bucket].take(identityKey(who, client));
    if (wait > 0) return tooMany(wait, `${policy.bucket} requests`);
  }
  return null;
}

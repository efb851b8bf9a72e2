import 'server-only';
import { peerOf } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import { getEnv } from '@/lib/env';
import { roleAtLeast, type Role } from './config';
import { identify, type Identity } from './identity';

export { ANONYMOUS_ACCESS, ROLES, roleAtLeast, type AnonymousAccess, type ApiToken, type AuthConfig, type Role } from './config';
export { identify, isTrustedProxy, matchToken, DEMO_USER, type Identity } from './identity';

/** The identity behind `request` under the configured auth. */
export function identityOf(request: Request): Identity {
  return identify(request.headers, getEnv().auth, peerOf(request.headers));
}

/**
 * The user when they hold `needed`; otherwise 401 (no or an invalid identity) or 403 (too weak a role).
 * Reads need no identity: viewers, and anonymous users, may read everything.
 */
export function requireRole(request: Request, needed: Role): { user: string; role: Role } {
  const who = identityOf(request);
  if (who.kind === 'invalid') throw new ApiError(401, 'unauthenticated', `Not signed in: ${who.reason}`);
  if (who.kind === 'anonymous') {
    throw new ApiError(401, 'unauthenticated', 'Not signed in: changing SLOs needs an editor (Authorization: Bearer <token> or the sign-in proxy)');
  }
  if (!roleAtLeast(who.role, needed)) {
    throw new ApiError(403, 'forbidden', `${who.user} is a ${who.role}; this needs the ${needed} role`, { user: who.user, role: who.role });
  }
  return { user: who.user, role: who.role };
}

/** `GET /api/me`: `{ user, role, demo }`; demo is true while the demo editor mode is on. */
export function describeIdentity(request: Request): { user: string | null; role: Role | null; demo: boolean } {
  const who = identityOf(request);
  if (who.kind === 'invalid') throw new ApiError(401, 'unauthenticated', `Not signed in: ${who.reason}`);
  const demo = getEnv().auth.demoEditor;
  return who.kind === 'user' ? { user: who.user, role: who.role, demo } : { user: null, role: null, demo };
}

import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { roleAtLeast, type AuthConfig, type Role } from './config';
import { proxyMatcher } from './proxies';

// Who is asking, from the request headers and the auth configuration. Order: a bearer token, then
// the trusted proxy's user header, then the demo editor; otherwise anonymous (who may only read).

export type Identity =
  | { kind: 'user'; user: string; role: Role; via: 'token' | 'proxy' | 'demo' }
  | { kind: 'anonymous' }
  | { kind: 'invalid'; reason: string };

/** Shown in the audit history for token users: which token, never the token. */
export const tokenUser = (index: number) => `api-token-${index + 1}`;
export const DEMO_USER = 'demo';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Index of the configured token equal to `presented`, compared in constant time: both sides are
 * hashed to equal length and every configured token is compared, whether or not one matched.
 */
export function matchToken(presented: string, tokens: readonly { token: string }[]): number {
  const mine = digest(presented);
  let found = -1;
  tokens.forEach((t, i) => {
    if (timingSafeEqual(mine, digest(t.token)) && found < 0) found = i;
  });
  return found;
}

function bearer(headers: Headers): string | undefined | null {
  const value = headers.get('authorization');
  if (value === null) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  // Other schemes (Basic from a proxy, say) are not ours to judge.
  if (!match) return /^Bearer\b/i.test(value) ? null : undefined;
  return match[1] ?? null;
}

function proxyRole(groups: readonly string[], config: AuthConfig): Role {
  let role: Role = 'viewer';
  for (const g of groups) {
    const mapped = config.groupRoles[g];
    if (mapped && roleAtLeast(mapped, role)) role = mapped;
  }
  return role;
}

/**
 * User names land in the audit history: no control characters, bounded. (Header values arrive as
 * latin1, so bytes of UTF-8 names may look like C1 controls; those stay allowed.)
 */
const USABLE_USER = /^[^\u0000-\u001f\u007f]{1,256}$/;

const matchers = new WeakMap<AuthConfig, (address: string | undefined) => boolean>();

/** True when `peer`, the address that connected to us, is a configured proxy (MESHWATCH_TRUSTED_PROXIES). */
export function isTrustedProxy(peer: string | undefined, config: AuthConfig): boolean {
  let matcher = matchers.get(config);
  if (!matcher) matchers.set(config, (matcher = proxyMatcher(config.trustedProxies)));
  return matcher(peer);
}

/** `peer` is the connecting address (lib/api/client.ts); the user header counts only from a trusted proxy. */
export function identify(headers: Headers, config: AuthConfig, peer?: string): Identity {
  const presented = bearer(headers);
  if (presented === null) return { kind: 'invalid', reason: 'malformed Authorization header; expected Bearer <token>' };
  if (presented !== undefined) {
    const index = matchToken(presented, config.apiTokens);
    const token = config.apiTokens[index];
    return token ? { kind: 'user', user: tokenUser(index), role: token.role, via: 'token' } : { kind: 'invalid', reason: 'unknown bearer token' };
  }
  const user = config.userHeader && isTrustedProxy(peer, config) ? headers.get(config.userHeader)?.trim() : undefined;
  if (user && !USABLE_USER.test(user)) return { kind: 'invalid', reason: 'the sign-in proxy sent an unusable user name' };
  if (user) {
    const raw = config.groupsHeader ? (headers.get(config.groupsHeader) ?? '') : '';
    const groups = raw.split(',').map((g) => g.trim()).filter(Boolean);
    return { kind: 'user', user, role: proxyRole(groups, config), via: 'proxy' };
  }
  if (config.demoEditor) return { kind: 'user', user: DEMO_USER, role: 'editor', via: 'demo' };
  return { kind: 'anonymous' };
}

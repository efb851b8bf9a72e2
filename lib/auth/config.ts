// Parsing of the auth variables for lib/env.ts (pure; reads no environment itself). Problems name the
// entry, never its value: tokens are secrets.

export const ROLES = ['viewer', 'editor'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiToken {
  token: string;
  role: Role;
}

export interface AuthConfig {
  /** MESHWATCH_API_TOKENS: `Authorization: Bearer <token>` for automation. */
  apiTokens: ApiToken[];
  /** MESHWATCH_AUTH_USER_HEADER, lower case: the user name a trusted reverse proxy sets. */
  userHeader?: string;
  /** MESHWATCH_AUTH_GROUPS_HEADER, lower case: comma-separated groups from the same proxy. */
  groupsHeader?: string;
  /** MESHWATCH_GROUP_ROLES: group -> role; a proxy user in no mapped group is a viewer. */
  groupRoles: Record<string, Role>;
  /** MESHWATCH_DEMO_EDITOR: anyone without another identity is the editor `demo`. */
  demoEditor: boolean;
  /** MESHWATCH_TRUSTED_PROXIES: addresses and CIDR ranges whose proxy headers are believed (lib/auth/proxies.ts). */
  trustedProxies: string[];
  /** MESHWATCH_ANONYMOUS: what callers without an identity may read. */
  anonymous: AnonymousAccess;
}

/**
 * `all`: everything a viewer may read; `dashboards`: all but the expensive SLO endpoints (backtests,
 * preview), which need an identity; `none`: only liveness, readiness and the app's own metrics.
 */
export const ANONYMOUS_ACCESS = ['all', 'dashboards', 'none'] as const;
export type AnonymousAccess = (typeof ANONYMOUS_ACCESS)[number];

/** Short tokens fall to guessing even when failed attempts are throttled; 16 characters is the floor. */
export const MIN_TOKEN_LENGTH = 16;

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** True when `role` may do what `needed` may. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** `token:role,...`; the role follows the last colon so tokens may contain colons. */
export function parseApiTokens(text: string | undefined): ApiToken[] | string {
  if (text === undefined) return [];
  const tokens: ApiToken[] = [];
  const entries = text.split(',');
  for (const [i, entry] of entries.entries()) {
    const at = entry.lastIndexOf(':');
    const token = entry.slice(0, Math.max(0, at)).trim();
    const role = entry.slice(at + 1).trim();
    if (at < 0 || token === '' || /\s/.test(token) || !isRole(role)) {
      return `entry ${i + 1} must be token:role with role ${ROLES.join(' or ')} and no spaces in the token`;
    }
    if (token.length < MIN_TOKEN_LENGTH) return `entry ${i + 1}: the token must be at least ${MIN_TOKEN_LENGTH} characters (e.g. openssl rand -hex 24)`;
    if (tokens.some((t) => t.token === token)) return `entry ${i + 1} repeats an earlier token`;
    tokens.push({ token, role });
  }
  return tokens;
}

/** `group:role,...`, e.g. `sre:editor,everyone:viewer`. */
export function parseGroupRoles(text: string | undefined): Record<string, Role> | string {
  const roles: Record<string, Role> = {};
  if (text === undefined) return roles;
  for (const [i, entry] of text.split(',').entries()) {
    const at = entry.lastIndexOf(':');
    const group = entry.slice(0, Math.max(0, at)).trim();
    const role = entry.slice(at + 1).trim();
    if (at < 0 || group === '' || !isRole(role)) return `entry ${i + 1} must be group:role with role ${ROLES.join(' or ')}`;
    roles[group] = role;
  }
  return roles;
}

// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A header name, lower-cased as Headers.get() compares; a problem string when it is not one. */
export function parseHeaderName(text: string | undefined): string | undefined | { problem: string } {
  if (text === undefined) return undefined;
  if (!HEADER_NAME.test(text)) return { problem: 'must be an HTTP header name such as X-Forwarded-User' };
  if (text.toLowerCase() === 'authorization') return { problem: 'must not be Authorization (bearer tokens use it)' };
  return text.toLowerCase();
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

export function parseFlag(text: string | undefined): boolean | undefined {
  if (text === undefined) return false;
  const lower = text.toLowerCase();
  if (TRUE.includes(lower)) return true;
  if (FALSE.includes(lower)) return false;
  return undefined;
}

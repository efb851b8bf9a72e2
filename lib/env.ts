import 'server-only';
import { z } from 'zod';
import { ANONYMOUS_ACCESS, parseApiTokens, parseFlag, parseGroupRoles, parseHeaderName, type AnonymousAccess, type AuthConfig } from '@/lib/auth/config';
import { parseTrustedProxies } from '@/lib/auth/proxies';
import { isAuthorization, parseHeaders } from './env-headers';
import { integerSchema, limitVariables, toLimits, type Limits } from './env-limits';
import { parseRegions, type RegionMap } from './env-regions';
import { parseTeams } from './env-teams';
import { parseHealthThresholds, type HealthThresholds } from './health';

// The only reader of process.env. Every variable is validated at start-up (instrumentation.ts), and a
// bad value stops the server with a message naming the variable; values are never echoed back, since
// some are secrets.

export type PrometheusAuth =
  | { type: 'none' }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; user: string; password: string };

export interface Env {
  prometheus: {
    /** http(s) URL without trailing slash; may include a path prefix. */
    url: string;
    auth: PrometheusAuth;
    /** Extra headers such as `X-Scope-OrgID` for multi-tenant Mimir/Cortex/Thanos. */
    headers: Record<string, string>;
    timeoutMs: number;
  };
  /** Concurrency, answer size, cache and request deadline (lib/env-limits.ts). */
  limits: Limits;
  mesh: 'istio' | 'linkerd' | 'auto';
  dbPath: string;
  /**
   * Link to a trace viewer with placeholders {service}, {namespace}, {start}/{end} (unix s),
   * {startMs}/{endMs}, {startUs}/{endUs}, {error} and {traceId}; e.g. `https://tempo.example/trace/{traceId}`.
   */
  traceUrlTemplate?: string;
  /** Namespace -> team for the executive dashboard (MESHWATCH_TEAMS); unmapped namespaces are their own team. */
  teams: Record<string, string>;
  /** Cluster -> region (MESHWATCH_REGIONS); empty: single-cluster behaviour, no region anywhere. Unmapped clusters are their own region. */
  regions: RegionMap;
  /** Error ratios at which a service turns warning and failing (MESHWATCH_HEALTH_THRESHOLDS, lib/health). */
  health: HealthThresholds;
  /** Who may change SLOs (lib/auth): API tokens, a trusted proxy's headers, the demo editor. */
  auth: AuthConfig;
  /** Rule delivery (lib/rules-sync): without a file, rules are offered for GitOps instead of written. */
  rules: {
    /** MESHWATCH_RULES_FILE: the rule file Prometheus loads (`rule_files:`); Meshwatch owns it whole. */
    file?: string;
    /** MESHWATCH_PROMTOOL: promtool binary that checks a rule file before it replaces the good one. */
    promtool: string;
  };
  /** Maintenance silences and rollout inhibition (lib/maintenance, lib/alertmanager). */
  alertmanager: {
    /** MESHWATCH_ALERTMANAGER_URL: where maintenance windows create their silences; unset: none are created. */
    url?: string;
    /** MESHWATCH_ROLLOUT_MUTE: how long after a new revision starts serving its service's tickets stay muted. */
    rolloutMute: string;
  };
  /** How the app answers browsers (lib/api/security-headers.ts, lib/api/origin.ts). */
  http: {
    /** MESHWATCH_PUBLIC_URL: the origins browsers use for the app; empty: the request's own host. */
    publicOrigins: string[];
    /** MESHWATCH_HSTS: send Strict-Transport-Security (the app is served over TLS). */
    hsts: boolean;
    /** Development server: React needs eval for its error overlays, so the CSP allows it there only. */
    development: boolean;
    /** MESHWATCH_HTTP_COMPRESSION=on: Next.js compresses responses (next.config.js reads it at `next start`). */
    compress: boolean;
  };
}

export class EnvError extends Error {
  override readonly name = 'EnvError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}

const prometheusUrlSchema = z
  .string()
  .refine(isHttpUrl, 'must be an http(s) URL')
  // fetch() refuses URLs with embedded credentials, so say where they belong instead.
  .refine((text) => !isHttpUrl(text) || (!new URL(text).username && !new URL(text).password), {
    message: 'must not contain credentials; use PROMETHEUS_BASIC_AUTH_USER/PASSWORD',
  })
  .transform((text) => text.replace(/\/+$/, ''));

const timeoutSchema = integerSchema(100, 300_000);

/** Whole minutes from 5m (one rate window) to a day: longer would mute tickets of a bad rollout past its first day. */
const rolloutMuteSchema = z.string().refine((text) => {
  const m = /^(\d+)([mh])$/.exec(text);
  const minutes = m ? Number(m[1]) * (m[2] === 'h' ? 60 : 1) : 0;
  return minutes >= 5 && minutes <= 1440;
}, 'must be minutes or hours between 5m and 24h, e.g. 30m or 2h');

const envSchema = z
  .object({
    PROMETHEUS_URL: prometheusUrlSchema.default('http://127.0.0.1:9090'),
    PROMETHEUS_BEARER_TOKEN: z.string().optional(),
    PROMETHEUS_BASIC_AUTH_USER: z.string().optional(),
    PROMETHEUS_BASIC_AUTH_PASSWORD: z.string().optional(),
    PROMETHEUS_HEADERS: z.string().optional(),
    PROMETHEUS_TIMEOUT_MS: timeoutSchema.default(15_000),
    MESH: z.enum(['istio', 'linkerd', 'auto'], { error: 'must be one of istio, linkerd, auto' }).default('auto'),
    MESHWATCH_DB: z.string().default('.data/meshwatch.db'),
    TRACE_URL_TEMPLATE: z.string().refine(isHttpUrl, 'must be an http(s) URL').optional(),
    MESHWATCH_TEAMS: z.string().optional(),
    MESHWATCH_REGIONS: z.string().optional(),
    MESHWATCH_HEALTH_THRESHOLDS: z.string().optional(),
    MESHWATCH_API_TOKENS: z.string().optional(),
    MESHWATCH_AUTH_USER_HEADER: z.string().optional(),
    MESHWATCH_AUTH_GROUPS_HEADER: z.string().optional(),
    MESHWATCH_GROUP_ROLES: z.string().optional(),
    MESHWATCH_DEMO_EDITOR: z.string().optional(),
    MESHWATCH_RULES_FILE: z.string().optional(),
    MESHWATCH_PROMTOOL: z.string().default('promtool'),
    MESHWATCH_TRUSTED_PROXIES: z.string().optional(),
    MESHWATCH_ANONYMOUS: z.enum(ANONYMOUS_ACCESS, { error: `must be one of ${ANONYMOUS_ACCESS.join(', ')}` }).optional(),
    MESHWATCH_PUBLIC_URL: z.string().optional(),
    MESHWATCH_HSTS: z.string().optional(),
    MESHWATCH_HTTP_COMPRESSION: z.enum(['on', 'off'], { error: 'must be on or off' }).optional(),
    MESHWATCH_ALERTMANAGER_URL: prometheusUrlSchema.optional(),
    MESHWATCH_ROLLOUT_MUTE: rolloutMuteSchema.default('30m'),
    NODE_ENV: z.string().optional(),
    ...limitVariables,
  })
  .superRefine((raw, ctx) => {
    const problem = (variable: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [variable], message });
    const basic = [raw.PROMETHEUS_BASIC_AUTH_USER, raw.PROMETHEUS_BASIC_AUTH_PASSWORD];
    if (basic.filter((v) => v !== undefined).length === 1) {
      const missing = raw.PROMETHEUS_BASIC_AUTH_USER === undefined ? 'USER' : 'PASSWORD';
      problem(`PROMETHEUS_BASIC_AUTH_${missing}`, 'must be set together with the other PROMETHEUS_BASIC_AUTH_* variable');
    }
    if (raw.PROMETHEUS_BEARER_TOKEN !== undefined && basic.some((v) => v !== undefined)) {
      problem('PROMETHEUS_BEARER_TOKEN', 'cannot be combined with PROMETHEUS_BASIC_AUTH_USER/PASSWORD');
    }
    const headers = parseHeaders(raw.PROMETHEUS_HEADERS);
    if (typeof headers === 'string') problem('PROMETHEUS_HEADERS', headers);
    const teams = parseTeams(raw.MESHWATCH_TEAMS);
    if (typeof teams === 'string') problem('MESHWATCH_TEAMS', teams);
    const regions = parseRegions(raw.MESHWATCH_REGIONS);
    if (typeof regions === 'string') problem('MESHWATCH_REGIONS', regions);
    const health = parseHealthThresholds(raw.MESHWATCH_HEALTH_THRESHOLDS);
    if (typeof health === 'string') problem('MESHWATCH_HEALTH_THRESHOLDS', health);
    const auth = raw.PROMETHEUS_BEARER_TOKEN ?? raw.PROMETHEUS_BASIC_AUTH_USER;
    if (auth !== undefined && typeof headers === 'object' && Object.keys(headers).some(isAuthorization)) {
      problem('PROMETHEUS_HEADERS', 'must not set Authorization when bearer or basic auth is configured');
    }
    checkAuth(raw, problem);
    if (typeof parsePublicOrigins(raw.MESHWATCH_PUBLIC_URL) === 'string') problem('MESHWATCH_PUBLIC_URL', 'must be http(s) URLs, comma-separated, e.g. https://meshwatch.example.com');
    if (parseFlag(raw.MESHWATCH_HSTS) === undefined) problem('MESHWATCH_HSTS', 'must be 1, true, yes, on, 0, false, no or off');
  })
  .transform(
    (raw): Env => ({
      prometheus: {
        url: raw.PROMETHEUS_URL,
        auth: toAuth(raw.PROMETHEUS_BEARER_TOKEN, raw.PROMETHEUS_BASIC_AUTH_USER, raw.PROMETHEUS_BASIC_AUTH_PASSWORD),
        headers: parseHeaders(raw.PROMETHEUS_HEADERS) as Record<string, string>,
        timeoutMs: raw.PROMETHEUS_TIMEOUT_MS,
      },
      limits: toLimits(raw),
      mesh: raw.MESH,
      dbPath: raw.MESHWATCH_DB,
      ...(raw.TRACE_URL_TEMPLATE === undefined ? {} : { traceUrlTemplate: raw.TRACE_URL_TEMPLATE }),
      teams: parseTeams(raw.MESHWATCH_TEAMS) as Record<string, string>,
      regions: parseRegions(raw.MESHWATCH_REGIONS) as Record<string, string>,
      health: parseHealthThresholds(raw.MESHWATCH_HEALTH_THRESHOLDS) as HealthThresholds,
      auth: toAuthConfig(raw),
      rules: { ...(raw.MESHWATCH_RULES_FILE === undefined ? {} : { file: raw.MESHWATCH_RULES_FILE }), promtool: raw.MESHWATCH_PROMTOOL },
      alertmanager: {
        ...(raw.MESHWATCH_ALERTMANAGER_URL === undefined ? {} : { url: raw.MESHWATCH_ALERTMANAGER_URL }),
        rolloutMute: raw.MESHWATCH_ROLLOUT_MUTE,
      },
      http: {
        publicOrigins: parsePublicOrigins(raw.MESHWATCH_PUBLIC_URL) as string[],
        hsts: parseFlag(raw.MESHWATCH_HSTS) ?? false,
        development: raw.NODE_ENV === 'development',
        compress: raw.MESHWATCH_HTTP_COMPRESSION === 'on',
      },
    }),
  );

/** `https://a.example,https://b.example` -> their origins; a problem string when one is not an http(s) URL. */
function parsePublicOrigins(text: string | undefined): string[] | string {
  if (text === undefined) return [];
  const entries = text.split(',').map((e) => e.trim());
  if (!entries.every(isHttpUrl)) return 'not an http(s) URL';
  return entries.map((e) => new URL(e).origin);
}

type AuthVariables = Partial<
  Record<
    | 'MESHWATCH_API_TOKENS'
    | 'MESHWATCH_AUTH_USER_HEADER'
    | 'MESHWATCH_AUTH_GROUPS_HEADER'
    | 'MESHWATCH_GROUP_ROLES'
    | 'MESHWATCH_DEMO_EDITOR'
    | 'MESHWATCH_TRUSTED_PROXIES',
    string
  >
> & { MESHWATCH_ANONYMOUS?: AnonymousAccess };

function checkAuth(raw: AuthVariables, problem: (variable: string, message: string) => void): void {
  const tokens = parseApiTokens(raw.MESHWATCH_API_TOKENS);
  if (typeof tokens === 'string') problem('MESHWATCH_API_TOKENS', tokens);
  for (const variable of ['MESHWATCH_AUTH_USER_HEADER', 'MESHWATCH_AUTH_GROUPS_HEADER'] as const) {
    const header = parseHeaderName(raw[variable]);
    if (typeof header === 'object') problem(variable, header.problem);
  }
  const groupRoles = parseGroupRoles(raw.MESHWATCH_GROUP_ROLES);
  if (typeof groupRoles === 'string') problem('MESHWATCH_GROUP_ROLES', groupRoles);
  if (raw.MESHWATCH_AUTH_GROUPS_HEADER !== undefined && raw.MESHWATCH_AUTH_USER_HEADER === undefined) {
    problem('MESHWATCH_AUTH_GROUPS_HEADER', 'needs MESHWATCH_AUTH_USER_HEADER too');
  }
  if (raw.MESHWATCH_GROUP_ROLES !== undefined && raw.MESHWATCH_AUTH_GROUPS_HEADER === undefined) {
    problem('MESHWATCH_GROUP_ROLES', 'needs MESHWATCH_AUTH_GROUPS_HEADER too');
  }
  if (parseFlag(raw.MESHWATCH_DEMO_EDITOR) === undefined) problem('MESHWATCH_DEMO_EDITOR', 'must be 1, true, yes, on, 0, false, no or off');
  const proxies = parseTrustedProxies(raw.MESHWATCH_TRUSTED_PROXIES);
  if (typeof proxies === 'string') problem('MESHWATCH_TRUSTED_PROXIES', proxies);
  // Without an allow-list anyone who reaches the port could send the user header and be an editor.
  if (raw.MESHWATCH_AUTH_USER_HEADER !== undefined && raw.MESHWATCH_TRUSTED_PROXIES === undefined) {
    problem('MESHWATCH_TRUSTED_PROXIES', 'is required with MESHWATCH_AUTH_USER_HEADER: the addresses of the sign-in proxy, e.g. 10.0.0.5 or 10.0.0.0/24');
  }
}

/** Only called once checkAuth found no problem. */
function toAuthConfig(raw: AuthVariables): AuthConfig {
  const header = (text: string | undefined) => {
    const parsed = parseHeaderName(text);
    return typeof parsed === 'string' ? parsed : undefined;
  };
  const userHeader = header(raw.MESHWATCH_AUTH_USER_HEADER);
  const groupsHeader = header(raw.MESHWATCH_AUTH_GROUPS_HEADER);
  return {
    apiTokens: parseApiTokens(raw.MESHWATCH_API_TOKENS) as AuthConfig['apiTokens'],
    ...(userHeader === undefined ? {} : { userHeader }),
    ...(groupsHeader === undefined ? {} : { groupsHeader }),
    groupRoles: parseGroupRoles(raw.MESHWATCH_GROUP_ROLES) as AuthConfig['groupRoles'],
    demoEditor: parseFlag(raw.MESHWATCH_DEMO_EDITOR) ?? false,
    trustedProxies: parseTrustedProxies(raw.MESHWATCH_TRUSTED_PROXIES) as string[],
    // With any way to sign in configured, the expensive endpoints are for the signed-in.
    anonymous: raw.MESHWATCH_ANONYMOUS ?? (raw.MESHWATCH_API_TOKENS !== undefined || userHeader !== undefined ? 'dashboards' : 'all'),
  };
}

function toAuth(token?: string, user?: string, password?: string): PrometheusAuth {
  if (token !== undefined) return { type: 'bearer', token };
  if (user !== undefined && password !== undefined) return { type: 'basic', user, password };
  return { type: 'none' };
}

/** Validates an environment; throws EnvError naming every bad variable. Empty values count as unset. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    // .env files and mounted secrets often end in a newline.
    const trimmed = value?.trim();
    if (trimmed) cleaned[key] = trimmed;
  }
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

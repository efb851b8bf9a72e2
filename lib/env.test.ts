import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

function problemsOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as EnvError).message;
  }
  return expect.fail('expected an EnvError');
}

describe('parseEnv', () => {
  it('applies defaults to an empty environment', () => {
    expect(parseEnv({})).toEqual({
      prometheus: { url: 'http://127.0.0.1:9090', auth: { type: 'none' }, headers: {}, timeoutMs: 15_000 },
      limits: { maxConcurrency: 64, maxResponseBytes: 32 * 1024 * 1024, cacheBytes: 64 * 1024 * 1024, requestDeadlineMs: 20_000, gzip: false },
      mesh: 'auto',
      dbPath: '.data/meshwatch.db',
      teams: {},
      regions: {},
      health: { warning: 0.01, failing: 0.05 },
      auth: { apiTokens: [], groupRoles: {}, demoEditor: false, trustedProxies: [], anonymous: 'all' },
      rules: { promtool: 'promtool' },
      alertmanager: { rolloutMute: '30m' },
      http: { publicOrigins: [], hsts: false, development: false, compress: false },
    });
  });

  it('reads the Alertmanager URL and the rollout mute time, refusing what is neither', () => {
    expect(parseEnv({ MESHWATCH_ALERTMANAGER_URL: 'http://alertmanager:9093/', MESHWATCH_ROLLOUT_MUTE: '2h' }).alertmanager).toEqual({ url: 'http://alertmanager:9093', rolloutMute: '2h' });
    expect(() => parseEnv({ MESHWATCH_ALERTMANAGER_URL: 'alertmanager:9093' })).toThrow(/MESHWATCH_ALERTMANAGER_URL: must be an http\(s\) URL/);
    expect(() => parseEnv({ MESHWATCH_ROLLOUT_MUTE: '2m' })).toThrow(/MESHWATCH_ROLLOUT_MUTE: must be minutes or hours between 5m and 24h/);
    expect(() => parseEnv({ MESHWATCH_ROLLOUT_MUTE: '30m) or vector(1' })).toThrow(/MESHWATCH_ROLLOUT_MUTE/);
  });

  it('reads the rules file and promtool path (no file: rules are offered for GitOps)', () => {
    expect(parseEnv({ MESHWATCH_RULES_FILE: '/etc/prometheus/rules/meshwatch.yml', MESHWATCH_PROMTOOL: '/usr/bin/promtool' }).rules).toEqual({
      file: '/etc/prometheus/rules/meshwatch.yml',
      promtool: '/usr/bin/promtool',
    });
  });

  it('treats empty and blank values as unset and trims the rest', () => {
    const env = parseEnv({ PROMETHEUS_URL: '', MESH: '  ', PROMETHEUS_BEARER_TOKEN: 'tok\n' });
    expect(env.prometheus.url).toBe('http://127.0.0.1:9090');
    expect(env.mesh).toBe('auto');
    expect(env.prometheus.auth).toEqual({ type: 'bearer', token: 'tok' });
  });

  it.each([
    ['https://prom.example.com/', 'https://prom.example.com'],
    ['http://thanos:10902/prometheus/', 'http://thanos:10902/prometheus'],
    ['http://[::1]:9090', 'http://[::1]:9090'],
  ])('accepts PROMETHEUS_URL %s', (url, expected) => {
    expect(parseEnv({ PROMETHEUS_URL: url }).prometheus.url).toBe(expected);
  });

  it('reads the load limits (sizes in MB, 0 turns the query cache off)', () => {
    const env = parseEnv({ PROMETHEUS_MAX_CONCURRENCY: '4', PROMETHEUS_MAX_RESPONSE_MB: '2', MESHWATCH_QUERY_CACHE_MB: '0', MESHWATCH_REQUEST_DEADLINE_MS: '5000', PROMETHEUS_COMPRESSION: 'gzip' });
    expect(env.limits).toEqual({ maxConcurrency: 4, maxResponseBytes: 2_097_152, cacheBytes: 0, requestDeadlineMs: 5_000, gzip: true });
  });

  it.each([
    ['PROMETHEUS_MAX_CONCURRENCY', '0', 'between 1 and 1000'],
    ['PROMETHEUS_MAX_RESPONSE_MB', 'lots', 'between 1 and 1024'],
    ['MESHWATCH_REQUEST_DEADLINE_MS', '50', 'between 100 and 600000'],
  ])('rejects %s=%s', (variable, value, message) => {
    expect(problemsOf({ [variable]: value })).toContain(`${variable}: must be an integer ${message}`);
  });

  it.each([
    ['100', 100],
    ['15000', 15_000],
    ['300000', 300_000],
  ])('accepts PROMETHEUS_TIMEOUT_MS=%s', (value, ms) => {
    expect(parseEnv({ PROMETHEUS_TIMEOUT_MS: value }).prometheus.timeoutMs).toBe(ms);
  });

  it.each([
    ['X-Scope-OrgID=tenant-a,X-Other=b', { 'X-Scope-OrgID': 'tenant-a', 'X-Other': 'b' }],
    [' X-Scope-OrgID = tenant-a ', { 'X-Scope-OrgID': 'tenant-a' }],
    ['X-Token=a=b', { 'X-Token': 'a=b' }],
    ['{"X-Scope-OrgID":"tenant-a|tenant-b","X-Other":"a,b"}', { 'X-Scope-OrgID': 'tenant-a|tenant-b', 'X-Other': 'a,b' }],
  ])('parses PROMETHEUS_HEADERS %s', (value, headers) => {
    expect(parseEnv({ PROMETHEUS_HEADERS: value }).prometheus.headers).toEqual(headers);
  });

  it.each([
    [{ PROMETHEUS_BEARER_TOKEN: 't' }, { type: 'bearer', token: 't' }],
    [{ PROMETHEUS_BASIC_AUTH_USER: 'u', PROMETHEUS_BASIC_AUTH_PASSWORD: 'p' }, { type: 'basic', user: 'u', password: 'p' }],
  ])('configures auth from %j', (source, auth) => {
    expect(parseEnv(source).prometheus.auth).toEqual(auth);
  });

  it.each(['istio', 'linkerd', 'auto'])('accepts MESH=%s', (mesh) => {
    expect(parseEnv({ MESH: mesh }).mesh).toBe(mesh);
  });

  it('keeps MESHWATCH_DB and TRACE_URL_TEMPLATE', () => {
    const env = parseEnv({ MESHWATCH_DB: '/var/lib/mw.db', TRACE_URL_TEMPLATE: 'https://tempo.example/trace/{traceId}' });
    expect(env.dbPath).toBe('/var/lib/mw.db');
    expect(env.traceUrlTemplate).toBe('https://tempo.example/trace/{traceId}');
  });

  it('accepts a Jaeger search template with placeholders in the query string', () => {
    const template = 'http://jaeger:16686/search?service={service}.{namespace}&start={startUs}&end={endUs}&tags=%7B%22error%22%3A%22{error}%22%7D';
    expect(parseEnv({ TRACE_URL_TEMPLATE: template }).traceUrlTemplate).toBe(template);
  });

  it('maps clusters to regions from MESHWATCH_REGIONS, and names the variable of a bad one', () => {
    expect(parseEnv({ MESHWATCH_REGIONS: 'prod-us-east=us-east,prod-eu-west=eu-west' }).regions).toEqual({ 'prod-us-east': 'us-east', 'prod-eu-west': 'eu-west' });
    expect(() => parseEnv({ MESHWATCH_REGIONS: 'prod-us-east' })).toThrow(/MESHWATCH_REGIONS: cluster prod-us-east needs one region/);
  });

  it('maps namespaces to teams from MESHWATCH_TEAMS', () => {
    expect(parseEnv({ MESHWATCH_TEAMS: 'shop=storefront, payments = money,' }).teams).toEqual({ shop: 'storefront', payments: 'money' });
  });

  it.each([
    [{ MESHWATCH_TEAMS: 'Shop=storefront' }, 'MESHWATCH_TEAMS: invalid namespace "Shop" (expected namespace=team pairs)'],
    [{ MESHWATCH_TEAMS: 'shop' }, 'MESHWATCH_TEAMS: namespace shop needs one team name (namespace=team)'],
    [{ MESHWATCH_TEAMS: 'shop=a=b' }, 'MESHWATCH_TEAMS: namespace shop needs one team name (namespace=team)'],
    [{ MESHWATCH_TEAMS: 'shop=a,shop=b' }, 'MESHWATCH_TEAMS: namespace shop is mapped twice'],
  ])('rejects %j', (source, problem) => {
    expect(problemsOf(source)).toBe(`Invalid configuration: ${problem}`);
  });

  it('reads the health thresholds in percent, 1 % / 5 % by default', () => {
    expect(parseEnv({}).health).toEqual({ warning: 0.01, failing: 0.05 });
    expect(parseEnv({ MESHWATCH_HEALTH_THRESHOLDS: '0.5,2' }).health).toEqual({ warning: 0.005, failing: 0.02 });
    expect(problemsOf({ MESHWATCH_HEALTH_THRESHOLDS: '5,1' })).toBe('Invalid configuration: MESHWATCH_HEALTH_THRESHOLDS: needs 0 < warning < failing <= 100 (percent), e.g. 1,5');
  });

  it('configures who may change SLOs', () => {
    const env = parseEnv({
      MESHWATCH_API_TOKENS: 'ci-token-1-0123456789:editor, read:only:0123456789:viewer',
      MESHWATCH_AUTH_USER_HEADER: 'X-Forwarded-User',
      MESHWATCH_TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,::1',
      MESHWATCH_AUTH_GROUPS_HEADER: 'X-Forwarded-Groups',
      MESHWATCH_GROUP_ROLES: 'sre:editor,everyone:viewer',
      MESHWATCH_DEMO_EDITOR: 'true',
    });
    expect(env.auth).toEqual({
      apiTokens: [
        { token: 'ci-token-1-0123456789', role: 'editor' },
        { token: 'read:only:0123456789', role: 'viewer' },
      ],
      userHeader: 'x-forwarded-user',
      groupsHeader: 'x-forwarded-groups',
      groupRoles: { sre: 'editor', everyone: 'viewer' },
      demoEditor: true,
      trustedProxies: ['10.0.0.5', '10.1.0.0/16', '::1'],
      anonymous: 'dashboards',
    });
  });

  it.each([
    [{ PROMETHEUS_TIMEOUT_MS: '99' }, 'PROMETHEUS_TIMEOUT_MS: must be an integer between 100 and 300000'],
    [{ PROMETHEUS_TIMEOUT_MS: '300001' }, 'PROMETHEUS_TIMEOUT_MS: must be an integer between 100 and 300000'],
    [{ PROMETHEUS_TIMEOUT_MS: '1.5e3' }, 'PROMETHEUS_TIMEOUT_MS: must be an integer between 100 and 300000'],
    [{ PROMETHEUS_TIMEOUT_MS: 'soon' }, 'PROMETHEUS_TIMEOUT_MS: must be an integer between 100 and 300000'],
    [{ PROMETHEUS_URL: 'prometheus:9090' }, 'PROMETHEUS_URL: must be an http(s) URL'],
    [{ PROMETHEUS_URL: 'ftp://prom' }, 'PROMETHEUS_URL: must be an http(s) URL'],
    [{ PROMETHEUS_URL: 'https://u:p@prom' }, 'PROMETHEUS_URL: must not contain credentials'],
    [{ MESH: 'consul' }, 'MESH: must be one of istio, linkerd, auto'],
    [{ TRACE_URL_TEMPLATE: 'tempo/{traceId}' }, 'TRACE_URL_TEMPLATE: must be an http(s) URL'],
    [{ PROMETHEUS_BASIC_AUTH_USER: 'u' }, 'PROMETHEUS_BASIC_AUTH_PASSWORD: must be set together'],
    [{ PROMETHEUS_BASIC_AUTH_PASSWORD: 'p' }, 'PROMETHEUS_BASIC_AUTH_USER: must be set together'],
    [
      { PROMETHEUS_BEARER_TOKEN: 't', PROMETHEUS_BASIC_AUTH_USER: 'u', PROMETHEUS_BASIC_AUTH_PASSWORD: 'p' },
      'PROMETHEUS_BEARER_TOKEN: cannot be combined with PROMETHEUS_BASIC_AUTH_USER/PASSWORD',
    ],
    [{ PROMETHEUS_HEADERS: 'X-Scope-OrgID' }, 'PROMETHEUS_HEADERS: header X-Scope-OrgID needs a single-line string value'],
    [{ PROMETHEUS_HEADERS: 'Bad Name=x' }, 'PROMETHEUS_HEADERS: invalid header name "Bad Name"'],
    [{ PROMETHEUS_HEADERS: '{"X-A": 1}' }, 'PROMETHEUS_HEADERS: header X-A needs a single-line string value'],
    [{ PROMETHEUS_HEADERS: '{"X-A":' }, 'PROMETHEUS_HEADERS: is not valid JSON'],
    [{ PROMETHEUS_HEADERS: '{"X-A": "a\\nB: injected"}' }, 'PROMETHEUS_HEADERS: header X-A needs a single-line string value'],
    [
      { PROMETHEUS_BEARER_TOKEN: 't', PROMETHEUS_HEADERS: 'authorization=Basic x' },
      'PROMETHEUS_HEADERS: must not set Authorization when bearer or basic auth is configured',
    ],
    [{ MESHWATCH_API_TOKENS: 'tok:admin' }, 'MESHWATCH_API_TOKENS: entry 1 must be token:role with role viewer or editor'],
    [{ MESHWATCH_API_TOKENS: '0123456789abcdef:editor,0123456789abcdef:viewer' }, 'MESHWATCH_API_TOKENS: entry 2 repeats an earlier token'],
    [{ MESHWATCH_AUTH_USER_HEADER: 'X User', MESHWATCH_TRUSTED_PROXIES: '127.0.0.1' }, 'MESHWATCH_AUTH_USER_HEADER: must be an HTTP header name'],
    [{ MESHWATCH_AUTH_USER_HEADER: 'Authorization', MESHWATCH_TRUSTED_PROXIES: '127.0.0.1' }, 'MESHWATCH_AUTH_USER_HEADER: must not be Authorization'],
    [{ MESHWATCH_AUTH_GROUPS_HEADER: 'X-Groups' }, 'MESHWATCH_AUTH_GROUPS_HEADER: needs MESHWATCH_AUTH_USER_HEADER too'],
    [
      { MESHWATCH_AUTH_USER_HEADER: 'X-User', MESHWATCH_TRUSTED_PROXIES: '127.0.0.1', MESHWATCH_AUTH_GROUPS_HEADER: 'X-Groups', MESHWATCH_GROUP_ROLES: 'sre' },
      'MESHWATCH_GROUP_ROLES: entry 1 must be group:role',
    ],
    [{ MESHWATCH_DEMO_EDITOR: 'maybe' }, 'MESHWATCH_DEMO_EDITOR: must be 1, true'],
  ])('rejects %j', (source, message) => {
    expect(problemsOf(source)).toContain(`Invalid configuration: ${message}`);
  });

  it('configures who may change SLOs', () => {
    const env = parseEnv({
      MESHWATCH_API_TOKENS: 'ci-token-1-0123456789:editor, read:only:0123456789:viewer',
      MESHWATCH_AUTH_USER_HEADER: 'X-Forwarded-User',
      MESHWATCH_TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,::1',
      MESHWATCH_AUTH_GROUPS_HEADER: 'X-Forwarded-Groups',
      MESHWATCH_GROUP_ROLES: 'sre:editor,everyone:viewer',
      MESHWATCH_DEMO_EDITOR: 'true',
    });
    expect(env.auth).toEqual({
      apiTokens: [
        { token: 'ci-token-1-0123456789', role: 'editor' },
        { token: 'read:only:0123456789', role: 'viewer' },
      ],
      userHeader: 'x-forwarded-user',
      groupsHeader: 'x-forwarded-groups',
      groupRoles: { sre: 'editor', everyone: 'viewer' },
      demoEditor: true,
      trustedProxies: ['10.0.0.5', '10.1.0.0/16', '::1'],
      anonymous: 'dashboards',
    });
  });

  it.each([
    [{ MESHWATCH_API_TOKENS: 'tok:admin' }, 'MESHWATCH_API_TOKENS: entry 1 must be token:role with role viewer or editor'],
    [{ MESHWATCH_API_TOKENS: '0123456789abcdef:editor,0123456789abcdef:viewer' }, 'MESHWATCH_API_TOKENS: entry 2 repeats an earlier token'],
    [{ MESHWATCH_AUTH_USER_HEADER: 'X User', MESHWATCH_TRUSTED_PROXIES: '127.0.0.1' }, 'MESHWATCH_AUTH_USER_HEADER: must be an HTTP header name'],
    [{ MESHWATCH_AUTH_USER_HEADER: 'Authorization', MESHWATCH_TRUSTED_PROXIES: '127.0.0.1' }, 'MESHWATCH_AUTH_USER_HEADER: must not be Authorization'],
    [{ MESHWATCH_AUTH_GROUPS_HEADER: 'X-Groups' }, 'MESHWATCH_AUTH_GROUPS_HEADER: needs MESHWATCH_AUTH_USER_HEADER too'],
    [
      { MESHWATCH_AUTH_USER_HEADER: 'X-User', MESHWATCH_TRUSTED_PROXIES: '127.0.0.1', MESHWATCH_AUTH_GROUPS_HEADER: 'X-Groups', MESHWATCH_GROUP_ROLES: 'sre' },
      'MESHWATCH_GROUP_ROLES: entry 1 must be group:role',
    ],
    [{ MESHWATCH_DEMO_EDITOR: 'maybe' }, 'MESHWATCH_DEMO_EDITOR: must be 1, true'],
    [{ MESHWATCH_API_TOKENS: 'fifteen-chars-x:editor' }, 'MESHWATCH_API_TOKENS: entry 1: the token must be at least 16 characters'],
    [{ MESHWATCH_AUTH_USER_HEADER: 'X-Forwarded-User' }, 'MESHWATCH_TRUSTED_PROXIES: is required with MESHWATCH_AUTH_USER_HEADER'],
    [{ MESHWATCH_TRUSTED_PROXIES: '10.0.0.0/33' }, 'MESHWATCH_TRUSTED_PROXIES: entry 1 must be an IP address or a CIDR range'],
    [{ MESHWATCH_TRUSTED_PROXIES: '10.0.0.1, proxy.local' }, 'MESHWATCH_TRUSTED_PROXIES: entry 2 must be an IP address or a CIDR range'],
    [{ MESHWATCH_ANONYMOUS: 'some' }, 'MESHWATCH_ANONYMOUS: must be one of all, dashboards, none'],
    [{ MESHWATCH_PUBLIC_URL: 'meshwatch.example.com' }, 'MESHWATCH_PUBLIC_URL: must be http(s) URLs'],
    [{ MESHWATCH_HSTS: 'sometimes' }, 'MESHWATCH_HSTS: must be 1, true'],
  ])('rejects auth setting %j', (source, message) => {
    expect(problemsOf(source)).toContain(message);
  });

  it.each([
    [{}, 'all'],
    [{ MESHWATCH_API_TOKENS: '0123456789abcdef:viewer' }, 'dashboards'],
    [{ MESHWATCH_AUTH_USER_HEADER: 'X-Forwarded-User', MESHWATCH_TRUSTED_PROXIES: '10.0.0.5' }, 'dashboards'],
    [{ MESHWATCH_API_TOKENS: '0123456789abcdef:viewer', MESHWATCH_ANONYMOUS: 'all' }, 'all'],
    [{ MESHWATCH_ANONYMOUS: 'none' }, 'none'],
  ])('anonymous access for %j is %s', (source, expected) => {
    expect(parseEnv(source).auth.anonymous).toBe(expected);
  });

  it('reads the public origins and HSTS', () => {
    expect(parseEnv({ MESHWATCH_PUBLIC_URL: 'https://meshwatch.example.com/, http://10.0.0.7:3000/app', MESHWATCH_HSTS: '1' }).http).toEqual({
      publicOrigins: ['https://meshwatch.example.com', 'http://10.0.0.7:3000'],
      hsts: true,
      development: false,
      compress: false,
    });
  });

  it('reads whether Next.js compresses responses, refusing other words than on and off', () => {
    expect(parseEnv({ MESHWATCH_HTTP_COMPRESSION: 'on' }).http.compress).toBe(true);
    expect(parseEnv({ MESHWATCH_HTTP_COMPRESSION: 'off' }).http.compress).toBe(false);
    expect(problemsOf({ MESHWATCH_HTTP_COMPRESSION: 'yes' })).toContain('MESHWATCH_HTTP_COMPRESSION');
  });

  it('names every bad variable in one message', () => {
    const message = problemsOf({ PROMETHEUS_TIMEOUT_MS: '5', MESH: 'consul', PROMETHEUS_URL: 'nope' });
    expect(message).toMatch(/^Invalid configuration: /);
    for (const variable of ['PROMETHEUS_TIMEOUT_MS', 'MESH', 'PROMETHEUS_URL']) expect(message).toContain(`${variable}: `);
  });

  it('never echoes secret values', () => {
    const message = problemsOf({ PROMETHEUS_BEARER_TOKEN: 'tok-123', PROMETHEUS_BASIC_AUTH_PASSWORD: 'pw-456' });
    expect(message).not.toMatch(/tok-123|pw-456/);
    expect(problemsOf({ MESHWATCH_API_TOKENS: 'secret-789:root' })).not.toContain('secret-789');
  });
});

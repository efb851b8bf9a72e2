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
      mesh: 'auto',
      dbPath: '.data/meshwatch.db',
      teams: {},
      health: { warning: 0.01, failing: 0.05 },
      auth: { apiTokens: [], groupRoles: {}, demoEditor: false },
      rules: { promtool: 'promtool' },
    });
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
      MESHWATCH_API_TOKENS: 'ci-token-1:editor, read:only:viewer',
      MESHWATCH_AUTH_USER_HEADER: 'X-Forwarded-User',
      MESHWATCH_AUTH_GROUPS_HEADER: 'X-Forwarded-Groups',
      MESHWATCH_GROUP_ROLES: 'sre:editor,everyone:viewer',
      MESHWATCH_DEMO_EDITOR: 'true',
    });
    expect(env.auth).toEqual({
      apiTokens: [
        { token: 'ci-token-1', role: 'editor' },
        { token: 'read:only', role: 'viewer' },
      ],
      userHeader: 'x-forwarded-user',
      groupsHeader: 'x-forwarded-groups',
      groupRoles: { sre: 'editor', everyone: 'viewer' },
      demoEditor: true,
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
    [{ MESHWATCH_API_TOKENS: 'a:editor,a:viewer' }, 'MESHWATCH_API_TOKENS: entry 2 repeats an earlier token'],
    [{ MESHWATCH_AUTH_USER_HEADER: 'X User' }, 'MESHWATCH_AUTH_USER_HEADER: must be an HTTP header name'],
    [{ MESHWATCH_AUTH_USER_HEADER: 'Authorization' }, 'MESHWATCH_AUTH_USER_HEADER: must not be Authorization'],
    [{ MESHWATCH_AUTH_GROUPS_HEADER: 'X-Groups' }, 'MESHWATCH_AUTH_GROUPS_HEADER: needs MESHWATCH_AUTH_USER_HEADER too'],
    [
      { MESHWATCH_AUTH_USER_HEADER: 'X-User', MESHWATCH_AUTH_GROUPS_HEADER: 'X-Groups', MESHWATCH_GROUP_ROLES: 'sre' },
      'MESHWATCH_GROUP_ROLES: entry 1 must be group:role',
    ],
    [{ MESHWATCH_DEMO_EDITOR: 'maybe' }, 'MESHWATCH_DEMO_EDITOR: must be 1, true'],
  ])('rejects %j', (source, message) => {
    expect(problemsOf(source)).toContain(`Invalid configuration: ${message}`);
  });

  it('configures who may change SLOs', () => {
    const env = parseEnv({
      MESHWATCH_API_TOKENS: 'ci-token-1:editor, read:only:viewer',
      MESHWATCH_AUTH_USER_HEADER: 'X-Forwarded-User',
      MESHWATCH_AUTH_GROUPS_HEADER: 'X-Forwarded-Groups',
      MESHWATCH_GROUP_ROLES: 'sre:editor,everyone:viewer',
      MESHWATCH_DEMO_EDITOR: 'true',
    });
    expect(env.auth).toEqual({
      apiTokens: [
        { token: 'ci-token-1', role: 'editor' },
        { token: 'read:only', role: 'viewer' },
      ],
      userHeader: 'x-forwarded-user',
      groupsHeader: 'x-forwarded-groups',
      groupRoles: { sre: 'editor', everyone: 'viewer' },
      demoEditor: true,
    });
  });

  it.each([
    [{ MESHWATCH_API_TOKENS: 'tok:admin' }, 'MESHWATCH_API_TOKENS: entry 1 must be token:role with role viewer or editor'],
    [{ MESHWATCH_API_TOKENS: 'a:editor,a:viewer' }, 'MESHWATCH_API_TOKENS: entry 2 repeats an earlier token'],
    [{ MESHWATCH_AUTH_USER_HEADER: 'X User' }, 'MESHWATCH_AUTH_USER_HEADER: must be an HTTP header name'],
    [{ MESHWATCH_AUTH_USER_HEADER: 'Authorization' }, 'MESHWATCH_AUTH_USER_HEADER: must not be Authorization'],
    [{ MESHWATCH_AUTH_GROUPS_HEADER: 'X-Groups' }, 'MESHWATCH_AUTH_GROUPS_HEADER: needs MESHWATCH_AUTH_USER_HEADER too'],
    [
      { MESHWATCH_AUTH_USER_HEADER: 'X-User', MESHWATCH_AUTH_GROUPS_HEADER: 'X-Groups', MESHWATCH_GROUP_ROLES: 'sre' },
      'MESHWATCH_GROUP_ROLES: entry 1 must be group:role',
    ],
    [{ MESHWATCH_DEMO_EDITOR: 'maybe' }, 'MESHWATCH_DEMO_EDITOR: must be 1, true'],
  ])('rejects auth setting %j', (source, message) => {
    expect(problemsOf(source)).toContain(message);
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

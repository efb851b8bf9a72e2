import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/env';
import { PEER_HEADER, setPeerStampForTests } from './client';
import { ApiError } from './errors';
import { guard, mayReadPageData, resetRateLimits } from './guard';

const TOKENS = 'editor-token-0001:editor,viewer-token-0002:viewer';

beforeEach(() => {
  resetRateLimits();
  setPeerStampForTests(true);
  vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000); // buckets refill with time; freeze it
});
afterEach(() => {
  setPeerStampForTests(false);
  vi.restoreAllMocks();
});

/** The status guard answers with: 200 when the handler may run. */
function statusOf(route: string, headers: Record<string, string>, env: ReturnType<typeof parseEnv>, method = 'GET'): number {
  try {
    return guard(new Request(`http://meshwatch.test${route}`, { method, headers }), route, env)?.status ?? 200;
  } catch (err) {
    if (err instanceof ApiError) return err.status;
    throw err;
  }
}

describe('anonymous access (MESHWATCH_ANONYMOUS)', () => {
  it.each([
    ['all', [200, 200, 200]],
    ['dashboards', [200, 200, 401]],
    ['none', [200, 401, 401]],
  ] as const)('%s: liveness, a dashboard read, a backtest', (anonymous, expected) => {
    const env = parseEnv({ MESHWATCH_API_TOKENS: TOKENS, MESHWATCH_ANONYMOUS: anonymous });
    const peer = { [PEER_HEADER]: '10.0.0.1' };
    expect([statusOf('/api/healthz', peer, env), statusOf('/api/graph', peer, env), statusOf('/api/slos/[name]/backtest', peer, env)]).toEqual(expected);
    // A viewer token reads everything whatever the setting.
    const viewer = { ...peer, authorization: 'Bearer viewer-token-0002' };
    expect([statusOf('/api/graph', viewer, env), statusOf('/api/slos/[name]/backtest', viewer, env)]).toEqual([200, 200]);
  });

  it('defaults to dashboards once tokens exist, so backtests need one', () => {
    const env = parseEnv({ MESHWATCH_API_TOKENS: TOKENS });
    expect(statusOf('/api/slos-backtest', {}, env)).toBe(401);
    expect(statusOf('/api/slos/preview', {}, env, 'POST')).toBe(401);
    expect(statusOf('/api/slos-status', {}, env)).toBe(200);
  });
});

describe("pages' own data (mayReadPageData)", () => {
  const may = (headers: Record<string, string>, env: ReturnType<typeof parseEnv>) => mayReadPageData(new Headers({ [PEER_HEADER]: '10.0.0.1', ...headers }), env);

  it('follows MESHWATCH_ANONYMOUS as a GET of a data route does', () => {
    const none = parseEnv({ MESHWATCH_API_TOKENS: TOKENS, MESHWATCH_ANONYMOUS: 'none' });
    expect(may({}, none)).toBe(false);
    expect(may({ authorization: 'Bearer viewer-token-0002' }, none)).toBe(true);
    expect(may({ authorization: 'Bearer not-a-token-at-all' }, none)).toBe(false);
    expect(may({}, parseEnv({ MESHWATCH_API_TOKENS: TOKENS, MESHWATCH_ANONYMOUS: 'dashboards' }))).toBe(true);
    expect(may({}, parseEnv({}))).toBe(true);
  });

  it('counts a wrong token against the address, as the API does, so a page is no way to guess tokens', () => {
    const none = parseEnv({ MESHWATCH_API_TOKENS: TOKENS, MESHWATCH_ANONYMOUS: 'none' });
    for (let i = 0; i < 10; i += 1) expect(may({ authorization: `Bearer wrong-token-${i}` }, none)).toBe(false);
    // Throttled now: even the right token is refused from this address until the bucket refills.
    expect(may({ authorization: 'Bearer viewer-token-0002' }, none)).toBe(false);
    expect(statusOf('/api/graph', { [PEER_HEADER]: '10.0.0.1', authorization: 'Bearer viewer-token-0002' }, none)).toBe(429);
  });
});

describe('failed token checks', () => {
  const env = parseEnv({ MESHWATCH_API_TOKENS: TOKENS });
  const from = (address: string, token: string) => ({ [PEER_HEADER]: address, authorization: `Bearer ${token}` });

  it('are throttled per client address: after ten, even the right token waits', () => {
    const wrong = Array.from({ length: 10 }, (_, i) => statusOf('/api/me', from('10.0.0.9', `guess-${i}-xxxxxxxxxxxx`), env));
    expect(wrong).toEqual(Array(10).fill(401));
    expect(statusOf('/api/me', from('10.0.0.9', 'guess-again-xxxxxxxx'), env)).toBe(429);
    expect(statusOf('/api/me', from('10.0.0.9', 'editor-token-0001'), env)).toBe(429);
    // Another address is not slowed down by the first one's guesses.
    expect(statusOf('/api/me', from('10.0.0.10', 'editor-token-0001'), env)).toBe(200);
  });

  it('tell clients behind a trusted proxy apart by X-Forwarded-For', () => {
    const proxied = parseEnv({ MESHWATCH_API_TOKENS: TOKENS, MESHWATCH_AUTH_USER_HEADER: 'X-User', MESHWATCH_TRUSTED_PROXIES: '10.0.0.5' });
    const via = (client: string, token: string) => ({ ...from('10.0.0.5', token), 'x-forwarded-for': `1.2.3.4, ${client}` });
    for (let i = 0; i < 10; i++) statusOf('/api/me', via('192.0.2.1', `guess-${i}-xxxxxxxxxxxx`), proxied);
    expect(statusOf('/api/me', via('192.0.2.1', 'editor-token-0001'), proxied)).toBe(429);
    expect(statusOf('/api/me', via('192.0.2.2', 'editor-token-0001'), proxied)).toBe(200);
  });

  it('answer 429 with Retry-After', () => {
    for (let i = 0; i < 10; i++) statusOf('/api/me', from('10.0.0.9', `guess-${i}-xxxxxxxxxxxx`), env);
    const response = guard(new Request('http://meshwatch.test/api/me', { headers: from('10.0.0.9', 'editor-token-0001') }), '/api/me', env);
    expect(response?.status).toBe(429);
    expect(response?.headers.get('retry-after')).toBe('60'); // one attempt a minute
  });
});

describe('rate limits per identity', () => {
  const env = parseEnv({ MESHWATCH_API_TOKENS: TOKENS });
  const editor = { [PEER_HEADER]: '10.0.0.1', authorization: 'Bearer editor-token-0001' };

  it('allow five imports at once, then 429', () => {
    const statuses = Array.from({ length: 6 }, () => statusOf('/api/slos/import', editor, env, 'POST'));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('count anonymous callers per address', () => {
    const open = parseEnv({});
    const anon = (address: string) => ({ [PEER_HEADER]: address });
    const first = Array.from({ length: 11 }, () => statusOf('/api/slos/backtest', anon('10.0.0.1'), open, 'POST'));
    expect(first.slice(-2)).toEqual([200, 429]);
    expect(statusOf('/api/slos/backtest', anon('10.0.0.2'), open, 'POST')).toBe(200);
  });
});

describe('cross-site requests', () => {
  it('are refused with 403 before anything else, tokens or not', () => {
    const env = parseEnv({ MESHWATCH_API_TOKENS: TOKENS });
    const headers = { origin: 'http://evil.example', authorization: 'Bearer editor-token-0001' };
    expect(statusOf('/api/slos', headers, env, 'POST')).toBe(403);
    expect(statusOf('/api/slos', headers, env, 'GET')).toBe(200);
  });
});

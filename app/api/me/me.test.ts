import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from './route';

beforeAll(() => {
  // Read once by lib/env, so set before the first request.
  vi.stubEnv('MESHWATCH_DEMO_EDITOR', '1');
  vi.stubEnv('MESHWATCH_API_TOKENS', 'view-only-token-1:viewer');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const me = async (headers: Record<string, string> = {}) => {
  const res = await GET(new Request('http://meshwatch.test/api/me', { headers }));
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('GET /api/me in demo mode', () => {
  it('makes the anonymous local user the demo editor, and says so', async () => {
    expect(await me()).toEqual({ status: 200, body: { user: 'demo', role: 'editor', demo: true } });
  });

  it('still honours a token, and refuses a wrong one', async () => {
    expect(await me({ authorization: 'Bearer view-only-token-1' })).toEqual({ status: 200, body: { user: 'api-token-1', role: 'viewer', demo: true } });
    expect((await me({ authorization: 'Bearer wrong' })).status).toBe(401);
  });
});

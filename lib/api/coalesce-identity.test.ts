import { afterAll, beforeAll, expect, it } from 'vitest';
import { installPeerStamp, setPeerStampForTests } from './client';
import { startTestServer, type TestServer } from './test-server';

// Behind a sign-in proxy whose user and groups headers have names of its own, two requests that differ
// only in them are two callers: neither may be answered with the other's response.

process.env.MESHWATCH_AUTH_USER_HEADER = 'X-Auth-Request-User';
process.env.MESHWATCH_AUTH_GROUPS_HEADER = 'X-Auth-Request-Groups';
process.env.MESHWATCH_TRUSTED_PROXIES = '127.0.0.1';

let server: TestServer;
const handled: string[] = [];
beforeAll(async () => {
  setPeerStampForTests(false);
  installPeerStamp();
  server = await startTestServer((req, res) => {
    handled.push(`${req.headers['x-auth-request-user'] ?? '-'} ${req.headers['x-auth-request-groups'] ?? '-'}`);
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(`{"n":${handled.length}}`), 100);
  });
});
afterAll(() => server.stop());

const get = (headers: Record<string, string>, time = 11) => fetch(`${server.base}/api/services?time=${time}`, { headers }).then((r) => r.text());

it("keeps callers that differ only in the proxy's own user or groups header apart", async () => {
  await Promise.all([
    get({ 'x-auth-request-user': 'alice', 'x-auth-request-groups': 'sre' }),
    get({ 'x-auth-request-user': 'bob', 'x-auth-request-groups': 'sre' }),
    get({ 'x-auth-request-user': 'alice', 'x-auth-request-groups': 'execs' }),
    get({}),
  ]);
  expect(handled.sort()).toEqual(['- -', 'alice execs', 'alice sre', 'bob sre']);
});

it('still joins identical callers', async () => {
  handled.length = 0;
  // Another instant: the first test's answers linger for a second.
  const answers = await Promise.all([0, 1, 2].map(() => get({ 'x-auth-request-user': 'alice', 'x-auth-request-groups': 'sre' }, 12)));
  expect(handled).toEqual(['alice sre']);
  expect(new Set(answers).size).toBe(1);
});

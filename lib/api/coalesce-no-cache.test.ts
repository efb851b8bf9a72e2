import { afterAll, beforeAll, expect, it } from 'vitest';
import { installPeerStamp, setPeerStampForTests } from './client';
import { startTestServer, type TestServer } from './test-server';

// With the query cache off (MESHWATCH_QUERY_CACHE_MB=0, as the benches time the app's own work), an
// answer that has ended is not kept for the next identical request: each one reaches the route.
// (Requests in flight together still share one answer: that is not keeping.)

process.env.MESHWATCH_QUERY_CACHE_MB = '0';

let server: TestServer;
let handled = 0;
beforeAll(async () => {
  setPeerStampForTests(false);
  installPeerStamp();
  server = await startTestServer((_req, res) => {
    handled += 1;
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(`{"n":${handled}}`), 50);
  });
});
afterAll(() => server.stop());

const get = async (target: string) => (await fetch(`${server.base}${target}`)).text();

it('with the cache off, sends an identical request just after an answer to the route again', async () => {
  const together = await Promise.all([get('/api/services?time=9'), get('/api/services?time=9')]);
  expect(together).toEqual(['{"n":1}', '{"n":1}']);
  expect(await get('/api/services?time=9')).toBe('{"n":2}');
  expect(await get('/api/services?time=9')).toBe('{"n":3}');
});

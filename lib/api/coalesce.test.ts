import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPeerStamp, setPeerStampForTests } from './client';
import { sloSpecSchema } from '@/lib/slo/spec';
import { getSloStore } from '@/lib/store';
import { startTestServer, type TestServer } from './test-server';
import { flightsInProgress } from './coalesce';

// A real HTTP server of this process with the front door installed, as `next start` has it: identical
// dashboard GETs in flight reach the handler once and all get its answer; anything else reaches it.

let server: TestServer;
let base: string;
const handled: string[] = [];
let status = 200;

beforeAll(async () => {
  setPeerStampForTests(false);
  installPeerStamp();
  server = await startTestServer((req, res) => {
    handled.push(`${req.headers.authorization ?? '-'} ${req.url}`);
    // Answers late, in two writes, like a route streaming its body.
    setTimeout(() => {
      res.writeHead(status, { 'content-type': 'application/json', 'x-meshwatch-queries': '3' });
      res.write(`{"url":${JSON.stringify(req.url)},`);
      res.end(`"n":${handled.length}}`);
    }, 100);
  });
  base = server.base;
});
afterAll(() => server.stop());

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, body: await res.text(), queries: res.headers.get('x-meshwatch-queries'), nosniff: res.headers.get('x-content-type-options') };
}

describe('coalescing identical dashboard GETs', () => {
  it('sends ten identical requests in flight to the handler once, and gives all ten its answer and headers', async () => {
    handled.length = 0;
    status = 200;
    const answers = await Promise.all(Array.from({ length: 10 }, () => get('/api/panels/debug?panels=a,b&end=1')));
    expect(handled).toEqual(['- /api/panels/debug?panels=a,b&end=1']);
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ status: 200, body: '{"url":"/api/panels/debug?panels=a,b&end=1","n":1}', queries: '3', nosniff: 'nosniff' })]));
    expect(flightsInProgress()).toBe(0);
  });

  it('keeps different URLs and different callers apart', async () => {
    handled.length = 0;
    await Promise.all([get('/api/services?time=1'), get('/api/services?time=2'), get('/api/services?time=1', { authorization: 'Bearer a' }), get('/api/services?time=1', { authorization: 'Bearer b' })]);
    expect(handled.sort()).toEqual(['- /api/services?time=1', '- /api/services?time=2', 'Bearer a /api/services?time=1', 'Bearer b /api/services?time=1']);
  });

  it('lets every follower through when the first answer is not a 200', async () => {
    handled.length = 0;
    status = 502;
    const answers = await Promise.all(Array.from({ length: 4 }, () => get('/api/services?time=3')));
    expect(handled).toHaveLength(4);
    expect(answers.every((a) => a.status === 502)).toBe(true);
    status = 200;
  });

  it('never joins other routes or other methods', async () => {
    handled.length = 0;
    await Promise.all([get('/api/slos-status'), get('/api/slos-status')]);
    const post = (path: string) => fetch(`${base}${path}`, { method: 'POST', body: '{}' }).then((r) => r.text());
    await Promise.all([post('/api/services?time=5'), post('/api/services?time=5')]);
    expect(handled).toEqual(['- /api/slos-status', '- /api/slos-status', '- /api/services?time=5', '- /api/services?time=5']);
  });

  it('answers an identical request just after from the shared answer, until an SLO changes', async () => {
    handled.length = 0;
    const first = await get('/api/services?time=4');
    const again = await get('/api/services?time=4');
    expect(handled).toEqual(['- /api/services?time=4']);
    expect(again).toEqual(first);
    getSloStore().create(sloSpecSchema.parse({ name: `coalesce-${Date.now()}`, service: 'cart', namespace: 'shop', team: 't', indicator: { type: 'availability' }, objective: 99.9, window: '30d' }), 'test');
    await get('/api/services?time=4');
    expect(handled).toEqual(['- /api/services?time=4', '- /api/services?time=4']);
  });
});

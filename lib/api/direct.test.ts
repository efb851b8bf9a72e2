import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPeerStamp, PEER_HEADER, setPeerStampForTests } from './client';
import type { RouteHandler } from './direct';
import { bytesResponse, DirectRequest } from './direct-request';
import { startTestServer, type TestServer } from './test-server';

// A real HTTP server of this process with the front door installed as `next start` has it in
// production: GETs of the hot routes reach their handlers (here, handlers that describe the request
// they got) without the server's own listener (Next.js) seeing them; everything else reaches it.

let server: TestServer;
let base: string;
const reachedNext: string[] = [];
const handled: { url: string; params: unknown; peer: string | null }[] = [];
let aborted: (() => void) | undefined;

const describing: RouteHandler = async (request, { params }) => {
  handled.push({ url: request.url, params: await (params as Promise<unknown>), peer: request.headers.get(PEER_HEADER) });
  if (new URL(request.url).searchParams.has('hang')) {
    await new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve()));
    aborted?.();
    return new Response('late');
  }
  await new Promise((resolve) => setTimeout(resolve, 30));
  if (new URL(request.url).searchParams.has('bytes')) {
    // As sharedJson answers (direct-request.ts): no body stream, the bytes beside the response.
    return bytesResponse(request, new TextEncoder().encode(JSON.stringify({ direct: request instanceof DirectRequest, text: 'ünï' })), { headers: { 'content-type': 'application/json' } });
  }
  const status = Number(new URL(request.url).searchParams.get('status') ?? 200);
  return new Response(JSON.stringify({ n: handled.length }), { status, headers: { 'content-type': 'application/json', 'x-meshwatch-queries': '3', 'transfer-encoding': 'chunked' } });
};

beforeAll(async () => {
  setPeerStampForTests(false);
  installPeerStamp(undefined, {
    '/api/services': async () => describing,
    '/api/panels/[dashboard]': async () => describing,
    '/api/panels/[dashboard]/[panel]': async () => {
      throw new Error('the route module failed to load');
    },
  });
  server = await startTestServer((req, res) => {
    reachedNext.push(`${req.method} ${req.url}`);
    res.end('next');
  });
  base = server.base;
});
afterAll(async () => {
  installPeerStamp(undefined, {});
  await server.stop();
});

describe('hot routes served by their handlers at the front door', () => {
  it('hands a GET to its handler with its URL, decoded segments and peer stamp, and writes its answer whole', async () => {
    reachedNext.length = 0;
    handled.length = 0;
    const res = await fetch(`${base}/api/panels/exec%2Dx?panels=a,b&status=201`, { headers: { [PEER_HEADER]: '10.9.9.9' } });
    const body = await res.text();
    expect(handled).toEqual([{ url: `${base}/api/panels/exec%2Dx?panels=a,b&status=201`, params: { dashboard: 'exec-x' }, peer: '127.0.0.1' }]);
    expect({ status: res.status, body, queries: res.headers.get('x-meshwatch-queries'), length: res.headers.get('content-length') }).toEqual({ status: 201, body: '{"n":1}', queries: '3', length: String(Buffer.byteLength(body)) });
    expect(res.headers.get('transfer-encoding')).toBeNull();
    // The front door's security headers, as on every API answer.
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reachedNext).toEqual([]);
  });

  it('writes the bytes of a bodiless answer made for its request', async () => {
    const res = await fetch(`${base}/api/services?bytes=1`);
    const body = await res.text();
    expect({ status: res.status, body, length: res.headers.get('content-length') }).toEqual({ status: 200, body: JSON.stringify({ direct: true, text: 'ünï' }), length: String(Buffer.byteLength(body)) });
  });

  it('leaves other methods, other paths and routes without a handler here to Next.js', async () => {
    reachedNext.length = 0;
    handled.length = 0;
    await fetch(`${base}/api/services?time=1`, { method: 'HEAD' });
    await fetch(`${base}/api/services?time=1`, { method: 'POST', body: '{}' });
    await (await fetch(`${base}/api/services/`)).text();
    await (await fetch(`${base}/api/slos-status`)).text();
    installPeerStamp(undefined, { '/api/services': async () => describing });
    await (await fetch(`${base}/api/panels/debug`)).text();
    installPeerStamp(undefined, { '/api/services': async () => describing, '/api/panels/[dashboard]': async () => describing, '/api/panels/[dashboard]/[panel]': async () => Promise.reject(new Error('the route module failed to load')) });
    expect(reachedNext).toEqual(['HEAD /api/services?time=1', 'POST /api/services?time=1', 'GET /api/services/', 'GET /api/slos-status', 'GET /api/panels/debug']);
    expect(handled).toEqual([]);
  });

  it('leaves a request whose Host makes no URL to Next.js, as before', async () => {
    reachedNext.length = 0;
    handled.length = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${base}/api/services?time=1`, { headers: { host: 'bad host' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    expect(reachedNext).toEqual(['GET /api/services?time=1']);
    expect(handled).toEqual([]);
  });

  it('answers a structured 500 when the route itself cannot be loaded', async () => {
    reachedNext.length = 0;
    const res = await fetch(`${base}/api/panels/debug/latency`);
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: { code: expect.any(String) } });
    expect(reachedNext).toEqual([]);
  });

  it("ends the handler's request signal when the client goes away", async () => {
    const gone = new Promise<void>((resolve) => (aborted = resolve));
    const controller = new AbortController();
    const request = fetch(`${base}/api/services?hang=1`, { signal: controller.signal }).catch(() => 'cancelled');
    await expect.poll(() => handled.some((h) => h.url.includes('hang'))).toBe(true);
    controller.abort();
    expect(await request).toBe('cancelled');
    await gone;
  });

  it('still sends identical GETs in flight to the handler once', async () => {
    handled.length = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, async () => (await fetch(`${base}/api/services?time=7`)).text()));
    expect(handled).toHaveLength(1);
    expect(new Set(answers)).toEqual(new Set(['{"n":1}']));
  });

  it('sends the followers of an answer that cannot be shared to the handler too, one by one', async () => {
    handled.length = 0;
    reachedNext.length = 0;
    const statuses = await Promise.all(Array.from({ length: 4 }, async () => (await fetch(`${base}/api/services?time=8&status=503`)).status));
    expect(statuses).toEqual([503, 503, 503, 503]);
    expect(handled).toHaveLength(4);
    expect(reachedNext).toEqual([]);
  });
});

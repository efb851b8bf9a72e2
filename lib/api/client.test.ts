import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPeerStamp, PEER_HEADER, setPeerStampForTests } from './client';

// A real HTTP server of this process, as `next start` creates one: the stamp must overwrite what the
// client claims, and TRACE must be answered before the server's own handler (Next.js) sees it.
let server: http.Server;
let base: string;
const seen: { method?: string; peer?: string | string[] }[] = [];

beforeAll(async () => {
  setPeerStampForTests(false);
  installPeerStamp();
  server = http.createServer((req, res) => {
    seen.push({ method: req.method, peer: req.headers[PEER_HEADER] });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  setPeerStampForTests(false);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function send(method: string, headers: Record<string, string> = {}, path = '/api/healthz'): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('installPeerStamp', () => {
  it('stamps the socket address over whatever the client sent', async () => {
    seen.length = 0;
    expect((await send('GET', { [PEER_HEADER]: '10.0.0.5' })).status).toBe(200);
    expect(seen).toEqual([{ method: 'GET', peer: '127.0.0.1' }]);
  });

  it.each([['TRACE'], ['PATCH']])('answers %s with 405 before the handler runs', async (method) => {
    seen.length = 0;
    const res = await send(method);
    expect(res.status).toBe(405);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'method_not_allowed' } });
    expect(seen).toEqual([]);
  });

  it('answers a malformed %-escape with 400 before the handler runs', async () => {
    seen.length = 0;
    const res = await send('GET', {}, '/api/slos/%zz');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'bad_path' } });
    expect(seen).toEqual([]);
  });

  it("sets the API's security headers on API answers and leaves pages to proxy.ts", async () => {
    const api = await send('GET');
    expect(api.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" });
    const page = await send('GET', {}, '/slos');
    expect(page.headers['content-security-policy']).toBeUndefined();
  });
});

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

function send(method: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/api/healthz`, { method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
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

  it.each([['TRACE']])('answers %s with 405 before the handler runs', async (method) => {
    seen.length = 0;
    const res = await send(method);
    expect(res.status).toBe(405);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'method_not_allowed' } });
    expect(seen).toEqual([]);
  });
});

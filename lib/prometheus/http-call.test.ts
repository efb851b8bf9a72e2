import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpTimeout, httpCall } from './http-call';

// The HTTP call on a real local server: compressed answers inflated, the size cap on inflated bytes,
// aborts, form bodies, and connection errors carrying their code for the error messages.

let server: http.Server;
let base: string;
const seen: { method?: string; body: string; headers: http.IncomingHttpHeaders }[] = [];
const TEXT = JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] }, pad: 'x'.repeat(5_000) });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, body, headers: req.headers });
      const path = req.url ?? '';
      if (path.startsWith('/gzip')) res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(TEXT));
      else if (path.startsWith('/br')) res.writeHead(200, { 'content-encoding': 'br' }).end(zlib.brotliCompressSync(TEXT));
      else if (path.startsWith('/hang')) res.writeHead(200).write('{');
      else if (path.startsWith('/reset')) res.writeHead(200).write('{', () => res.socket?.destroy());
      else res.writeHead(path.startsWith('/missing') ? 404 : 200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(TEXT)) }).end(TEXT);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const init = { method: 'GET' as const, headers: {}, maxBytes: 1_000_000, endpoint: '/api/v1/query' };

describe('httpCall', () => {
  it('reads a plain answer with its status, and sends a form body with its type and length', async () => {
    expect(await httpCall(`${base}/plain`, init)).toEqual({ status: 200, ok: true, text: TEXT });
    expect(await httpCall(`${base}/missing`, init)).toMatchObject({ status: 404, ok: false, text: TEXT });
    await httpCall(`${base}/form`, { ...init, method: 'POST', body: 'query=up&time=1' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body: 'query=up&time=1', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '15' } });
  });

  it.each(['gzip', 'br'])('inflates a %s answer', async (encoding) => {
    expect((await httpCall(`${base}/${encoding}`, init)).text).toBe(TEXT);
  });

  it('refuses an answer past the cap, counting inflated bytes', async () => {
    // The gzip answer is far under 4 KB on the wire and over it inflated.
    await expect(httpCall(`${base}/gzip`, { ...init, maxBytes: 4_000 })).rejects.toMatchObject({ kind: 'too_large', message: expect.stringContaining('cut off while streaming') });
    await expect(httpCall(`${base}/plain`, { ...init, maxBytes: 4_000 })).rejects.toMatchObject({ kind: 'too_large', message: expect.stringContaining('declared') });
  });

  it('stops when the signal aborts, with its reason', async () => {
    const reason = new Error('deadline');
    const controller = new AbortController();
    const call = httpCall(`${base}/hang`, { ...init, signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(call).rejects.toBe(reason);
    // An aborted signal stops a call before it is sent.
    await expect(httpCall(`${base}/plain`, { ...init, signal: controller.signal })).rejects.toBe(reason);
  });

  it('fails with an HttpTimeout when no whole answer comes within its time, and not when one does', async () => {
    const started = performance.now();
    const call = httpCall(`${base}/hang`, { ...init, timeoutMs: 100 });
    await expect(call).rejects.toBeInstanceOf(HttpTimeout);
    await expect(call).rejects.toMatchObject({ timeoutMs: 100 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(await httpCall(`${base}/plain`, { ...init, timeoutMs: 5_000 })).toMatchObject({ status: 200, text: TEXT });
  });

  it('leaves no listener on its signals once it is answered', async () => {
    const controller = new AbortController();
    const added: string[] = [];
    const removed: string[] = [];
    const { signal } = controller;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = (type: string, ...rest: [EventListenerOrEventListenerObject, AddEventListenerOptions?]) => (added.push(type), add(type, ...rest));
    signal.removeEventListener = (type: string, ...rest: [EventListenerOrEventListenerObject, EventListenerOptions?]) => (removed.push(type), remove(type, ...rest));
    await httpCall(`${base}/plain`, { ...init, signal });
    expect(added).toEqual(['abort']);
    expect(removed).toEqual(['abort']);
  });

  it('fails on a connection reset mid-answer and on a refused connection, with the error code', async () => {
    await expect(httpCall(`${base}/reset`, init)).rejects.toThrow();
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(httpCall(`http://127.0.0.1:${port}/`, init)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

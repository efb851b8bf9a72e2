import { describe, expect, it } from 'vitest';
import { bytesResponse, directBytes, DirectRequest } from './direct-request';
import { apiHandler } from './handler';
import { sharedJson } from './shared-json';

// What the front door hands a hot route's handler, and the bodiless responses made for it.

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('DirectRequest', () => {
  it("is a Request of the URL and headers given, whose signal is the front door's own", () => {
    const controller = new AbortController();
    const request = new DirectRequest(new URL('http://h:3000/api/services?time=5'), new Headers({ host: 'h:3000', 'x-a': '1' }), controller.signal);
    expect(request).toBeInstanceOf(Request);
    expect({ url: request.url, method: request.method, a: request.headers.get('x-a') }).toEqual({ url: 'http://h:3000/api/services?time=5', method: 'GET', a: '1' });
    expect(request.signal).toBe(controller.signal);
    controller.abort(new Error('client gone'));
    expect(request.signal.aborted).toBe(true);
    expect((request.signal.reason as Error).message).toBe('client gone');
  });
});

describe('bytesResponse', () => {
  it('hands a DirectRequest a bodiless response whose bytes the front door finds', async () => {
    const bytes = utf8('{"a":1}');
    const response = bytesResponse(new DirectRequest(new URL('http://h/x'), new Headers(), new AbortController().signal), bytes, { status: 201, headers: { 'content-type': 'application/json' } });
    expect({ status: response.status, type: response.headers.get('content-type'), body: response.body }).toEqual({ status: 201, type: 'application/json', body: null });
    expect(directBytes(response)).toBe(bytes);
  });

  it('gives any other request an ordinary response of the bytes', async () => {
    const response = bytesResponse(new Request('http://h/x'), utf8('{"a":1}'), { headers: { 'content-type': 'application/json' } });
    expect(directBytes(response)).toBeUndefined();
    expect(await response.text()).toBe('{"a":1}');
    expect(directBytes(new Response('x'))).toBeUndefined();
  });

  it("carries sharedJson's answer either way, with the same headers", async () => {
    const handler = apiHandler('/api/test-direct-bytes', async (request: Request) => sharedJson(request, async () => ({ ok: 'é' }), { keep: false, headers: () => ({ 'x-n': '1' }) }));
    const viaNext = await handler(new Request('http://h/api/test-direct-bytes?v=1'));
    const direct = await handler(new DirectRequest(new URL('http://h/api/test-direct-bytes?v=2'), new Headers(), new AbortController().signal));
    const bytes = directBytes(direct);
    expect(bytes && new TextDecoder().decode(bytes)).toBe(JSON.stringify({ ok: 'é' }));
    expect(await viaNext.text()).toBe(JSON.stringify({ ok: 'é' }));
    expect([...direct.headers]).toEqual([...viaNext.headers]);
  });
});

import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { apiHandler } from './handler';
import { sharedAssembly, sharedJson } from './shared-json';

// Kept JSON bodies are compressed once and sent as the same bytes to every viewer of the slot.

const big = (run: number) => ({ run, rows: Array.from({ length: 200 }, (_, i) => ({ service: `svc-${i}`, rate: i / 7 })) });

describe('sharedJson bodies', () => {
  it('sends the same gzip bytes to every client that accepts gzip, and the same text to one that does not', async () => {
    let runs = 0;
    const handler = apiHandler('/api/test-gzip', async (request: Request) => sharedJson(request, async () => big(++runs)));
    const gz = { headers: { 'accept-encoding': 'gzip, deflate, br' } };
    const first = await handler(new Request('http://x/api/test-gzip?t=1', gz));
    const second = await handler(new Request('http://x/api/test-gzip?t=1', gz));
    const plain = await handler(new Request('http://x/api/test-gzip?t=1', { headers: { 'accept-encoding': 'gzip;q=0, identity' } }));
    expect([first.headers.get('content-encoding'), second.headers.get('content-encoding'), plain.headers.get('content-encoding')]).toEqual(['gzip', 'gzip', null]);
    expect(first.headers.get('vary')).toBe('accept-encoding');
    const a = Buffer.from(await first.arrayBuffer());
    const b = Buffer.from(await second.arrayBuffer());
    expect(a.equals(b)).toBe(true);
    const text = await plain.text();
    expect(gunzipSync(a).toString('utf8')).toBe(text);
    expect(JSON.parse(text)).toEqual(big(1));
    expect(runs).toBe(1);
  });

  it('leaves a small body uncompressed', async () => {
    const handler = apiHandler('/api/test-small', async (request: Request) => sharedJson(request, async () => ({ ok: true })));
    const res = await handler(new Request('http://x/api/test-small', { headers: { 'accept-encoding': 'gzip' } }));
    expect([res.headers.get('content-encoding'), await res.text()]).toEqual([null, '{"ok":true}']);
  });
});

describe('sharedAssembly', () => {
  it('keeps an assembled body for the slot only when every part could be kept', async () => {
    let runs = 0;
    let keep = false;
    const handler = apiHandler('/api/test-assembly', async (request: Request) =>
      sharedAssembly(request, 'rev-1', async () => ({ text: JSON.stringify({ run: ++runs }), keep })),
    );
    await handler(new Request('http://x/api/test-assembly?t=1'));
    expect(await (await handler(new Request('http://x/api/test-assembly?t=1'))).json()).toEqual({ run: 2 });
    keep = true;
    await handler(new Request('http://x/api/test-assembly?t=1'));
    expect(await (await handler(new Request('http://x/api/test-assembly?t=1'))).json()).toEqual({ run: 3 });
    expect(runs).toBe(3);
  });

  it('asks again under a new revision', async () => {
    let runs = 0;
    const handler = (revision: string) =>
      apiHandler('/api/test-assembly-rev', async (request: Request) => sharedAssembly(request, revision, async () => ({ text: JSON.stringify({ run: ++runs }), keep: true })));
    await handler('a')(new Request('http://x/api/test-assembly-rev'));
    expect(await (await handler('a')(new Request('http://x/api/test-assembly-rev'))).json()).toEqual({ run: 1 });
    expect(await (await handler('b')(new Request('http://x/api/test-assembly-rev'))).json()).toEqual({ run: 2 });
  });
});

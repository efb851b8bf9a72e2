import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { MAX_BODY_BYTES, readJson, readText, YAML_TYPES } from './body';

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://meshwatch.test/api/slos', { method: 'POST', headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(
    () => expect.fail('expected an ApiError'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

/** An endless body that counts what the reader pulled and whether it was cancelled. */
function endless(chunkBytes: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulled += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe('readJson', () => {
  it('reads a JSON body', async () => {
    expect(await readJson(post('{"a":1}', { 'content-type': 'application/json; charset=utf-8' }))).toEqual({ a: 1 });
    expect(await readJson(post('[]', { 'content-type': 'application/merge-patch+json' }))).toEqual([]);
  });

  // The three types an HTML form can send cross-site without a preflight, and none at all (fetch no-cors with a Blob).
  it.each([['text/plain'], ['text/plain;charset=UTF-8'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x'], [undefined]])(
    'refuses Content-Type %s with 415',
    async (type) => {
      const err = await failure(readJson(post('{"a":1}', type === undefined ? {} : { 'content-type': type })));
      expect(err.status).toBe(415);
      expect(err.code).toBe('unsupported_media_type');
    },
  );

  it('answers 400 for a body that is not JSON or not UTF-8', async () => {
    expect((await failure(readJson(post('{', { 'content-type': 'application/json' })))).code).toBe('invalid_json');
    const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]); // {"é"} in latin1
    expect((await failure(readJson(post(latin1, { 'content-type': 'application/json' })))).code).toBe('invalid_encoding');
  });
});

describe('body size limit', () => {
  it('answers 413 from a declared Content-Length without reading', async () => {
    const { stream, seen } = endless(1024);
    const request = new Request('http://meshwatch.test/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect((await failure(readJson(request))).status).toBe(413);
    // The stream may have been primed by the Request, but nothing beyond that was pulled.
    expect(seen.pulled).toBeLessThanOrEqual(1024);
  });

  it('stops pulling an endless chunked body just past the limit and cancels it', async () => {
    const chunk = 64 * 1024;
    const { stream, seen } = endless(chunk);
    const err = await failure(readJson(post(stream, { 'content-type': 'application/json' })));
    expect(err.status).toBe(413);
    expect(err.code).toBe('too_large');
    // At most the limit plus the chunk that crossed it, and the read-ahead of one more.
    expect(seen.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * chunk);
    expect(seen.cancelled).toBe(true);
  });

  it('accepts a body of exactly the limit', async () => {
    const text = `"${'x'.repeat(MAX_BODY_BYTES - 2)}"`;
    expect(((await readJson(post(text, { 'content-type': 'application/json' }))) as string).length).toBe(MAX_BODY_BYTES - 2);
  });
});

describe('readText', () => {
  it('takes YAML under its media types', async () => {
    for (const type of YAML_TYPES) expect(await readText(post('a: 1', { 'content-type': type }), YAML_TYPES)).toBe('a: 1');
    expect((await failure(readText(post('a: 1', { 'content-type': 'text/plain' }), YAML_TYPES))).status).toBe(415);
  });
});

import { describe, expect, it } from 'vitest';
import { apiHandler } from './handler';
import { sharedAssembly } from './shared-json';

// A batch's body is kept for the slot only when all of its parts could be, under the store's revision.

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

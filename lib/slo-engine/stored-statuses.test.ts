import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPrometheusClient } from '@/lib/prometheus';
import { serviceSloStatusesOrWarning } from './stored-statuses';

// A store that cannot be read (a locked or missing file): the services table and the graph still come,
// judged from their error ratios, with a warning that says why SLOs are missing.
let failure: Error | undefined;
vi.mock('@/lib/store', async (original) => ({
  ...(await original<typeof import('@/lib/store')>()),
  getSloStore: () => ({
    list: () => {
      if (failure) throw failure;
      return [];
    },
  }),
}));

// Never asked: the store fails first, or holds no SLO.
const client = createPrometheusClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });

afterEach(() => {
  failure = undefined;
  vi.restoreAllMocks();
});

describe('serviceSloStatusesOrWarning', () => {
  it('gives no SLOs and a warning naming what failed, not the file, when the store cannot be read', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    failure = new Error('SQLITE_CANTOPEN: unable to open database file /var/lib/meshwatch/slos.db');
    const { slos, warnings } = await serviceSloStatusesOrWarning({ client, time: 1_790_000_000 });
    expect(slos.size).toBe(0);
    expect(warnings).toEqual([expect.stringMatching(/^SLO statuses unavailable, so health is judged from the error ratio alone: The SLO store could not be read/)]);
    expect(warnings.join(' ')).not.toContain('/var/lib');
  });

  it('fails as before when the caller has left', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    failure = new Error('SQLITE_BUSY');
    const controller = new AbortController();
    controller.abort();
    await expect(serviceSloStatusesOrWarning({ client, time: 1_790_000_000, signal: controller.signal })).rejects.toThrow();
  });

  it('passes the statuses through when they can be read', async () => {
    expect(await serviceSloStatusesOrWarning({ client, time: 1_790_000_000 })).toEqual({ slos: new Map(), warnings: [] });
  });
});

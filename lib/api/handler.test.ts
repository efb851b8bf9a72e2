import { describe, expect, it } from 'vitest';
import { getRegistry } from '@/lib/metrics';
import { ApiError } from './errors';
import { apiHandler } from './handler';

async function served(route: string, status: string): Promise<number> {
  const metric = await getRegistry().getSingleMetric('meshwatch_http_requests_total')?.get();
  return metric?.values.find((v) => v.labels.route === route && v.labels.status === status)?.value ?? 0;
}

describe('apiHandler', () => {
  it('passes responses through and counts them by route and status', async () => {
    const handler = apiHandler('/api/test', (req: Request) => Response.json({ path: new URL(req.url).pathname }));
    const before = await served('/api/test', '200');
    const response = await handler(new Request('http://localhost/api/test'));
    expect(await response.json()).toEqual({ path: '/api/test' });
    expect(await served('/api/test', '200')).toBe(before + 1);
  });

  it('turns thrown errors into JSON error responses, counted too', async () => {
    const handler = apiHandler('/api/slos/[name]', async () => {
      throw new ApiError(404, 'not_found', 'No SLO named "x"');
    });
    const before = await served('/api/slos/[name]', '404');
    const response = await handler();
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No SLO named "x"' } });
    expect(await served('/api/slos/[name]', '404')).toBe(before + 1);
  });
});

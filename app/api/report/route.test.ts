import { describe, expect, it } from 'vitest';
import { GET } from './route';

// Invalid periods answer 422 with the field named before any query runs (no Prometheus needed).
const get = (query: string) => GET(new Request(`http://meshwatch.test/api/report?${query}`));

describe('GET /api/report validation', () => {
  it.each([
    ['month=2026-13', 'month'],
    ['month=2026-9', 'month'],
    ['month=september', 'month'],
    ['month=2999-01', 'month'],
    ['month=2026-09&from=1790000000', 'month'],
    ['from=1790000000', 'to'],
    ['from=1790000000&to=1780000000', 'from'],
    ['from=1780000000&to=1790000000', 'to'],
    ['from=1790000000000&to=1790086400000', 'from'],
    ['format=pdf', 'format'],
  ])('%s -> 422 naming %s', async (query, field) => {
    const res = await get(query);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { fieldErrors: Record<string, string[]> } } };
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.details.fieldErrors)).toContain(field);
  });
});

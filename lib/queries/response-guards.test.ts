import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '@/lib/api/error-body';
import { panelResponseSchema } from '@/lib/dashboards/schema';
import { sloSpecSchema } from '@/lib/slo/spec';
import { isApiErrorBody, isPanelResponse, isServicesResponse, isSloList, isSloSpec, shapeGuard } from './response-guards';
import { servicesResponseSchema } from './schemas';

// Each body is first parsed by its route's zod schema (the contract), so the guards are checked against
// what the server sends, not against themselves.
const panel = panelResponseSchema.parse({
  dashboard: 'executive',
  panel: 'availability',
  evaluatedAt: '2026-10-01T12:00:00Z',
  range: { start: 1, end: 2, step: 1 },
  queries: [{ purpose: 'ratio', promql: 'up' }],
  warnings: [],
  data: { kind: 'stat', unit: 'ratio', value: 0.999, health: 'good' },
});
const services = servicesResponseSchema.parse({ evaluatedAt: '2026-10-01T12:00:00Z', window: '5m', services: [], queries: ['up'], warnings: [] });
const spec = sloSpecSchema.parse({ name: 'payments-availability', service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });

describe('response guards', () => {
  it('accept the bodies their schemas accept', () => {
    expect(isPanelResponse(panel)).toBe(true);
    expect(isServicesResponse(services)).toBe(true);
    expect(isSloSpec(spec)).toBe(true);
    expect(isSloList([spec, spec])).toBe(true);
    expect(isSloList([])).toBe(true);
    expect(isApiErrorBody(apiErrorBodySchema.parse({ error: { code: 'not_found', message: 'No SLO named "x"' } }))).toBe(true);
  });

  it.each([
    ['an HTML error page', '<html>502 Bad Gateway</html>'],
    ['null', null],
    ['an array', [panel]],
    ['a body without data', { ...panel, data: undefined }],
    ['queries that are not a list', { ...panel, queries: 'up' }],
    ['another answer (services)', services],
  ])('refuse %s as a panel response', (_, body) => {
    expect(isPanelResponse(body)).toBe(false);
  });

  it('refuses a list holding one non-SLO and an error body without a message', () => {
    expect(isSloList([spec, { name: 'x' }])).toBe(false);
    expect(isApiErrorBody({ error: { code: 'not_found' } })).toBe(false);
    expect(isApiErrorBody({ code: 'not_found', message: 'flat' })).toBe(false);
  });

  it('lets `?` fields be absent or null but not of another kind', () => {
    const guard = shapeGuard<typeof servicesResponseSchema>({ window: 'string?' });
    expect(guard({})).toBe(true);
    expect(guard({ window: null })).toBe(true);
    expect(guard({ window: '5m' })).toBe(true);
    expect(guard({ window: 5 })).toBe(false);
  });
});

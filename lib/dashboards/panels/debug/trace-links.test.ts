import { describe, expect, it } from 'vitest';
import { fillTemplate, rangeValues, traceIdOf } from './trace-links';

describe('trace links', () => {
  it.each([
    ['https://tempo/trace/{traceId}', { traceId: 'a/b' }, 'https://tempo/trace/a%2Fb'],
    ['http://j/search?service={service}&start={start}&end={endMs}', { service: 'x"y', start: '10', endMs: '20000' }, 'http://j/search?service=x%22y&start=10&end=20000'],
    ['http://j/{unknown}/{service}', { service: 's' }, 'http://j/{unknown}/s'],
  ])('fills %s', (template, values, url) => {
    expect(fillTemplate(template, values)).toBe(url);
  });

  it('offers seconds, milliseconds and microseconds for the range', () => {
    expect(rangeValues('cart', 'shop', 100.5, 200.2, true)).toEqual({
      service: 'cart',
      namespace: 'shop',
      start: '100',
      end: '201',
      startMs: '100000',
      endMs: '201000',
      startUs: '100000000',
      endUs: '201000000',
      error: 'true',
    });
  });

  it.each([[{ trace_id: 'a' }, 'a'], [{ traceID: 'b' }, 'b'], [{ span_id: 'c' }, undefined], [{ trace_id: '' }, undefined]])('finds the trace id in %j', (labels, id) => {
    expect(traceIdOf(labels)).toBe(id);
  });
});

import { describe, expect, it } from 'vitest';
import { parseTimeState, rangeSeconds, timeStateHref, withTime } from './time-state';

const defaults = { range: '1h', refresh: '30s', problems: [] };

describe('parseTimeState', () => {
  it.each([
    [{}, defaults],
    [{ range: '6h', time: '1790852400', refresh: 'off' }, { ...defaults, range: '6h', time: 1_790_852_400, refresh: 'off' }],
    [{ from: '1790845200', time: '1790852400' }, { ...defaults, from: 1_790_845_200, time: 1_790_852_400 }],
    [{ namespace: ' shop ', service: 'cart' }, { ...defaults, namespace: 'shop', service: 'cart' }],
    [{ range: ['24h', '1h'] }, { ...defaults, range: '24h' }],
    [{ namespace: '', time: '' }, defaults],
  ])('%j', (search, expected) => {
    expect(parseTimeState(search)).toEqual(expected);
  });

  it.each([
    [{ range: '2h' }, 'Ignored range "2h"'],
    [{ time: 'yesterday' }, 'Ignored time "yesterday"'],
    [{ time: '1790852400000' }, 'Ignored time'], // milliseconds by mistake
    [{ time: '1790852400.7' }, 'Ignored time'], // URLs carry whole seconds
    [{ refresh: '10s' }, 'Ignored refresh "10s"'],
    [{ from: '1790845200' }, 'Ignored from'], // an absolute range needs its end
    [{ from: '1790852400', time: '1790852400' }, 'Ignored from'], // empty
    [{ from: '1000', time: '1790852400' }, 'Ignored from'], // decades
  ])('falls back to defaults for %j', (search, problem) => {
    const state = parseTimeState(search);
    expect(state.from).toBeUndefined();
    expect(state.problems).toEqual([expect.stringContaining(problem)]);
  });
});

describe('timeStateHref', () => {
  it('writes the state back without defaults', () => {
    expect(timeStateHref('/oncall', parseTimeState({ range: '1h', refresh: '30s' }))).toBe('/oncall');
    expect(timeStateHref('/', { range: '6h', time: 1_790_852_400, refresh: '1m', namespace: 'shop' })).toBe(
      '/?range=6h&time=1790852400&refresh=1m&namespace=shop',
    );
  });

  it('round-trips an absolute range', () => {
    const state = parseTimeState({ from: '1790845200', time: '1790852400' });
    expect(timeStateHref('/debug', state)).toBe('/debug?from=1790845200&time=1790852400');
    expect(rangeSeconds(state)).toBe(7_200);
  });
});

describe('withTime', () => {
  const state = { range: '6h' as const, time: 1_790_852_400, refresh: '30s' as const, namespace: 'other', service: 'x' };

  it('carries the time range into in-app links, not the page filters', () => {
    expect(withTime('/debug?service=cart&namespace=shop', state)).toBe('/debug?service=cart&namespace=shop&range=6h&time=1790852400');
  });

  it('carries the cluster filter into on-call, debug and graph links only', () => {
    const inEu = { ...state, cluster: 'prod-eu-west' };
    expect(withTime('/debug?service=reviews&namespace=shop', inEu)).toBe('/debug?service=reviews&namespace=shop&cluster=prod-eu-west&range=6h&time=1790852400');
    expect(withTime('/oncall?time=5', inEu)).toBe('/oncall?time=5&cluster=prod-eu-west');
    expect(withTime('/debug?cluster=prod-us-east', inEu)).toBe('/debug?cluster=prod-us-east&range=6h&time=1790852400');
    expect(withTime('/slos/x', inEu)).toBe('/slos/x?range=6h&time=1790852400');
  });

  it('leaves links that set their own time, and external links, alone', () => {
    expect(withTime('/oncall?time=5', state)).toBe('/oncall?time=5');
    expect(withTime('https://jaeger.example/search?service=cart', state)).toBe('https://jaeger.example/search?service=cart');
    expect(withTime('//evil.example/x', state)).toBe('//evil.example/x');
  });
});

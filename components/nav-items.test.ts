import { describe, expect, it } from 'vitest';
import { isCurrent } from './nav-items';

describe('isCurrent', () => {
  it.each([
    ['/', '/', true],
    ['/oncall', '/', false],
    ['/slos', '/slos', true],
    ['/slos/checkout-availability', '/slos', true],
    ['/slosx', '/slos', false],
    ['/graph', '/debug', false],
  ])('%s under %s -> %s', (pathname, href, expected) => {
    expect(isCurrent(pathname, href)).toBe(expected);
  });
});

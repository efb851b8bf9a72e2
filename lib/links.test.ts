import { describe, expect, it } from 'vitest';
import { absoluteHref, debugHref, graphHref, sloHref } from './links';

describe('in-app links', () => {
  it('pin the time when given one, and leave it out otherwise', () => {
    expect(debugHref('payments', 'payments')).toBe('/debug?service=payments&namespace=payments');
    expect(debugHref('payments', 'payments', 1_790_000_000.7)).toBe('/debug?service=payments&namespace=payments&time=1790000000');
    expect(sloHref('payments availability')).toBe('/slos/payments%20availability');
    expect(sloHref('pay', 1_790_000_000)).toBe('/slos/pay?time=1790000000');
    expect(graphHref('payments', 'payments', 1_790_000_000)).toBe('/graph?namespace=payments&focus=payments%2Fpayments&time=1790000000');
  });

  it('are made absolute against the public URL, and stay relative without one', () => {
    expect(absoluteHref('/slos/pay', 'https://mw.example.com/')).toBe('https://mw.example.com/slos/pay');
    expect(absoluteHref('/slos/pay', undefined)).toBe('/slos/pay');
  });
});

import { describe, expect, it } from 'vitest';
import { crossSiteReason } from './origin';

const APP = '127.0.0.1:3000';
const req = (method: string, headers: Record<string, string>) => new Request('http://127.0.0.1:3000/api/slos', { method, headers });

describe('crossSiteReason', () => {
  it.each([
    ['a token client (no Origin, no Sec-Fetch-Site)', 'POST', {}, null],
    ['the app itself', 'POST', { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }, null],
    ['a typed URL or bookmark', 'POST', { 'sec-fetch-site': 'none' }, null],
    ['a read from anywhere', 'GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, null],
    ['another site', 'POST', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, 'the request came from another site'],
    ['another site, Sec-Fetch-Site only', 'DELETE', { 'sec-fetch-site': 'cross-site' }, 'the request came from another site'],
    ['another port on the same host (same site, other origin)', 'PUT', { origin: 'http://127.0.0.1:4000', 'sec-fetch-site': 'same-site' }, 'the request came from another origin'],
    ['an old browser from another origin', 'POST', { origin: 'http://evil.example' }, 'the request came from another origin'],
    ['a sandboxed frame', 'POST', { origin: 'null' }, 'the request came from an opaque origin'],
  ])('%s', (_case, method, headers, expected) => {
    expect(crossSiteReason(req(method, headers), { publicOrigins: [], host: APP })).toBe(expected);
  });

  it('compares with MESHWATCH_PUBLIC_URL when set (TLS ends at a proxy that rewrites Host)', () => {
    const policy = { publicOrigins: ['https://meshwatch.example.com'], host: 'meshwatch:3000' };
    expect(crossSiteReason(req('POST', { origin: 'https://meshwatch.example.com' }), policy)).toBeNull();
    expect(crossSiteReason(req('POST', { origin: 'http://meshwatch:3000' }), policy)).toBe('the request came from another origin');
  });
});

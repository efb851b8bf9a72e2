import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

const directives = (csp: string | undefined) => new Map((csp ?? '').split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

describe('securityHeaders', () => {
  it('locks page scripts to the nonce, with no eval in production', () => {
    const csp = directives(securityHeaders({ nonce: 'abc123', hsts: false, development: false })['content-security-policy']);
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it("allows eval only for next dev's error overlays", () => {
    const csp = directives(securityHeaders({ nonce: 'n', hsts: false, development: true })['content-security-policy']);
    expect(csp.get('script-src')).toContain("'unsafe-eval'");
  });

  it('sends the static headers, and HSTS only when set', () => {
    const plain = securityHeaders({ hsts: false, development: false });
    expect(plain).toMatchObject({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
    });
    expect(plain['permissions-policy']).toContain('camera=()');
    expect(plain['strict-transport-security']).toBeUndefined();
    expect(securityHeaders({ hsts: true, development: false })['strict-transport-security']).toBe('max-age=31536000');
  });
});

import { describe, expect, it } from 'vitest';
import type { AuthConfig } from './config';
import { parseApiTokens, parseGroupRoles, roleAtLeast } from './config';
import { identify, matchToken } from './identity';

const config: AuthConfig = {
  apiTokens: [
    { token: 'ci-editor-token', role: 'editor' },
    { token: 'dash-viewer-token', role: 'viewer' },
  ],
  userHeader: 'x-forwarded-user',
  groupsHeader: 'x-forwarded-groups',
  groupRoles: { sre: 'editor', everyone: 'viewer' },
  demoEditor: false,
  trustedProxies: ['10.0.0.5', '192.168.0.0/16', 'fd00::/8'],
  anonymous: 'dashboards',
};
/** The sign-in proxy's address, inside the allow-list. */
const PROXY = '10.0.0.5';

const headers = (h: Record<string, string>) => new Headers(h);

describe('identify', () => {
  it.each([
    ['an editor token', { authorization: 'Bearer ci-editor-token' }, { kind: 'user', user: 'api-token-1', role: 'editor', via: 'token' }],
    ['a viewer token, case-insensitive scheme', { authorization: 'bearer dash-viewer-token' }, { kind: 'user', user: 'api-token-2', role: 'viewer', via: 'token' }],
    ['an unknown token', { authorization: 'Bearer nope' }, { kind: 'invalid', reason: 'unknown bearer token' }],
    ['an empty bearer', { authorization: 'Bearer ' }, { kind: 'invalid' }],
    ['a proxy user in sre', { 'x-forwarded-user': 'ana', 'x-forwarded-groups': 'everyone, sre' }, { kind: 'user', user: 'ana', role: 'editor', via: 'proxy' }],
    ['a proxy user in everyone', { 'x-forwarded-user': 'bo', 'x-forwarded-groups': 'everyone' }, { kind: 'user', user: 'bo', role: 'viewer', via: 'proxy' }],
    ['a proxy user in no mapped group', { 'x-forwarded-user': 'cy' }, { kind: 'user', user: 'cy', role: 'viewer', via: 'proxy' }],
    ['Basic auth from a proxy, ignored', { authorization: 'Basic YTpi' }, { kind: 'anonymous' }],
    ['nobody', {}, { kind: 'anonymous' }],
  ])('%s', (_case, h, expected) => {
    expect(identify(headers(h), config, PROXY)).toMatchObject(expected);
  });

  it.each([
    ['a listed address', '10.0.0.5', 'proxy'],
    ['an address in a listed range', '192.168.4.20', 'proxy'],
    ['an IPv4 peer on a dual-stack socket', '::ffff:192.168.4.20', 'proxy'],
    ['an IPv6 peer in a listed range', 'fd00::1', 'proxy'],
    ['an unlisted address', '10.0.0.6', 'anonymous'],
    ['an unknown peer (no socket address)', undefined, 'anonymous'],
  ])('believes the user header from %s: %s', (_case, peer, expected) => {
    const who = identify(headers({ 'x-forwarded-user': 'ana', 'x-forwarded-groups': 'sre' }), config, peer);
    expect(who.kind === 'user' ? who.via : who.kind).toBe(expected);
  });

  it.each([['ana\u0007'], ['a\u007fb'], ['x'.repeat(257)]])('refuses an unusable proxy user name %j', (user) => {
    expect(identify(headers({ 'x-forwarded-user': user }), config, PROXY)).toMatchObject({ kind: 'invalid' });
  });

  it('a token wins over the proxy header', () => {
    expect(identify(headers({ authorization: 'Bearer dash-viewer-token', 'x-forwarded-user': 'ana', 'x-forwarded-groups': 'sre' }), config, PROXY)).toMatchObject({ role: 'viewer', via: 'token' });
  });

  it('ignores proxy headers unless configured', () => {
    expect(identify(headers({ 'x-forwarded-user': 'mallory' }), { ...config, userHeader: undefined }, PROXY)).toEqual({ kind: 'anonymous' });
  });

  it('makes anonymous users the demo editor in demo mode', () => {
    expect(identify(headers({}), { ...config, demoEditor: true })).toEqual({ kind: 'user', user: 'demo', role: 'editor', via: 'demo' });
    expect(identify(headers({ authorization: 'Bearer dash-viewer-token' }), { ...config, demoEditor: true })).toMatchObject({ role: 'viewer' });
  });
});

describe('tokens and roles', () => {
  it('matches tokens of any length without early exit', () => {
    expect(matchToken('ci-editor-token', config.apiTokens)).toBe(0);
    expect(matchToken('ci-editor-toke', config.apiTokens)).toBe(-1);
    expect(matchToken('ci-editor-token-and-more', config.apiTokens)).toBe(-1);
  });

  it.each([
    ['viewer', 'viewer', true],
    ['editor', 'viewer', true],
    ['viewer', 'editor', false],
  ] as const)('%s may act as %s: %s', (role, needed, expected) => {
    expect(roleAtLeast(role, needed)).toBe(expected);
  });

  it('parses token and group lists', () => {
    expect(parseApiTokens('a:b:0123456789abcdef:editor,0123456789abcdef:viewer')).toEqual([
      { token: 'a:b:0123456789abcdef', role: 'editor' },
      { token: '0123456789abcdef', role: 'viewer' },
    ]);
    expect(parseApiTokens('0123456789abcdef:editor,short-token:viewer')).toBe('entry 2: the token must be at least 16 characters (e.g. openssl rand -hex 24)');
    expect(parseApiTokens('secret')).toMatch(/^entry 1 must be/);
    expect(parseGroupRoles('sre:editor, everyone : viewer')).toEqual({ sre: 'editor', everyone: 'viewer' });
  });
});

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
};

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
    expect(identify(headers(h), config)).toMatchObject(expected);
  });

  it('a token wins over the proxy header', () => {
    expect(identify(headers({ authorization: 'Bearer dash-viewer-token', 'x-forwarded-user': 'ana', 'x-forwarded-groups': 'sre' }), config)).toMatchObject({ role: 'viewer', via: 'token' });
  });

  it('ignores proxy headers unless configured', () => {
    expect(identify(headers({ 'x-forwarded-user': 'mallory' }), { ...config, userHeader: undefined })).toEqual({ kind: 'anonymous' });
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
    expect(parseApiTokens('a:b:editor,c:viewer')).toEqual([{ token: 'a:b', role: 'editor' }, { token: 'c', role: 'viewer' }]);
    expect(parseApiTokens('secret')).toMatch(/^entry 1 must be/);
    expect(parseGroupRoles('sre:editor, everyone : viewer')).toEqual({ sre: 'editor', everyone: 'viewer' });
  });
});

import { describe, expect, it } from 'vitest';
import { earlyAnswer, isApiPath, pathOf } from './front-door';

const OPTIONS = { hsts: false, development: false };

describe('earlyAnswer', () => {
  it.each(['TRACE', 'TRACK', 'CONNECT', 'PATCH', 'PROPFIND'])('refuses %s with a 405 naming the allowed methods', (method) => {
    const early = earlyAnswer(method, pathOf('/api/healthz'), OPTIONS);
    expect(early?.status).toBe(405);
    expect(early?.headers.allow).toBe('GET, HEAD, POST, PUT, DELETE, OPTIONS');
    expect(JSON.parse(early?.body ?? '')).toEqual({ error: { code: 'method_not_allowed', message: `${method} is not allowed` } });
    expect(early?.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/api/slos/%zz', '/slos/%zz', '/api/slos/%E0%A4%A/status'])('refuses the malformed escape in %s with a 400', (path) => {
    const early = earlyAnswer('GET', pathOf(`${path}?x=1`), OPTIONS);
    expect(early?.status).toBe(400);
    expect(JSON.parse(early?.body ?? '')).toMatchObject({ error: { code: 'bad_path' } });
  });

  it('lets good requests through, whatever their query string holds', () => {
    expect(earlyAnswer('GET', pathOf('/api/slos/a%20b?q=%zz'), OPTIONS)).toBeNull();
    expect(earlyAnswer('DELETE', pathOf('/api/maintenance/7'), OPTIONS)).toBeNull();
  });

  it('adds HSTS when the app is served over TLS', () => {
    expect(earlyAnswer('TRACE', pathOf('/'), { hsts: true, development: false })?.headers['strict-transport-security']).toMatch(/^max-age=\d+$/);
  });
});

describe('pathOf and isApiPath', () => {
  it.each([
    ['/api/services?time=1', '/api/services'],
    ['/a#b', '/a'],
    ['http://host:3000/api/x?y', '/api/x'],
    ['http://host', '/'],
  ])('%s has path %s', (target, path) => expect(pathOf(target)).toBe(path));

  it('knows API paths from pages', () => {
    expect([isApiPath('/api'), isApiPath('/api/slos'), isApiPath('/apis'), isApiPath('/slos')]).toEqual([true, true, false, false]);
  });
});

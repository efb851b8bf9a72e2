// Issue 12 in Chromium: a page on another origin cannot make a signed-in browser change SLOs (the
// sign-in proxy's cookie rides along same-site requests), token clients keep working, and pages carry
// a nonce-based Content-Security-Policy that the app runs under without a single violation.
import { expect, test, type Page } from '@playwright/test';
import { E2E_PORTS } from '../scripts/testing/e2e-ports';
import { EDITOR } from './pages/slo-fixtures';
import { startAttackerSite, startSignInProxy, type SignInProxy, type Started } from './security-servers';

const spec = (name: string) => ({ name, service: 'cart', namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });

let proxy: SignInProxy;
let attacker: Started;
let app: string; // the app as users reach it: through the sign-in proxy
test.beforeAll(async () => {
  // The e2e server trusts proxy headers from 127.0.0.1 (scripts/testing/e2e-server.ts).
  proxy = await startSignInProxy(E2E_PORTS.app, 'ana', 'sre');
  attacker = await startAttackerSite();
  app = `http://127.0.0.1:${proxy.port}`;
});
test.afterAll(async () => {
  await proxy.close();
  await attacker.close();
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${app}/signin`);
  await expect(page.getByText('signed in')).toBeVisible();
}

test.describe('cross-site request forgery', () => {
  test('the signed-in user can create an SLO from the app itself, recorded under their name', async ({ page, request }) => {
    await signIn(page);
    await page.goto(`${app}/slos`);
    const status = await page.evaluate(async (body) => {
      const res = await fetch('/api/slos', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return res.status;
    }, spec('csrf-control'));
    expect(status).toBe(201);
    const history = (await (await request.get('/api/slos/csrf-control/history')).json()) as { entries: { actor: string }[] };
    expect(history.entries[0]?.actor).toBe('ana');
    // Other specs start from an empty store.
    expect((await request.delete('/api/slos/csrf-control', { headers: EDITOR })).status()).toBe(204);
  });

  for (const [site, host] of [
    ['another port of the same host (same site)', '127.0.0.1'],
    ['another site', 'localhost'],
  ] as const) {
    for (const target of ['/api/slos', '/api/slos/import']) {
      test(`a text/plain form on ${site} cannot post to ${target}`, async ({ page, request }) => {
        await signIn(page);
        const name = `csrf-form-${host === 'localhost' ? 'site' : 'port'}-${target.endsWith('import') ? 'import' : 'create'}`;
        const answer = page.waitForResponse((r) => r.url() === `${app}${target}` && r.request().method() === 'POST');
        const params = new URLSearchParams({ action: `${app}${target}`, json: JSON.stringify(spec(name)) });
        await page.goto(`http://${host}:${attacker.port}/form?${params}`);
        const response = await answer;
        expect(response.status()).toBe(403);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('cross_site_request');
        expect((await request.get(`/api/slos/${name}`)).status()).toBe(404);
        if (host === '127.0.0.1') {
          // Same site: the session cookie did reach the proxy, so only the origin check stopped it.
          expect(proxy.asserted.filter((a) => a.path === target && a.method === 'POST').at(-1)?.user).toBe('ana');
        }
      });
    }
  }

  test('a no-cors fetch without a Content-Type cannot create an SLO either', async ({ page, request }) => {
    await signIn(page);
    const answer = page.waitForResponse((r) => r.url() === `${app}/api/slos` && r.request().method() === 'POST');
    const params = new URLSearchParams({ action: `${app}/api/slos`, json: JSON.stringify(spec('csrf-fetch')) });
    await page.goto(`http://127.0.0.1:${attacker.port}/fetch?${params}`);
    expect((await answer).status()).toBe(403);
    expect((await request.get('/api/slos/csrf-fetch')).status()).toBe(404);
  });

  test('token clients, which send no Origin, keep working; form content types are refused', async ({ request }) => {
    const created = await request.post('/api/slos', { headers: EDITOR, data: spec('csrf-token-client') });
    expect(created.status()).toBe(201);
    expect((await request.delete('/api/slos/csrf-token-client', { headers: EDITOR })).status()).toBe(204);
    const plain = await request.post('/api/slos', { headers: { ...EDITOR, 'content-type': 'text/plain' }, data: JSON.stringify(spec('csrf-plain')) });
    expect(plain.status()).toBe(415);
  });
});

test.describe('security headers', () => {
  test('pages run under a nonce CSP without violations, and cannot be framed', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(e.message));
    const first = await page.goto(`${app}/slos`);
    const csp = first?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(first?.headers()).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'x-frame-options': 'DENY' });
    expect(first?.headers()['permissions-policy']).toContain('camera=()');
    // Hydrated: client-side navigation works, so the nonce'd framework scripts ran.
    await page.getByRole('link', { name: 'On-call' }).first().click();
    await expect(page).toHaveURL(/\/oncall/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const second = await page.goto(`${app}/slos`);
    const nonce = (h: string) => /'nonce-([^']+)'/.exec(h)?.[1];
    expect(nonce(second?.headers()['content-security-policy'] ?? '')).not.toBe(nonce(csp));
    expect(violations).toEqual([]);

    const framed: string[] = [];
    page.on('console', (m) => framed.push(m.text()));
    await page.goto(`http://localhost:${attacker.port}/frame?${new URLSearchParams({ src: `${app}/slos` })}`);
    await expect.poll(() => framed.some((t) => /frame-ancestors/.test(t))).toBe(true);
  });

  test('API answers carry nosniff and a deny-all CSP', async ({ request }) => {
    const res = await request.get('/api/healthz');
    expect(res.headers()).toMatchObject({ 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" });
  });
});

test.describe('bad requests over HTTP get 4xx, not 5xx', () => {
  test('malformed %-escapes, TRACE and a body over the limit', async ({ request }) => {
    for (const path of ['/api/slos/%zz', '/slos/%zz', '/api/slos/%E0%A4%A/status']) expect((await request.get(path)).status(), path).toBe(400);
    expect((await request.fetch('/api/healthz', { method: 'TRACE' })).status()).toBe(405);
    const big = await request.post('/api/slos/backtest', { headers: { ...EDITOR, 'content-type': 'application/json' }, data: `{"pad":"${'x'.repeat(2_000_000)}"}` });
    expect(big.status()).toBe(413);
  });
});

// Two small servers for e2e/security.spec.ts, on other loopback ports than the app:
// - a sign-in proxy in front of the app, as oauth2-proxy would be: GET /signin sets a session cookie,
//   and every request carrying it reaches the app with X-Forwarded-User (the browser never sends it);
// - an attacker's site that makes the signed-in browser post to the app, as a cross-site page can.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Started {
  port: number;
  close(): Promise<void>;
}

async function listen(server: http.Server): Promise<Started> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface SignInProxy extends Started {
  /** The users the proxy asserted, one per forwarded API request, in order (null: no session). */
  asserted: { method: string; path: string; user: string | null }[];
}

export async function startSignInProxy(appPort: number, user: string, groups: string): Promise<SignInProxy> {
  const asserted: SignInProxy['asserted'] = [];
  const server = http.createServer((req, res) => {
    if (req.url === '/signin') {
      // No SameSite attribute: browsers treat it as Lax, which still rides along same-site requests.
      res.writeHead(200, { 'set-cookie': 'proxy_session=valid; Path=/; HttpOnly', 'content-type': 'text/plain' }).end('signed in');
      return;
    }
    const signedIn = /(?:^|;\s*)proxy_session=valid(?:;|$)/.test(req.headers.cookie ?? '');
    const headers = { ...req.headers };
    // Whatever the client claims is dropped; the proxy alone speaks for the user.
    delete headers['x-forwarded-user'];
    delete headers['x-forwarded-groups'];
    if (signedIn) Object.assign(headers, { 'x-forwarded-user': user, 'x-forwarded-groups': groups });
    if (req.url?.startsWith('/api/')) asserted.push({ method: req.method ?? '', path: req.url, user: signedIn ? user : null });
    const upstream = http.request({ host: '127.0.0.1', port: appPort, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return { ...(await listen(server)), asserted };
}

/** The JSON an HTML form with enctype=text/plain sends: `name=value`, with `=` hidden in a padding field. */
function textPlainForm(action: string, json: object): string {
  const text = JSON.stringify({ ...json, pad: '' });
  const cut = text.lastIndexOf('""}');
  const [name, value] = [text.slice(0, cut + 1), text.slice(cut + 1)];
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  return `<form method="POST" action="${action}" enctype="text/plain"><input name='${attr(name)}' value='${attr(value)}'></form><script>document.forms[0].submit()</script>`;
}

/** Pages: /form?action=<url>&json=<spec json>, /fetch?action=<url>&json=<json>, /frame?src=<url>. */
export async function startAttackerSite(): Promise<Started> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://attacker');
    const action = url.searchParams.get('action') ?? '';
    const json = JSON.parse(url.searchParams.get('json') ?? '{}') as object;
    let body = '';
    if (url.pathname === '/form') body = textPlainForm(action, json);
    else if (url.pathname === '/fetch') {
      // no-cors with a Blob body: no Content-Type at all, and no preflight.
      body = `<script>fetch(${JSON.stringify(action)}, { method: 'POST', mode: 'no-cors', credentials: 'include', body: new Blob([${JSON.stringify(JSON.stringify(json))}]) }).then(() => document.title = 'sent')</script>`;
    } else if (url.pathname === '/frame') body = `<iframe src="${url.searchParams.get('src') ?? ''}" width="800" height="600"></iframe>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><body>${body}</body></html>`);
  });
  return listen(server);
}

// Response headers that make the browser refuse what this app never does: run injected scripts, be
// framed by another site, sniff a JSON body as HTML, leak page URLs to other sites, use devices.
// Pure: proxy.ts calls it with the environment's settings.

export interface SecurityHeaderOptions {
  /** Per-request nonce for the page's scripts (pages only). */
  nonce?: string;
  /** MESHWATCH_HSTS: the app is served over TLS. */
  hsts: boolean;
  /** `next dev`: React rebuilds error stacks with eval there (Next.js CSP guide); never in production. */
  development: boolean;
}

/** One year, the usual HSTS max-age (hstspreload.org asks for at least that). */
const HSTS_MAX_AGE = 31_536_000;

function pagePolicy({ nonce, hsts, development }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd Next.js bootstrap loads are trusted; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // React renders style attributes and ECharts and CodeMirror set styles at run time; style injection
    // cannot run code, so inline styles stay allowed while scripts are locked down.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(hsts ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Headers for a page (with `nonce`) or an API response (without). */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'content-security-policy': options.nonce === undefined ? "default-src 'none'; frame-ancestors 'none'" : pagePolicy(options),
    'x-content-type-options': 'nosniff',
    // frame-ancestors for browsers that predate it.
    'x-frame-options': 'DENY',
    // Page URLs name services and incidents; other sites (trace viewers included) learn nothing.
    'referrer-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
    ...(options.hsts ? { 'strict-transport-security': `max-age=${HSTS_MAX_AGE}` } : {}),
  };
}

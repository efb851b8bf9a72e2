// Generators of hostile and boundary HTTP requests for the API fuzz suite (app/api/fuzz.test.ts).
import fc from 'fast-check';
import { DASHBOARDS, type DashboardId } from '@/lib/dashboards/catalog';

export const EDITOR_TOKEN = 'fuzz-editor-token-0001';
export const VIEWER_TOKEN = 'fuzz-viewer-token-0002';
/** The app's own origin in the fuzz suite's URLs. */
export const APP_ORIGIN = 'http://127.0.0.1:3000';
/** SLOs the suite stores first, so names that exist are tried too. */
export const KNOWN_SLOS = ['cart-availability', 'catalog-latency', 'orders-custom'];

const awkward = fc.constantFrom('', ' ', '\u0000', '\u0007', '\u001f', '\u007f', '\u0085', '\u2028', '\u2029', '\ufffd', '\ud800', '\udfff', 'é', '😀', '%', '%zz', '%00', '%ff', '../', '\\', '"', "'", '`', '{{window}}', '}', ']', '${x}');

/** Strings of every kind: awkward characters, full Unicode, boundary lengths. */
export const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 3, arbitrary: fc.array(fc.oneof(awkward, fc.string({ maxLength: 4 })), { maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(252, 253, 254, 4000, 4001).map((n) => 'a'.repeat(n)) },
);

/** Query-string values: numbers at their edges, durations, enum words, and text. */
export const paramValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '', '0', '-1', '1', '1.5', '1e10', '9999999999', '1e308', '-1e308', '5e-324', 'NaN', 'Infinity', '-Infinity', '0x10', ' 5 ', '1790856000',
      '1790000000', '1790850000', '1700000000000', '5m', '0s', '30s', '1m', '1h30m', '4w2d', '90d', '91d', '1y', '5m]) or vector(1', 'true', 'false', '1',
      'yaml', 'fragment', 'prometheusrule', 'prometheus', 'openslo', 'sloth', 'service', 'workload', 'shop', 'cart', 'payments', '{}', '[]', 'null',
      '{"alerts":[]}', '{"alerts":[{"severity":"page","longWindow":"1h","threshold":14.4}]}', '{"alerts":[{"severity":"page","longWindow":"60d","threshold":2}]}',
    ),
  },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 2, arbitrary: text },
);

const PARAM_KEYS = ['time', 'from', 'to', 'start', 'end', 'step', 'window', 'namespace', 'service', 'view', 'format', 'teams', 'dryRun', 'policy'];

/** Encodes like a browser would, or not at all (raw `%zz`, `&`, `#` and lone surrogates reach the parser). */
function encode(value: string, raw: boolean): string {
  if (raw) return value.replace(/[#\s]/g, '');
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate's bytes, which no decoder accepts
  }
}

export const queryString = fc
  .array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PARAM_KEYS) }, { weight: 1, arbitrary: text }), paramValue, fc.boolean()), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v, raw]) => `${encode(k, raw)}=${encode(v, raw)}`).join('&'));

/** A path segment as sent (encoded or malformed) for `[name]`-like parameters. */
export const segment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN_SLOS) },
  { weight: 2, arbitrary: fc.constantFrom('backtest', 'import', 'preview', 'buckets', 'nope', 'a', '-a', 'A') },
  { weight: 2, arbitrary: text.map((t) => encode(t, false)) },
  { weight: 1, arbitrary: fc.constantFrom('%zz', '%', '%e0%a4%a', '%C0%AF', '%ED%A0%80', '%00', 'a%2Fb', '%252e%252e') },
);

/** `[dashboard, panel]` pairs of the catalog, most of the time, else arbitrary segments. */
export const panelSegments = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...(Object.keys(DASHBOARDS) as DashboardId[]).flatMap((d) => DASHBOARDS[d].panels.map((p) => [d, p.id]))) },
  { weight: 1, arbitrary: fc.tuple(segment, segment) },
);

const fuzzedSpec = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...KNOWN_SLOS, 'fuzz-slo', 'unsaved-slo', 'Bad Name', 'backtest'), text),
    service: fc.oneof(fc.constantFrom('cart', 'catalog'), text),
    namespace: fc.oneof(fc.constant('shop'), text),
    team: fc.oneof(fc.constant('storefront'), text),
    description: text,
    indicator: fc.oneof(
      fc.constant({ type: 'availability' }),
      fc.record({ type: fc.constant('latency'), thresholdMs: fc.oneof(fc.constantFrom(250, 0, -1, 3_600_001, 1e308, 0.5), fc.double(), fc.string()) }),
      fc.record({ type: fc.constant('custom'), errorQuery: fc.oneof(fc.constant('sum(rate(e[{{window}}]))'), text), totalQuery: fc.oneof(fc.constant('sum(rate(t[{{window}}]))'), text) }),
      fc.anything(),
    ),
    objective: fc.oneof(fc.constantFrom(99.9, 0, 100, 1e-9, 99.9999999, -5, 1e308), fc.double(), fc.string()),
    window: fc.oneof(fc.constantFrom('30d', '1d', '7d', '28d', '90d', '91d', '23h', '1y', '0d', '4w'), text),
    policy: fc.oneof(fc.constant({ alerts: [{ severity: 'page', longWindow: '1h', shortWindow: '5m', threshold: 14.4 }] }), fc.jsonValue()),
  },
  { requiredKeys: [] },
);

/** A spec that would save, with one field (or none) replaced by a fuzzed value: deep paths get reached. */
const nearlyValidSpec = fc
  .tuple(
    fc.record({
      name: fc.constantFrom('fuzz-slo', 'fuzz-other', ...KNOWN_SLOS),
      service: fc.constantFrom('cart', 'catalog', 'payments'),
      namespace: fc.constantFrom('shop', 'payments'),
      team: fc.constant('storefront'),
      indicator: fc.constantFrom<object>({ type: 'availability' }, { type: 'latency', thresholdMs: 250 }, { type: 'custom', errorQuery: 'sum(rate(e[{{window}}]))', totalQuery: 'sum(rate(t[{{window}}]))' }),
      objective: fc.constantFrom(99.9, 99, 95),
      window: fc.constantFrom('30d', '7d', '1d', '28d'),
    }),
    fuzzedSpec,
    fc.constantFrom('', 'name', 'service', 'namespace', 'team', 'description', 'indicator', 'objective', 'window', 'policy'),
  )
  .map(([valid, fuzzed, field]) => (field && field in fuzzed ? { ...valid, [field]: (fuzzed as Record<string, unknown>)[field] } : valid));

const spec = fc.oneof({ weight: 2, arbitrary: nearlyValidSpec }, { weight: 1, arbitrary: fuzzedSpec });

// A billion laughs, deep nesting and YAML tags: cheap to send, expensive to parse naively.
const ALIAS_BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n';
const yamlNasties = fc.constantFrom(ALIAS_BOMB, '['.repeat(100_000), '{'.repeat(50_000), '- *undefined\n', '!!binary AAAA', '!!js/function "x"', 'a: !!float nope', '--- \n...\n---\n', 'version: prometheus/v1\nslos: 5\n', 'apiVersion: openslo/v1\nkind: SLO\nspec: []\n');

/** Just over the 1 MB body limit (built once: the generator only picks it). */
const OVERSIZE = `{"name":"${'x'.repeat(1_000_001)}"}`;

export type Body = string | Uint8Array<ArrayBuffer> | undefined;

export const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 5, arbitrary: spec.map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: fc.record({ spec, from: fc.oneof(fc.double(), paramValue), to: fc.oneof(fc.double(), paramValue), policy: fc.jsonValue() }, { requiredKeys: ['spec'] }).map((b) => JSON.stringify(b)) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.array(spec, { maxLength: 3 }).map((l) => JSON.stringify(l)) },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: yamlNasties },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint8Array(bytes)) },
  { weight: 1, arbitrary: fc.constant(OVERSIZE) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const hostileHeaders = fc
  .record(
    {
      authorization: fc.constantFrom(`Bearer ${EDITOR_TOKEN}`, `Bearer ${EDITOR_TOKEN}`, `Bearer ${VIEWER_TOKEN}`, 'Bearer nope', 'Bearer', 'Bearer  ', 'Basic YTpi', 'bearer x y'),
      'content-type': fc.constantFrom('application/json', 'application/json', 'application/yaml', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/vnd.x+json', 'garbage'),
      origin: fc.constantFrom(APP_ORIGIN, 'https://evil.example', 'null', 'http://127.0.0.1:3001', 'not a url'),
      'sec-fetch-site': fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none', 'bogus'),
      'if-match': fc.constantFrom('"1"', 'W/"2"', '*', '3', 'abc', '"99999999999999999999"', ''),
      'x-forwarded-user': fc.constantFrom('ana', 'x'.repeat(300), 'a\u0007b', ''),
      'x-forwarded-groups': fc.constantFrom('sre', 'everyone', ',,,', ''),
      'x-meshwatch-peer': fc.constantFrom('127.0.0.1', '10.0.0.9', 'not-an-ip'),
      'x-forwarded-for': fc.constantFrom('1.2.3.4', '1.2.3.4, 127.0.0.1', 'garbage, ,'),
    },
    { requiredKeys: [] },
  )
  .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);

/** What the app's own pages and token clients send, so most requests get past the checks to the handlers. */
const usualHeaders = fc
  .record({
    authorization: fc.constantFrom(`Bearer ${EDITOR_TOKEN}`, `Bearer ${EDITOR_TOKEN}`, `Bearer ${VIEWER_TOKEN}`),
    'content-type': fc.constantFrom('application/json', 'application/json', 'application/yaml'),
    browser: fc.boolean(),
  })
  .map(({ browser, ...h }): Record<string, string> => (browser ? { ...h, origin: APP_ORIGIN, 'sec-fetch-site': 'same-origin' } : h));

export const headers = fc.oneof({ weight: 3, arbitrary: usualHeaders }, { weight: 1, arbitrary: hostileHeaders });

// Fuzzing every API route and method in-process (as `next start` calls them, behind lib/api/front-door.ts) with
// malformed paths, query strings, bodies, encodings, headers and boundary values, against a Prometheus
// that answers like a real one (scripts/testing/fuzz/fake-prometheus.ts): no request may get a 5xx, and
// every JSON error is the API's error shape. One run with a fixed seed, one with a random seed that is
// printed (replay it with FUZZ_SEED=<seed>).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setPeerStampForTests } from '@/lib/api/client';
import { apiErrorBodySchema } from '@/lib/api/error-body';
import { resetRateLimits } from '@/lib/api/guard';
import type { ScriptedServer } from '@/lib/prometheus/scripted-server';
import { sloSpecSchema, type SloSpec } from '@/lib/slo';
import { getSloStore, openMaintenanceStore, openSqliteStore, setMaintenanceStore, setSloStore } from '@/lib/store';
import { earlyAnswer, pathOf } from '@/lib/api/front-door';
import { APP_ORIGIN, body, EDITOR_TOKEN, headers, KNOWN_SLOS, panelSegments, queryString, segment, VIEWER_TOKEN, type Body } from '@/scripts/testing/fuzz/arbitraries';
import { startFakePrometheus } from '@/scripts/testing/fuzz/fake-prometheus';
import { ENDPOINTS, type Method } from '@/scripts/testing/fuzz/routes';

/** Requests per run; two runs per CI run. */
const RUNS = 2_000;
const FIXED_SEED = 20_261_202;

let dir: string;
let prometheus: ScriptedServer;
let knownSpecs: SloSpec[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-fuzz-'));
  setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
  setMaintenanceStore(openMaintenanceStore(path.join(dir, 'slos.db')));
  prometheus = await startFakePrometheus();
  vi.stubEnv('PROMETHEUS_URL', prometheus.url);
  vi.stubEnv('PROMETHEUS_TIMEOUT_MS', '5000');
  vi.stubEnv('MESH', 'istio');
  vi.stubEnv('MESHWATCH_API_TOKENS', `${EDITOR_TOKEN}:editor,${VIEWER_TOKEN}:viewer`);
  vi.stubEnv('MESHWATCH_AUTH_USER_HEADER', 'X-Forwarded-User');
  vi.stubEnv('MESHWATCH_AUTH_GROUPS_HEADER', 'X-Forwarded-Groups');
  vi.stubEnv('MESHWATCH_GROUP_ROLES', 'sre:editor');
  vi.stubEnv('MESHWATCH_TRUSTED_PROXIES', '127.0.0.1');
  // Save-time promtool checks cost a process each; the rules themselves have their own tests.
  vi.stubEnv('MESHWATCH_PROMTOOL', path.join(dir, 'no-promtool'));
  setPeerStampForTests(true);
  const base = { service: 'cart', namespace: 'shop', team: 'storefront', objective: 99.9, window: '30d' };
  const [availability = '', latency = '', custom = ''] = KNOWN_SLOS;
  knownSpecs = [
    { ...base, name: availability, indicator: { type: 'availability' } },
    { ...base, name: latency, service: 'catalog', indicator: { type: 'latency', thresholdMs: 250 } },
    { ...base, name: custom, indicator: { type: 'custom', errorQuery: 'sum(rate(e[{{window}}]))', totalQuery: 'sum(rate(t[{{window}}]))' } },
  ].map((spec) => sloSpecSchema.parse(spec));
  restoreKnownSlos();
});
afterAll(async () => {
  setPeerStampForTests(false);
  setSloStore(undefined)?.close();
  setMaintenanceStore(undefined)?.close();
  vi.unstubAllEnvs();
  await prometheus.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Generated {
  endpoint: (typeof ENDPOINTS)[number];
  segments: string[];
  panel: string[];
  query: string;
  headers: Record<string, string>;
  body: Body;
}

const generated: fc.Arbitrary<Generated> = fc.record({
  endpoint: fc.constantFrom(...ENDPOINTS),
  segments: fc.tuple(segment),
  panel: panelSegments,
  query: queryString,
  headers,
  body,
});

interface Outcome {
  status: number;
  contentType: string;
  text: string;
}

/**
 * The known SLOs again, when a fuzzed DELETE removed one, so later requests still find them; SLOs the
 * fuzzing created go once there are a few (the bulk routes' cost grows with their number).
 */
function restoreKnownSlos(): void {
  const store = getSloStore();
  for (const spec of knownSpecs) if (!store.get(spec.name)) store.create(spec, 'fuzz');
  const extra = store.list().filter((s) => !KNOWN_SLOS.includes(s.spec.name));
  if (extra.length > 3) for (const s of extra) store.delete(s.spec.name, 'fuzz');
}

async function send({ endpoint, segments: nameSegment, panel, query, headers: sent, body: payload }: Generated): Promise<Outcome> {
  const { route, method } = endpoint;
  const segments = route.pattern.includes('[panel]') ? panel : nameSegment;
  restoreKnownSlos();
  const raw: Record<string, string> = {};
  let i = 0;
  const pathname = route.pattern.replace(/\[(\w+)\]/g, (_m, name: string) => (raw[name] = segments[i++] ?? 'x'));
  const url = `${APP_ORIGIN}${pathname}${query ? `?${query}` : ''}`;
  resetRateLimits(); // limits have their own tests; here every request should reach its handler
  const early = earlyAnswer(method, pathOf(`${pathname}${query ? `?${query}` : ''}`), { hsts: false, development: false });
  if (early) return { status: early.status, contentType: early.headers['content-type'] ?? '', text: early.body };
  // Past the front door every segment decodes, as Next.js decodes params for the route.
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decodeURIComponent(v)]));
  const hasBody = method === 'POST' || method === 'PUT';
  const request = new Request(url, { method, headers: sent, ...(hasBody && payload !== undefined ? { body: payload } : {}) });
  const handler = route.methods[method as Method];
  if (!handler) throw new Error(`no ${method} for ${route.pattern}`);
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

const property = fc.asyncProperty(generated, async (input) => {
  const outcome = await send(input);
  if (outcome.status >= 500) throw new Error(`${input.endpoint.method} ${input.endpoint.route.pattern} answered ${outcome.status}: ${outcome.text.slice(0, 300)}`);
  if (outcome.status >= 400 && outcome.contentType.startsWith('application/json')) {
    expect(apiErrorBodySchema.safeParse(JSON.parse(outcome.text)).success, outcome.text.slice(0, 300)).toBe(true);
  }
});

describe('API fuzz: no 5xx for any input', () => {
  it(`covers every route and method (${ENDPOINTS.length} pairs)`, () => {
    expect(ENDPOINTS.length).toBeGreaterThanOrEqual(28);
  });

  it(`${RUNS} requests with the fixed seed ${FIXED_SEED}`, async () => {
    await fc.assert(property, { numRuns: RUNS, seed: FIXED_SEED });
  }, 600_000);

  it(`${RUNS} requests with a random seed`, async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`API fuzz seed: ${seed} (replay: FUZZ_SEED=${seed} npx vitest run --project unit app/api/fuzz.test.ts)`);
    await fc.assert(property, { numRuns: RUNS, seed });
  }, 600_000);
});

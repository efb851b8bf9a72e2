// The Linkerd graph queries' conventions in a real Prometheus over a tiny hand-written history, with
// hand-computed answers: inbound traffic no meshed caller sent becomes an `unknown` caller's edge
// (the shop fixture's callers are all meshed), scrape noise under 1% does not, and TCP edges are
// only pairs without HTTP (Linkerd's tcp_* count HTTP connections too).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrometheusClient, type PrometheusClient } from '@/lib/prometheus';
import { freePort } from '@/scripts/system/ports';
import { backfill, prometheusConfig, startPrometheus, type PrometheusProcess } from '@/scripts/system/prometheus';
import { linkerdAdapter } from './linkerd';
import { dimKey } from './read';

const T0 = 1_790_000_000;
const END = T0 + 1800;

/** Counter families: each series grows linearly at `perSecond`, sampled every minute. */
const FAMILIES: Record<string, Array<[Record<string, string>, number]>> = {
  request_total: [
    // The gateway calls frontend (meshed: both sides); 5/s more reach frontend from a caller without a proxy.
    [{ direction: 'outbound', namespace: 'ingress', deployment: 'gw', dst_namespace: 'shop', dst_deployment: 'frontend', tls: 'true' }, 100],
    [{ direction: 'inbound', namespace: 'shop', deployment: 'frontend', tls: 'true' }, 100],
    [{ direction: 'inbound', namespace: 'shop', deployment: 'frontend', tls: 'no_identity' }, 5],
    // legacy is called only from outside the mesh: no outbound counterpart at all.
    [{ direction: 'inbound', namespace: 'shop', deployment: 'legacy', tls: 'no_identity' }, 2],
    // catalog's two sides differ by 0.4% (scrape timing): noise, not a caller.
    [{ direction: 'outbound', namespace: 'shop', deployment: 'frontend', dst_namespace: 'shop', dst_deployment: 'catalog', tls: 'true' }, 49.8],
    [{ direction: 'inbound', namespace: 'shop', deployment: 'catalog', tls: 'true' }, 50],
  ],
  response_total: [
    [{ direction: 'outbound', namespace: 'ingress', deployment: 'gw', dst_namespace: 'shop', dst_deployment: 'frontend', tls: 'true', classification: 'failure' }, 1],
    [{ direction: 'inbound', namespace: 'shop', deployment: 'frontend', tls: 'true', classification: 'failure' }, 1],
    [{ direction: 'inbound', namespace: 'shop', deployment: 'frontend', tls: 'no_identity', classification: 'failure' }, 0.5],
  ],
  tcp_open_total: [
    [{ direction: 'outbound', peer: 'dst', namespace: 'shop', deployment: 'frontend', dst_namespace: 'shop', dst_deployment: 'catalog', tls: 'true' }, 3],
    [{ direction: 'outbound', peer: 'dst', namespace: 'shop', deployment: 'cart', dst_namespace: 'platform', dst_deployment: 'redis', tls: 'true' }, 4],
  ],
};

function openMetrics(): string {
  const lines: string[] = [];
  for (const [name, series] of Object.entries(FAMILIES)) {
    lines.push(`# TYPE ${name.replace(/_total$/, '')} counter`);
    for (const [labels, perSecond] of series) {
      const l = Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',');
      for (let t = T0; t <= END; t += 60) lines.push(`${name}{${l}} ${1000 + perSecond * (t - T0)} ${t}`);
    }
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

let dir: string;
let prom: PrometheusProcess;
let client: PrometheusClient;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-linkerd-graph-'));
  writeFileSync(path.join(dir, 'history.om'), openMetrics());
  await backfill(path.join(dir, 'history.om'), path.join(dir, 'data'));
  prom = await startPrometheus({ dataDir: path.join(dir, 'data'), workDir: dir, port: await freePort(), configYaml: prometheusConfig([]), retention: '100y' });
  client = createPrometheusClient({ baseUrl: prom.url, timeoutMs: 30_000 });
});

afterAll(async () => {
  await prom?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const { queries } = linkerdAdapter.graphQueries({ window: '5m', view: 'service' });
const DIMS = ['sourceNamespace', 'sourceService', 'namespace', 'service'] as const;

async function edges(name: 'edgeRequests' | 'edgeErrors' | 'tcpConnections'): Promise<Record<string, number>> {
  const r = await client.instantQuery(queries[name].promql, { time: END });
  if (r.resultType !== 'vector') throw new Error(r.resultType);
  return Object.fromEntries(r.samples.map((s) => [JSON.parse(dimKey(s.labels, queries[name], DIMS)).join(' '), s.value]));
}

describe('Linkerd graph queries over hand-made telemetry', () => {
  it('draw inbound traffic no meshed caller sent as an unknown caller, ignoring noise under 1%', async () => {
    const e = await edges('edgeRequests');
    expect(Object.keys(e).sort()).toEqual(['ingress gw shop frontend', 'shop frontend shop catalog', 'unknown unknown shop frontend', 'unknown unknown shop legacy']);
    expect(e['ingress gw shop frontend']).toBeCloseTo(100, 9);
    expect(e['unknown unknown shop frontend']).toBeCloseTo(5, 9);
    expect(e['unknown unknown shop legacy']).toBeCloseTo(2, 9);
    expect(e['shop frontend shop catalog']).toBeCloseTo(49.8, 9);
  });

  it('give the unknown caller the failures its requests met', async () => {
    const e = await edges('edgeErrors');
    expect(e['ingress gw shop frontend']).toBeCloseTo(1, 9);
    expect(e['unknown unknown shop frontend']).toBeCloseTo(0.5, 9);
    expect(e['unknown unknown shop legacy']).toBeUndefined();
  });

  it('count TCP edges only where the pair has no HTTP requests', async () => {
    const e = await edges('tcpConnections');
    expect(e).toEqual({ 'shop cart platform redis': expect.closeTo(4, 9) });
  });
});

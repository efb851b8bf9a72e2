// `npm run bench -- graph-scale`: the service graph at 1,000 services.
// 1. GET /api/graph over a real Prometheus holding 20 minutes of the simulator at 77 replicas
//    (1,156 services), with its PromQL count, which must equal the demo mesh's (over the fixture).
// 2. A synthetic 1,000-service / 5,000-call mesh: server-side assembly + layout (the route's CPU work),
//    then the first render of /graph in Chromium, the production build served over a fake Prometheus
//    that answers the graph's PromQL with the synthetic vectors (graph-scale-prometheus.ts): server
//    render with the first data, hydration, layout and draw, as a user gets the page.
// Each part reports even when the other fails; the bench fails at the end if either did.
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { graphResponseSchema, type GraphResponse } from '@/lib/graph';
import { createModel, writeHistory } from '../simulator';
import { TEST_ANCHOR, TEST_SEED } from '../simulator/fixture';
import { freePort } from '../system/ports';
import { backfill, prometheusConfig, startPrometheus, type PrometheusProcess } from '../system/prometheus';
import { simulatorSourceKey } from '../system/source-key';
import { dirSizeBytes, startFixturePrometheus } from '../testing/fixture-tsdb';
import { NO_CACHE, startApp } from './app-server';
import { measureFirstRender } from './graph-scale-browser';
import { startGraphPrometheus } from './graph-scale-prometheus';
import { syntheticResponse, syntheticVectors, WINDOW } from './graph-scale-data';
import { formatTable, summarize, type Row } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const SERVICES = 1000;
const CALLS = 5000;
const LAYOUT_RUNS = 21;
const RENDER_RUNS = Number(process.env.BENCH_RUNS ?? 5);
const API_RUNS = 10;
/** 15 workloads per replica plus the shared gateway (scripts/simulator/topology.ts): 77 replicas is 1,156. */
const REPLICAS = 77;
/** Enough history for a 5m rate at the last ten minutes, small enough to backfill in a minute. */
const HISTORY_S = 20 * 60;
const TIME = TEST_ANCHOR - 3600;

async function timeIt(runs: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

async function getGraph(appUrl: string, time: number): Promise<GraphResponse> {
  const res = await fetch(`${appUrl}/api/graph?time=${time}&window=${WINDOW}`);
  if (!res.ok) throw new Error(`/api/graph answered ${res.status}: ${await res.text()}`);
  return graphResponseSchema.parse(await res.json());
}

/** A Prometheus over 20 minutes of the 77-replica mesh, cached under .data/bench-graph by simulator source. */
async function startLargePrometheus(): Promise<PrometheusProcess> {
  const dir = path.join(ROOT, '.data/bench-graph', simulatorSourceKey(`graph-scale:${REPLICAS}:${HISTORY_S}`));
  const tsdb = path.join(dir, 'tsdb');
  if (!existsSync(path.join(dir, 'READY'))) {
    rmSync(path.join(ROOT, '.data/bench-graph'), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'history.om');
    const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR, replicas: REPLICAS });
    const stats = await writeHistory({ model, from: TEST_ANCHOR - HISTORY_S, to: TEST_ANCHOR, outFile: file });
    console.log(`${REPLICAS}x mesh history: ${model.services.length} services, ${stats.series} series, ${(statSync(file).size / 1e6).toFixed(1)} MB OpenMetrics`);
    await backfill(file, tsdb);
    rmSync(file);
    writeFileSync(path.join(dir, 'READY'), new Date().toISOString());
  }
  console.log(`${REPLICAS}x mesh TSDB: ${(dirSizeBytes(tsdb) / 1e6).toFixed(1)} MB in ${path.relative(ROOT, dir)}`);
  const work = path.join(os.tmpdir(), `meshwatch-bench-graph-${process.pid}`);
  cpSync(tsdb, path.join(work, 'data'), { recursive: true });
  const prom = await startPrometheus({ dataDir: path.join(work, 'data'), workDir: work, port: await freePort(), configYaml: prometheusConfig([]), retention: '100y' });
  return { ...prom, stop: async () => { await prom.stop(); rmSync(work, { recursive: true, force: true }); } };
}

/** Part 1: the route over the demo mesh (for the reference PromQL count) and over ~1,000 services. */
async function benchApi(rows: Row[], lines: string[]): Promise<void> {
  let demo: GraphResponse;
  const fixture = await startFixturePrometheus();
  try {
    const app = await startApp(fixture.url);
    try {
      demo = await getGraph(app.url, TIME);
      rows.push({ name: 'GET /api/graph demo mesh', unit: 'ms', ...summarize(await timeIt(API_RUNS, (i) => getGraph(app.url, TIME - 60 * (i + 1)))) });
    } finally {
      app.stop();
    }
  } finally {
    await fixture.stop();
  }
  lines.push(`demo mesh: ${demo.nodes.length} nodes, ${demo.edges.length} edges, ${demo.queries.length} PromQL queries (time ${TIME})`);
  const large = await startLargePrometheus();
  let big: GraphResponse;
  try {
    const app = await startApp(large.url);
    try {
      // The warm-up asks for a moment none of the timed calls repeats, so none is answered from the query cache.
      big = await getGraph(app.url, TEST_ANCHOR - 60 * (API_RUNS + 1));
      rows.push({ name: `GET /api/graph ${REPLICAS}x mesh`, unit: 'ms', ...summarize(await timeIt(API_RUNS, (i) => getGraph(app.url, TEST_ANCHOR - 60 * (i + 1)))) });
    } finally {
      app.stop();
    }
  } finally {
    await large.stop();
  }
  lines.push(`${REPLICAS}x mesh: ${big.nodes.length} nodes, ${big.edges.length} edges, ${big.queries.length} PromQL queries (times ${TEST_ANCHOR - 60 * API_RUNS}..${TEST_ANCHOR - 60})`);
  if (big.queries.length !== demo.queries.length) throw new Error(`PromQL count differs: ${big.queries.length} at ${REPLICAS}x, ${demo.queries.length} for the demo`);
}

/** Part 2: the synthetic 1,000 / 5,000 graph, on the server alone and then as /graph's first render. */
async function benchSynthetic(rows: Row[], lines: string[]): Promise<void> {
  const vectors = syntheticVectors(SERVICES, CALLS);
  const body = syntheticResponse(vectors, TIME);
  if (body.nodes.length !== SERVICES || body.edges.length !== CALLS) throw new Error(`synthetic graph has ${body.nodes.length} nodes, ${body.edges.length} edges`);
  rows.push({ name: 'server: assembly + layout (synthetic)', unit: 'ms', ...summarize(await timeIt(LAYOUT_RUNS, () => syntheticResponse(vectors, TIME))) });
  lines.push(`synthetic graph: ${body.nodes.length} services, ${body.edges.length} calls, ${(Buffer.byteLength(JSON.stringify(body)) / 1e6).toFixed(2)} MB JSON, ${body.nodes.reduce((m, n) => Math.max(m, n.layer), 0) + 1} layers`);
  const prom = await startGraphPrometheus(vectors);
  try {
    // MESH=istio: the fake answers no detection; no query cache, so every load does the server's work.
    const app = await startApp(prom.url, { MESH: 'istio', ...NO_CACHE });
    try {
      // The app's own answer over the fake must be the synthetic graph, or the render below draws something else.
      const api = await getGraph(app.url, TIME);
      if (api.nodes.length !== SERVICES || api.edges.length !== CALLS) throw new Error(`/api/graph over the fake Prometheus: ${api.nodes.length} nodes, ${api.edges.length} edges`);
      rows.push({ name: 'GET /api/graph synthetic (fake Prom)', unit: 'ms', ...summarize(await timeIt(API_RUNS, (i) => getGraph(app.url, TIME - 60 * (i + 1)))) });
      const before = prom.graphAnswers();
      const render = await measureFirstRender(app.url, TIME, SERVICES, RENDER_RUNS);
      rows.push({ name: 'Chromium: nav start -> graph drawn', unit: 'ms', ...summarize(render.map((r) => r.drawnMs)) });
      rows.push({ name: 'Chromium: nav start -> HTML 1st byte', unit: 'ms', ...summarize(render.map((r) => r.responseStartMs)) });
      rows.push({ name: 'Chromium: HTML last byte -> drawn', unit: 'ms', ...summarize(render.map((r) => r.drawnMs - r.responseEndMs)) });
      rows.push({ name: 'Chromium: sum of long tasks', unit: 'ms', ...summarize(render.map((r) => r.longTaskMs)) });
      rows.push({ name: 'Chromium: longest task', unit: 'ms', ...summarize(render.map((r) => r.longestTaskMs)) });
      lines.push(`Chromium runs: ${render.length} fresh contexts (+1 warm-up); HTML ${((render[0]?.documentBytes ?? Number.NaN) / 1e6).toFixed(2)} MB; long tasks per load: ${render.map((r) => r.longTasks).join(', ')}`);
      lines.push(`/api/graph calls from the page before drawn: ${render.map((r) => r.apiGraphCalls).join(', ')} (0 = first render from the server's data); graph PromQL answered by the fake during the loads: ${prom.graphAnswers() - before}`);
      const others = new Map<string, number>();
      for (const c of prom.otherCalls()) others.set(c, (others.get(c) ?? 0) + 1);
      lines.push(`other calls the fake answered empty: ${[...others].map(([c, n]) => `${c} x${n}`).join(', ') || 'none'}`);
    } finally {
      app.stop();
    }
  } finally {
    await prom.stop();
  }
}

export async function benchGraphScale(): Promise<void> {
  // `next start` reads the build from MESHWATCH_DIST_DIR (next.config.js), so parallel builds can coexist.
  const dist = process.env.MESHWATCH_DIST_DIR || '.next';
  if (!existsSync(path.join(ROOT, dist, 'BUILD_ID'))) throw new Error(`Build first: MESHWATCH_DIST_DIR=${dist} npx next build`);
  console.log(`production build: ${dist}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const rows: Row[] = [];
  const lines: string[] = [];
  const failures: string[] = [];
  for (const [name, part] of [['API at ~1,000 services', benchApi], ['synthetic 1,000 / 5,000 graph', benchSynthetic]] as const) {
    try {
      await part(rows, lines);
    } catch (err) {
      failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  console.log('NOTE: in Chromium the graph is SYNTHETIC, answered by a FAKE Prometheus (graph-scale-prometheus.ts); the page is the production build, server-rendered.');
  for (const l of lines) console.log(l);
  console.log(formatTable(rows));
  console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (failures.length > 0) throw new Error(`graph-scale failed:\n${failures.join('\n')}`);
}

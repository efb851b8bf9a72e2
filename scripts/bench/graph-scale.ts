// `npm run bench -- graph-scale`: the service graph at 1,000 services.
// 1. A synthetic 1,000-service / 5,000-call mesh: server-side assembly + layout (the route's CPU work),
//    then layout + first render of /graph in Chromium with /api/graph intercepted and answered with the
//    synthetic response (the production build serves everything else, over the fixture Prometheus).
// 2. GET /api/graph over a real Prometheus holding 20 minutes of the simulator at 77 replicas
//    (1,156 services), with its PromQL count, which must equal the demo mesh's.
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
import { startApp } from './app-server';
import { measureFirstRender } from './graph-scale-browser';
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

export async function benchGraphScale(): Promise<void> {
  // `next start` reads the build from MESHWATCH_DIST_DIR (next.config.js), so parallel builds can coexist.
  const dist = process.env.MESHWATCH_DIST_DIR || '.next';
  if (!existsSync(path.join(ROOT, dist, 'BUILD_ID'))) throw new Error(`Build first: MESHWATCH_DIST_DIR=${dist} npx next build`);
  console.log(`production build: ${dist}`);
  const rows: Row[] = [];
  const vectors = syntheticVectors(SERVICES, CALLS);
  const body = syntheticResponse(vectors, TIME);
  if (body.nodes.length !== SERVICES || body.edges.length !== CALLS) throw new Error(`synthetic graph has ${body.nodes.length} nodes, ${body.edges.length} edges`);
  rows.push({ name: 'server: assembly + layout (synthetic)', unit: 'ms', ...summarize(await timeIt(LAYOUT_RUNS, () => syntheticResponse(vectors, TIME))) });
  const bytes = Buffer.byteLength(JSON.stringify(body));

  // Part 1: Chromium, and the demo mesh's API for the reference PromQL count.
  let demo: GraphResponse;
  const lines: string[] = [];
  const fixture = await startFixturePrometheus();
  try {
    const app = await startApp(fixture.url);
    try {
      demo = await getGraph(app.url, TIME);
      rows.push({ name: 'GET /api/graph demo mesh', unit: 'ms', ...summarize(await timeIt(API_RUNS, (i) => getGraph(app.url, TIME - 60 * (i + 1)))) });
      const render = await measureFirstRender(app.url, TIME, body, RENDER_RUNS);
      rows.push({ name: 'Chromium: nav start -> graph drawn', unit: 'ms', ...summarize(render.map((r) => r.drawnMs)) });
      const after = render.flatMap((r) => (r.responseEndMs === undefined ? [] : [r.drawnMs - r.responseEndMs]));
      if (after.length > 0) rows.push({ name: 'Chromium: /api/graph in -> drawn', unit: 'ms', ...summarize(after) });
      rows.push({ name: 'Chromium: sum of long tasks', unit: 'ms', ...summarize(render.map((r) => r.longTaskMs)) });
      rows.push({ name: 'Chromium: longest task', unit: 'ms', ...summarize(render.map((r) => r.longestTaskMs)) });
      lines.push(`Chromium runs: ${render.length} fresh contexts; long tasks per load: ${render.map((r) => r.longTasks).join(', ')}`);
    } finally {
      app.stop();
    }
  } finally {
    await fixture.stop();
  }

  // Part 2: the real route over ~1,000 simulated services.
  const large = await startLargePrometheus();
  let big: GraphResponse;
  try {
    const app = await startApp(large.url);
    try {
      big = await getGraph(app.url, TEST_ANCHOR - 60);
      rows.push({ name: `GET /api/graph ${REPLICAS}x mesh`, unit: 'ms', ...summarize(await timeIt(API_RUNS, (i) => getGraph(app.url, TEST_ANCHOR - 60 * (i + 1)))) });
    } finally {
      app.stop();
    }
  } finally {
    await large.stop();
  }
  if (big.queries.length !== demo.queries.length) throw new Error(`PromQL count differs: ${big.queries.length} at ${REPLICAS}x, ${demo.queries.length} for the demo`);

  console.log(`synthetic graph: ${body.nodes.length} services, ${body.edges.length} calls, ${(bytes / 1e6).toFixed(2)} MB JSON, ${body.nodes.reduce((m, n) => Math.max(m, n.layer), 0) + 1} layers`);
  console.log('NOTE: in Chromium the /api/graph response is SYNTHETIC and INTERCEPTED (page.route); the page, bundles and other APIs are the production build.');
  console.log(`demo mesh: ${demo.nodes.length} nodes, ${demo.edges.length} edges, ${demo.queries.length} PromQL queries (time ${TIME})`);
  console.log(`${REPLICAS}x mesh: ${big.nodes.length} nodes, ${big.edges.length} edges, ${big.queries.length} PromQL queries (times ${TEST_ANCHOR - 60 * API_RUNS}..${TEST_ANCHOR - 60})`);
  for (const l of lines) console.log(l);
  console.log(formatTable(rows));
}

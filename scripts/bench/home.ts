// The home page's data through the app API against the same PromQL sent straight
// to Prometheus, over the deterministic fixture history, interleaved, as a table of medians and ratios.
// A third contender marks the floor: a few lines of node:http that send the same three POSTs and
// answer a small JSON, with no routing, validation, sharing or health; what the app costs beyond it
// is the app's own software, not the HTTP hop (issue 13).
import { spawn } from 'node:child_process';
import { TEST_ANCHOR } from '../simulator/fixture';
import { FIXTURE_MESHES, startFixturePrometheus, type FixtureMesh } from '../testing/fixture-tsdb';
import { freePort, waitFor } from '../system/ports';
import { NO_CACHE, startApp, treeCpuMs, upstreamQueryCount, type BenchServer } from './app-server';
import { startLargePrometheus } from './dashboards';
import { summarize, formatTable, type Row } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 5;
const TIME = TEST_ANCHOR - 3600;
/**
 * BENCH_MESH=linkerd: the same over the Linkerd fixture (the app detects the mesh and asks its PromQL);
 * =10x: over `dashboards`' Istio mesh of ten times the services (issue 13 asks for both sizes).
 */
const MESH = process.env.BENCH_MESH ?? 'istio';
const LARGE = '10x';

/** The floor server (run with `node -e`): GET /?time=T sends QUERIES at T, as the app does, and answers their sizes. */
const FLOOR_SERVER = `
const http = require('node:http');
const prom = new URL(process.env.PROM);
const agent = new http.Agent({ keepAlive: true });
const queries = JSON.parse(process.env.QUERIES);
const ask = (query, time) => new Promise((resolve, reject) => {
  const body = new URLSearchParams({ query, time }).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) };
  const req = http.request({ host: prom.hostname, port: prom.port, path: '/api/v1/query', method: 'POST', agent, headers }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
  });
  req.on('error', reject);
  req.end(body);
});
http.createServer(async (req, res) => {
  const time = new URL(req.url, 'http://floor').searchParams.get('time');
  const answers = await Promise.all(queries.map((q) => ask(q, time)));
  const body = JSON.stringify({ series: answers.map((a) => a.data.result.length) });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

async function startFloor(prometheusUrl: string, queries: string[]): Promise<BenchServer> {
  const port = await freePort();
  const floor = spawn(process.execPath, ['-e', FLOOR_SERVER], { stdio: 'ignore', env: { ...process.env, PROM: prometheusUrl, PORT: String(port), QUERIES: JSON.stringify(queries) } });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/?time=${TIME}`)).ok, 30_000, 'the floor server');
  return { url, cpuMs: () => (floor.pid ? treeCpuMs(floor.pid) : Number.NaN), stop: () => floor.kill('SIGTERM') };
}

/** GETs `url` and reads its JSON, as a browser would; `who` names the server in the error. */
async function getJson(url: string, who: string): Promise<void> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${who} answered ${res.status}`);
  await res.json();
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export async function benchHome() {
  const meshes = [...FIXTURE_MESHES, LARGE];
  if (!meshes.includes(MESH)) throw new Error(`BENCH_MESH must be one of ${meshes.join(', ')}, got ${MESH}`);
  const prom = MESH === LARGE ? await startLargePrometheus() : await startFixturePrometheus(undefined, MESH as FixtureMesh);
  let app: BenchServer | undefined;
  let floor: BenchServer | undefined;
  try {
    app = await startApp(prom.url, NO_CACHE);
    const appUrl = app.url;
    const apiUrl = `${appUrl}/api/services?time=${TIME}&window=5m`;
    const first = (await (await fetch(apiUrl)).json()) as { queries: string[]; services: unknown[] };
    const direct = () =>
      Promise.all(
        first.queries.map(async (query) => {
          const res = await fetch(`${prom.url}/api/v1/query`, {
            method: 'POST',
            // Uncompressed, as the app asks Prometheus (PROMETHEUS_COMPRESSION=none): the faster way on loopback.
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-encoding': 'identity' },
            body: new URLSearchParams({ query, time: String(TIME) }),
          });
          await res.json();
        }),
      ).then(() => undefined);
    const viaApi = () => getJson(apiUrl, 'API');
    floor = await startFloor(prom.url, first.queries);
    const floorUrl = `${floor.url}/?time=${TIME}`;
    const viaFloor = () => getJson(floorUrl, 'the floor server');
    const before = await upstreamQueryCount(appUrl);
    await viaApi();
    const perLoad = (await upstreamQueryCount(appUrl)) - before;
    for (let i = 0; i < WARMUP; i += 1) await Promise.all([viaApi(), direct(), viaFloor()]);
    const api: number[] = [];
    const raw: number[] = [];
    const low: number[] = [];
    const ratios: number[] = [];
    const floorRatios: number[] = [];
    // Over the whole loop: each server is idle while the others are timed.
    const cpuBefore = { app: app.cpuMs(), floor: floor.cpuMs() };
    for (let i = 0; i < RUNS; i += 1) {
      const b = await timed(direct);
      // The app and the floor in alternating order, each right after its direct reference.
      for (const which of i % 2 ? (['app', 'floor'] as const) : (['floor', 'app'] as const)) {
        const t = await timed(which === 'app' ? viaApi : viaFloor);
        (which === 'app' ? api : low).push(t);
        (which === 'app' ? ratios : floorRatios).push(t / b);
      }
      raw.push(b);
    }
    const cpu = { app: app.cpuMs() - cpuBefore.app, floor: floor.cpuMs() - cpuBefore.floor };
    const rows: Row[] = [
      { name: 'GET /api/services (app)', ...summarize(api), unit: 'ms' },
      { name: `same ${first.queries.length} PromQL queries, direct`, ...summarize(raw), unit: 'ms' },
      { name: 'ratio app / direct (pairwise)', ...summarize(ratios), unit: 'x' },
      { name: 'floor: node:http, same queries', ...summarize(low), unit: 'ms' },
      { name: 'ratio floor / direct (pairwise)', ...summarize(floorRatios), unit: 'x' },
    ];
    console.log(`Home page data on the ${MESH === LARGE ? 'Istio 10x' : MESH} fixture at time=${TIME}, window 5m, ${first.services.length} services, ${RUNS} interleaved runs after ${WARMUP} warm-ups, query cache off (the app's own overhead)`);
    console.log(`PromQL queries per home page load (from the app's own metrics): ${perLoad}`);
    console.log(formatTable(rows));
    // From /proc, in 10 ms ticks: meaningful over a few hundred runs (BENCH_RUNS).
    console.log(`Server CPU per request: app ${(cpu.app / RUNS).toFixed(2)} ms, floor ${(cpu.floor / RUNS).toFixed(2)} ms`);
  } finally {
    app?.stop();
    floor?.stop();
    await prom.stop();
  }
}



// `npx tsx scripts/bench/graph-scale-ab.ts <other checkout>`: the graph-scale Chromium measurement for
// this build and another checkout's production build, interleaved run by run, so both see the same
// machine load (on a shared, busy machine absolute numbers drift by several times between minutes).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, waitFor } from '../system/ports';
import { TEST_ANCHOR } from '../simulator/fixture';
import { NO_CACHE, startApp } from './app-server';
import { measureFirstRender, type RenderRun } from './graph-scale-browser';
import { syntheticVectors } from './graph-scale-data';
import { startGraphPrometheus } from './graph-scale-prometheus';
import { formatTable, summarize, type Row } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SERVICES = 1000;
const CALLS = 5000;
const TIME = TEST_ANCHOR - 3600;

/** `next start` in another checkout, on its own `.next` (MESHWATCH_DIST_DIR is not passed on). */
async function startOther(root: string, prometheusUrl: string): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PROMETHEUS_URL: prometheusUrl, MESH: 'istio', ...NO_CACHE };
  delete env.MESHWATCH_DIST_DIR;
  const app = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, stdio: 'ignore', env });
  await waitFor(async () => (await fetch(`${url}/api/healthz`)).ok, 120_000, 'the other app');
  return { url, stop: () => app.kill('SIGTERM') };
}

function rows(name: string, runs: RenderRun[]): Row[] {
  return [
    { name: `${name}: nav start -> drawn`, unit: 'ms', ...summarize(runs.map((r) => r.drawnMs)) },
    { name: `${name}: HTML last byte -> drawn`, unit: 'ms', ...summarize(runs.map((r) => r.drawnMs - r.responseEndMs)) },
    { name: `${name}: sum of long tasks`, unit: 'ms', ...summarize(runs.map((r) => r.longTaskMs)) },
    { name: `${name}: longest task`, unit: 'ms', ...summarize(runs.map((r) => r.longestTaskMs)) },
  ];
}

async function main() {
  const other = process.argv[2];
  if (!other) throw new Error('usage: graph-scale-ab.ts <path of the other checkout, built with next build>');
  // Both builds over the same fake Prometheus answering the synthetic graph (graph-scale-prometheus.ts).
  const prom = await startGraphPrometheus(syntheticVectors(SERVICES, CALLS));
  const mine = await startApp(prom.url, { MESH: 'istio', ...NO_CACHE });
  const theirs = await startOther(path.resolve(other), prom.url);
  const results = { this: [] as RenderRun[], other: [] as RenderRun[] };
  try {
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so neither always follows the other's garbage.
      const order = i % 2 === 0 ? (['this', 'other'] as const) : (['other', 'this'] as const);
      for (const which of order) results[which].push(...(await measureFirstRender(which === 'this' ? mine.url : theirs.url, TIME, SERVICES, 1)));
    }
  } finally {
    mine.stop();
    theirs.stop();
    await prom.stop();
  }
  console.log(`interleaved runs: ${RUNS} each, synthetic ${SERVICES} services / ${CALLS} calls; other = ${other}`);
  console.log(formatTable([...rows('this build', results.this), ...rows('other build', results.other)]));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

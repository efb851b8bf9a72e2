// `npm run bench -- slo-scale`: the status of 1,000 SLOs (GET /api/slos-status, what /slos loads)
// through the app over the fixture history, with the query cache off, so each run computes: wall time,
// PromQL calls, SLOs evaluated. Issue 13 asks it to stay under 2 s. No recording rules are loaded, so
// every figure comes from the grouped raw-counter queries (the heavier path).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createModel } from '../simulator';
import { TEST_ANCHOR, TEST_SEED } from '../simulator/fixture';
import { startFixturePrometheus } from '../testing/fixture-tsdb';
import { NO_CACHE, startApp, upstreamQueryCount } from './app-server';
import { formatTable, summarize } from './stats';

const COUNT = Number(process.env.BENCH_SLOS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TIME = TEST_ANCHOR - 3600;

export async function benchSloScale(): Promise<void> {
  const services = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR }).truth(TIME - 3600, TIME).services.map((s) => s.id);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-slo-scale-'));
  const db = path.join(dir, 'slos.db');
  // The store is server-only: written by a child under the `react-server` condition (slo-scale-store.ts).
  const wrote = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(__dirname, 'slo-scale-store.ts'), db, String(COUNT), services.join(',')], { stdio: 'inherit' });
  if (wrote.status !== 0) throw new Error(`writing ${COUNT} SLOs failed (${wrote.status})`);
  const prom = await startFixturePrometheus();
  const app = await startApp(prom.url, { ...NO_CACHE, MESHWATCH_DB: db, MESHWATCH_RULES_FILE: '' });
  try {
    const times: number[] = [];
    let queries = 0;
    let evaluated = 0;
    for (let i = 0; i <= RUNS; i++) {
      const before = await upstreamQueryCount(app.url);
      const started = performance.now();
      const res = await fetch(`${app.url}/api/slos-status?time=${TIME - i * 60}`);
      const body = (await res.json()) as { statuses?: unknown[]; errors?: unknown[] };
      const ms = performance.now() - started;
      if (!res.ok) throw new Error(`/api/slos-status answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      // The first run warms the process (mesh detection, the store); it is not counted.
      if (i === 0) continue;
      times.push(ms);
      queries = (await upstreamQueryCount(app.url)) - before;
      evaluated = body.statuses?.length ?? 0;
    }
    console.log(`${COUNT} SLOs (availability and latency over ${services.length} services, windows of 7, 28 and 30 days), ${RUNS} runs at distinct minutes, query cache off`);
    console.log(`PromQL calls per status of all: ${queries}; SLOs with a status: ${evaluated}`);
    console.log(formatTable([{ name: `GET /api/slos-status, ${COUNT} SLOs`, unit: 'ms', ...summarize(times) }]));
  } finally {
    app.stop();
    await prom.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

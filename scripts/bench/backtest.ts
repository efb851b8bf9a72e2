// `npm run bench -- backtest`: time to backtest 30 days of one SLO, and of 100 SLOs one by one
// (backtestSlo) and in bulk (backtestMany: grouped queries, then the engine per SLO), against a
// Prometheus over the fixture history; medians and PromQL request counts.
// Measured 2026-11-23 on 2 shared CPUs, BENCH_RUNS=3: 1 SLO median 0.86 s, 37 requests; 100 SLOs one
// by one 93.5 s (3,748 requests), in bulk median 48.0 s (36 requests). A profiled bulk run (58 s) spent 43 s
// on the grouped queries (Prometheus, and parsing 13 services' series) and 15 s in the engine for 100
// SLOs. An earlier run under load ~10, before the engine worked out the budget fraction once per
// window: 273 s one by one, 98 s bulk. Running 4 SLOs at a time (dropped) took longer than one by one
// (299 s vs 222 s): Prometheus and the engine share the two cores.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startFixturePrometheus } from '../testing/fixture-tsdb';

const ROOT = path.resolve(__dirname, '../..');

export async function benchBacktest(): Promise<void> {
  const prom = await startFixturePrometheus();
  try {
    // The worker needs the `react-server` condition (see backtest-worker.ts), which only a new Node can get.
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(__dirname, 'backtest-worker.ts'), prom.url], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`the backtest benchmark worker exited with ${code}`);
  } finally {
    await prom.stop();
  }
}

// `npm run bench -- backtest`: time to backtest 30 days of one SLO, and of 100 SLOs one by one
// (backtestSlo) and in bulk (backtestMany: grouped queries, then the engine per SLO), against a
// Prometheus over the fixture history; medians and PromQL request counts.
// Measured 2026-11-23 on 2 shared CPUs, BENCH_RUNS=3, with long windows sampled every window/60: 1 SLO
// median 0.86 s, 37 requests; 100 SLOs one by one 93.5 s (3,748 requests), in bulk median 48.0 s (36
// requests). Issue 11 reads each count once per minute and per 5 minutes and derives every window by
// prefix sums; measured 2026-12-02 back to back on the same machine under a load of 15-25 from other
// work (so both far above the quiet figures), BENCH_RUNS=3: before, 1 SLO median 4.67 s (37 requests),
// one by one 498 s (3,748), bulk 398 s (36); after, 1 SLO median 0.72 s (9 requests), one by one 66.9 s
// (948), bulk 55.3 s (14); again after merging main, load 13 falling to 7: 1 SLO 0.54 s, one by one
// 41.1 s, bulk 25.6 s. The engine takes about 0.1 s per SLO (30 days, 60 days of minutes); the
// rest of a bulk run is Prometheus evaluating the grouped queries and the client parsing ~5M points.
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

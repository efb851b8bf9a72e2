// `npm run bench -- backtest`: time to backtest 30 days of one SLO, and of 100 SLOs (sequentially and
// 4 at a time), against a Prometheus over the fixture history; medians and PromQL request counts.
// Measured 2026-11-23 on 2 shared CPUs (load ~15 from parallel work): 1 SLO median 2.7 s, 37 requests;
// 100 SLOs 222 s sequential (median 2.0 s each, 3,748 requests), 299 s 4 at a time: Prometheus and the
// engine share the two cores, so concurrency does not help there.
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

// Starts the production build (`next start`) against a given Prometheus, for benchmarks.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, waitFor } from '../system/ports';

const ROOT = path.resolve(__dirname, '../..');

/** `env` adds to the environment, e.g. MESHWATCH_QUERY_CACHE_MB=0 to time the app without its cache. */
/** A server a bench started: where it listens, the CPU its processes have used so far (ms), and how to stop it. */
export interface BenchServer {
  url: string;
  cpuMs(): number;
  stop(): void;
}

export async function startApp(prometheusUrl: string, env: Record<string, string> = {}): Promise<BenchServer> {
  // `next start` serves MESHWATCH_DIST_DIR's build (next.config.js), e.g. another branch's beside this one.
  if (!existsSync(path.join(ROOT, process.env.MESHWATCH_DIST_DIR || '.next', 'BUILD_ID'))) throw new Error('Build first: npx next build');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    // BENCH_APP_LOG=file keeps the server's output, e.g. to find why it stopped during a bench.
    stdio: process.env.BENCH_APP_LOG ? ['ignore', openSync(process.env.BENCH_APP_LOG, 'a'), openSync(process.env.BENCH_APP_LOG, 'a')] : 'ignore',
    env: { ...process.env, PROMETHEUS_URL: prometheusUrl, ...env },
  });
  await waitFor(async () => (await fetch(`${url}/api/healthz`)).ok, 120_000, 'the app');
  return { url, cpuMs: () => (app.pid ? treeCpuMs(app.pid) : Number.NaN), stop: () => app.kill('SIGTERM') };
}

/** PromQL calls the app has sent to Prometheus so far (answers from its cache or a shared flight not counted). */
export async function upstreamQueryCount(appUrl: string): Promise<number> {
  const text = await (await fetch(`${appUrl}/api/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('meshwatch_prometheus_request_duration_seconds_count'))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

/** Without the query cache the benchmarks time the app's own work, not answers it already holds. */
export const NO_CACHE = { MESHWATCH_QUERY_CACHE_MB: '0' };

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

/**
 * CPU time (user + system, ms) the process `pid` and its descendants have used so far, from /proc (Linux):
 * on a machine shared with other work, the app's own CPU per request is a steadier measure than wall time.
 */
export function treeCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  // `children` needs CONFIG_PROC_CHILDREN; without it, the process alone is counted.
  const listed = existsSync(`/proc/${pid}/task/${pid}/children`) ? readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8') : '';
  const children = listed.split(' ').filter(Boolean).map(Number);
  return own + children.reduce((sum, child) => sum + (existsSync(`/proc/${child}`) ? treeCpuMs(child) : 0), 0);
}

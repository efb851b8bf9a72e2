// Starts the production build (`next start`) against a given Prometheus, for benchmarks.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, waitFor } from '../system/ports';

const ROOT = path.resolve(__dirname, '../..');

/** `env`: extra variables for the app (e.g. its own SLO store). */
export async function startApp(prometheusUrl: string, env: Record<string, string> = {}): Promise<{ url: string; stop(): void }> {
  if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) throw new Error('Build first: npx next build');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, ...env, PROMETHEUS_URL: prometheusUrl },
  });
  await waitFor(async () => (await fetch(`${url}/api/healthz`)).ok, 120_000, 'the app');
  return { url, stop: () => app.kill('SIGTERM') };
}

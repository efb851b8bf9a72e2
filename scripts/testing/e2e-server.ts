// Playwright's web server: a fixture Prometheus plus the production build (`next start`), and a
// loopback control endpoint that stops and restarts that Prometheus so tests can see outages for real.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { ensureSystemPackages } from '../system/deps';
import type { PrometheusProcess } from '../system/prometheus';
import { copyFixture, startOnCopy } from './fixture-tsdb';
import { E2E_PORTS } from './e2e-ports';
import { REGIONS_SETTING } from '../simulator/topology';

const ROOT = path.resolve(__dirname, '../..');

async function main() {
  ensureSystemPackages(['prometheus']);
  const distDir = process.env.MESHWATCH_DIST_DIR || '.next';
  if (!existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) {
    throw new Error(`No production build in ${distDir}: run \`npx next build\` first (npm test does it).`);
  }
  const copy = await copyFixture();
  // A fresh SLO store per run, so e2e SLOs never leak into .data/ or between runs.
  const dbDir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-e2e-db-'));
  let prom: PrometheusProcess | null = await startOnCopy(copy, E2E_PORTS.prometheus);
  const app = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(E2E_PORTS.app), '-H', '127.0.0.1'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      PROMETHEUS_URL: `http://127.0.0.1:${E2E_PORTS.prometheus}`,
      PROMETHEUS_TIMEOUT_MS: '5000',
      MESHWATCH_DB: path.join(dbDir, 'meshwatch.db'),
      // The browser is the demo editor; a viewer token (e2e/pages/slo-auth.ts) checks the read-only path.
      MESHWATCH_DEMO_EDITOR: 'true',
      MESHWATCH_API_TOKENS: 'e2e-editor-token:editor,e2e-viewer-token:viewer',
      // e2e/security.spec.ts puts a sign-in proxy on loopback in front of the app.
      MESHWATCH_AUTH_USER_HEADER: 'X-Forwarded-User',
      MESHWATCH_AUTH_GROUPS_HEADER: 'X-Forwarded-Groups',
      MESHWATCH_GROUP_ROLES: 'sre:editor',
      MESHWATCH_TRUSTED_PROXIES: '127.0.0.1',
      // The fixture's clusters and their regions, as in the demo.
      MESHWATCH_REGIONS: REGIONS_SETTING,
    },
  });
  const control = http.createServer((req, res) => {
    const done = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    void (async () => {
      if (req.method === 'POST' && req.url === '/prometheus/stop') {
        await prom?.stop();
        prom = null;
        return done(200, { prometheus: 'stopped' });
      }
      if (req.method === 'POST' && req.url === '/prometheus/start') {
        prom ??= await startOnCopy(copy, E2E_PORTS.prometheus);
        return done(200, { prometheus: 'running' });
      }
      return done(404, { error: 'unknown control action' });
    })().catch((err: unknown) => done(500, { error: String(err) }));
  });
  control.listen(E2E_PORTS.control, '127.0.0.1');
  const shutdown = async () => {
    control.close();
    app.kill('SIGTERM');
    await prom?.stop();
    copy.remove();
    rmSync(dbDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  app.on('exit', (code) => {
    console.error(`next start exited with ${code}`);
    void shutdown();
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

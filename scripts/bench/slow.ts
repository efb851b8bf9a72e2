// `npm run bench -- slow`: the app in front of a Prometheus that takes BENCH_SLOW_MS (4.5 s) to answer
// every call (a delaying proxy before the fixture Prometheus). Each API call of each page (dashboards,
// SLO list and detail, backtest, graph, report), loaded once with nothing cached: how long each took
// and what it answered. A request whose queries run one stage after another takes a multiple of the
// delay; the goal is about one.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { TEST_ANCHOR } from '../simulator/fixture';
import { startFixturePrometheus } from '../testing/fixture-tsdb';
import { startApp } from './app-server';
import { panelUrls } from './dashboards';

const DELAY_MS = Number(process.env.BENCH_SLOW_MS ?? 4_500);
const END = TEST_ANCHOR - 7_200;

/** Forwards every request to `target` after `delayMs`, as a slow Prometheus would answer. */
async function startDelayingProxy(target: string, delayMs: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      try {
        const upstream = await fetch(`${target}${req.url}`, {
          method: req.method,
          headers: { 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded' },
          body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
        });
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await upstream.arrayBuffer()));
      } catch {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const SLO = { name: 'bench-cart', service: 'cart', namespace: 'shop', team: 'bench', indicator: { type: 'availability' }, objective: 99.5, window: '30d' };

export async function benchSlow(): Promise<void> {
  const prom = await startFixturePrometheus();
  const proxy = await startDelayingProxy(prom.url, DELAY_MS);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-bench-slow-'));
  const app = await startApp(proxy.url, { MESHWATCH_DB: path.join(dir, 'slos.db'), MESHWATCH_DEMO_EDITOR: '1', MESH: 'istio' });
  const rows: string[] = [];
  try {
    const created = await fetch(`${app.url}/api/slos`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SLO) });
    if (!created.ok) throw new Error(`creating the bench SLO answered ${created.status}`);
    const calls: Array<[string, string]> = [
      ['home', `${app.url}/api/services?time=${END}&window=5m`],
      ...(['executive', 'oncall', 'debug'] as const).flatMap((d, i) => panelUrls(app.url, d, END - (i + 1) * 60).map((u): [string, string] => [d, u])),
      // Each page at instants of its own, so no page reads answers an earlier one left in the app's cache
      // (the home page's service verdicts evaluate every SLO at END, the executive's at END - 60).
      ['slos', `${app.url}/api/slos-status?time=${END - 240}`],
      ['slo', `${app.url}/api/slos/${SLO.name}/status?time=${END - 300}`],
      ['slo', `${app.url}/api/slos/${SLO.name}/budget?time=${END - 300}`],
      ['backtest', `${app.url}/api/slos/${SLO.name}/backtest?from=${END - 86_400}&to=${END - 360}`],
      ['graph', `${app.url}/api/graph?window=5m&time=${END - 420}`],
      ['report', `${app.url}/api/report?from=${END - 7 * 86_400}&to=${END - 480}`],
    ];
    // One page at a time, its calls in parallel as the browser makes them.
    for (const page of ['home', 'executive', 'oncall', 'debug', 'slos', 'slo', 'backtest', 'graph', 'report']) {
      const mine = calls.filter(([p]) => p === page);
      const results = await Promise.all(
        mine.map(async ([, url]) => {
          const started = performance.now();
          const res = await fetch(url);
          const bytes = (await res.arrayBuffer()).byteLength;
          return { url, ms: performance.now() - started, status: res.status, bytes };
        }),
      );
      for (const r of results) {
        const name = new URL(r.url).pathname.replace('/api/', '');
        rows.push(`${page.padEnd(10)} ${name.padEnd(42)} ${String(r.status).padStart(6)} ${(r.ms / 1000).toFixed(1).padStart(7)} s ${(r.ms / DELAY_MS).toFixed(1).padStart(6)}x ${String(r.bytes).padStart(8)}`);
      }
    }
  } finally {
    app.stop();
    proxy.server.closeAllConnections();
    proxy.server.close();
    await prom.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Every Prometheus answer delayed ${DELAY_MS} ms; each page loaded once, nothing cached; the request deadline is the default`);
  console.log(`${'page'.padEnd(10)} ${'API call'.padEnd(42)} ${'status'.padStart(6)} ${'time'.padStart(9)} ${'delays'.padStart(7)} ${'bytes'.padStart(8)}`);
  for (const row of rows) console.log(row);
}

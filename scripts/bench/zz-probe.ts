import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { TEST_ANCHOR } from '../simulator/fixture';
import { startFixturePrometheus } from '../testing/fixture-tsdb';
import { startApp } from './app-server';
import { panelUrls } from './dashboards';
const DELAY_MS = Number(process.env.BENCH_SLOW_MS ?? 4_500);
const END = TEST_ANCHOR - 7_200;
const log: string[] = [];
async function startDelayingProxy(target: string, delayMs: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const t0 = Date.now();
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded' }, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined });
      log.push(`${t0 % 100000} ${req.url} ${decodeURIComponent(Buffer.concat(chunks).toString()).slice(0, 160)}`);
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
const SLO = { name: 'bench-cart', service: 'cart', namespace: 'shop', team: 'bench', indicator: { type: 'availability' }, objective: 99.5, window: '30d' };
async function main() {
  const prom = await startFixturePrometheus();
  const proxy = await startDelayingProxy(prom.url, DELAY_MS);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-probe-'));
  const app = await startApp(proxy.url, { MESHWATCH_DB: path.join(dir, 'slos.db'), MESHWATCH_DEMO_EDITOR: '1', MESH: 'istio', ...(process.env.NOCACHE ? { MESHWATCH_QUERY_CACHE_MB: '0' } : {}) });
  await fetch(`${app.url}/api/slos`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SLO) });
  const urls = (process.env.URLS ?? 'status').split(',').map((u) => u === 'status' ? `${app.url}/api/slos/${SLO.name}/status?time=${END}` : u.startsWith('panel:') ? panelUrls(app.url, u.split(':')[1] as 'oncall', END).find((x) => x.includes(u.split(':')[2] ?? 'zz'))! : `${app.url}${u}`);
  for (const url of urls) {
    log.push(`--- ${url}`);
    const t = performance.now();
    const res = await fetch(url);
    const body = await res.text();
    log.push(`${res.status} ${((performance.now() - t) / DELAY_MS).toFixed(2)}x ${body.slice(0, 300)}`);
  }
  app.stop(); proxy.server.closeAllConnections(); proxy.server.close(); await prom.stop();
  console.log(log.join('\n'));
  process.exit(0);
}
void main();

// By hand: `npx tsx scripts/simulator/prometheus-check.ts [--keep]`. Backfills the test history into
// a throwaway Prometheus and compares its 1h error ratios and request counts with the model's truth.
// Not a unit test; the integration harness (scripts/testing) does this properly for the app.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_ANCHOR, TEST_HISTORY_DAYS, TEST_SEED } from './fixture';
import { createModel } from './model';
import { writeHistory } from './openmetrics';

const HOUR = 3600;
const DAY = 86_400;
const ERRORS = 'istio_requests_total{reporter="destination",response_code=~"5..|0"}';
const TOTAL = 'istio_requests_total{reporter="destination"}';
const RATIO_QUERY = `sum(increase(${ERRORS}[1h])) by (destination_service_name) / sum(increase(${TOTAL}[1h])) by (destination_service_name)`;
const REQUESTS_QUERY = `sum(increase(${TOTAL}[1h])) by (destination_service_name)`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(base: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/-/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Prometheus at ${base} not ready after ${timeoutMs} ms`);
}

async function instant(base: string, query: string, time: number): Promise<Map<string, number>> {
  const body = new URLSearchParams({ query, time: String(time) });
  const res = await fetch(`${base}/api/v1/query`, { method: 'POST', body });
  const json = (await res.json()) as { status: string; error?: string; data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
  if (json.status !== 'success' || !json.data) throw new Error(`query failed: ${json.error ?? res.status}`);
  return new Map(json.data.result.map((r) => [r.metric.destination_service_name ?? '', Number(r.value[1])]));
}

function relative(actual: number | undefined, expected: number | null): number {
  if (expected === null) return actual === undefined || Number.isNaN(actual) ? 0 : Infinity;
  if (actual === undefined) return Infinity;
  if (expected === 0) return actual === 0 ? 0 : Infinity;
  return Math.abs(actual - expected) / expected;
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const dir = mkdtempSync(path.join(tmpdir(), 'meshwatch-prom-check-'));
  const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR });
  const event = (id: string) => model.timeline.find((e) => e.id === id);
  const outage = event('payments-outage');
  const storm = event('catalog-retry-storm');
  const deploy = event('catalog-deploy');
  if (!outage?.end || !storm?.end || !deploy) throw new Error('timeline incomplete');

  const file = path.join(dir, 'history.om');
  const stats = await writeHistory({ model, from: TEST_ANCHOR - TEST_HISTORY_DAYS * DAY, to: TEST_ANCHOR, outFile: file });
  console.log(`history: ${(stats.bytes / 1e6).toFixed(0)} MB, ${stats.lines} lines, ${stats.series} series in ${stats.seconds.toFixed(1)} s`);
  const data = path.join(dir, 'data');
  const started = Date.now();
  const backfill = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=720h', file, data], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (backfill.status !== 0) throw new Error(`promtool exited with ${backfill.status}`);
  console.log(`promtool backfill: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  rmSync(file);

  const config = path.join(dir, 'prometheus.yml');
  writeFileSync(config, 'global:\n  scrape_interval: 15s\nscrape_configs: []\n');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const prometheus = spawn(
    'prometheus',
    [`--config.file=${config}`, `--storage.tsdb.path=${data}`, '--storage.tsdb.retention.time=100y', `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  prometheus.stderr.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  try {
    await waitReady(base, 60_000);
    const cases: Array<[string, number]> = [
      ['quiet, 25 days back (300 s samples)', TEST_ANCHOR - 25 * DAY],
      ['quiet, 10 days back (300 s samples)', TEST_ANCHOR - 10 * DAY],
      ['payments outage, 30 min in', outage.start + 30 * 60],
      ['payments outage, at its end', outage.end],
      ['30 min after catalog v2 deploy', deploy.start + 30 * 60],
      ['retry storm, at its end', storm.end],
      ['cart slow burn, anchor - 2h', TEST_ANCHOR - 2 * HOUR],
      ['cart slow burn, off-grid (anchor - 2h + 37s)', TEST_ANCHOR - 2 * HOUR + 37],
    ];
    for (const [label, time] of cases) {
      const truth = model.truth(time - HOUR, time);
      const ratios = await instant(base, RATIO_QUERY, time);
      const requests = await instant(base, REQUESTS_QUERY, time);
      console.log(`\n${label} (time=${time})`);
      let worstRatio = 0;
      let worstRequests = 0;
      for (const s of truth.services) {
        const r = relative(ratios.get(s.service), s.errorRatio);
        const q = relative(requests.get(s.service), s.requests);
        worstRatio = Math.max(worstRatio, r);
        worstRequests = Math.max(worstRequests, q);
        if (s.errorRatio !== null && (s.errorRatio > 0.001 || r > 1e-3)) {
          console.log(`  ${s.id.padEnd(24)} ratio prom=${ratios.get(s.service)?.toFixed(6)} truth=${s.errorRatio.toFixed(6)} rel=${r.toExponential(2)}`);
        }
      }
      console.log(`  worst relative difference over ${truth.services.length} services: error ratio ${worstRatio.toExponential(2)}, requests ${worstRequests.toExponential(2)}`);
    }
  } catch (error) {
    console.error(log);
    throw error;
  } finally {
    prometheus.kill('SIGTERM');
    await new Promise((r) => prometheus.once('exit', r));
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

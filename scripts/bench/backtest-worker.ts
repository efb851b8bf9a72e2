// The measuring half of `npm run bench -- backtest`. lib/slo/backtest-run.ts is server-only (like
// everything that talks to Prometheus), so backtest.ts runs this file under Node's `react-server`
// condition, where `import 'server-only'` is an empty module, as inside Next's server.
import { istioSli } from '@/lib/mesh';
import { createPrometheusClient } from '@/lib/prometheus';
import { backtestMany } from '@/lib/slo-engine/backtest-many';
import { backtestSlo } from '@/lib/slo-engine/backtest-run';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import { createModel } from '../simulator';
import { TEST_ANCHOR, TEST_HISTORY_DAYS, TEST_SEED } from '../simulator/fixture';
import { formatTable, summarize, type Row } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLO_COUNT = 100;
const FROM = TEST_ANCHOR - TEST_HISTORY_DAYS * 86_400;

/** 100 specs over the fixture's HTTP services: availability and latency SLIs at several objectives. */
function specs(): SloSpec[] {
  const services = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR }).services.filter((s) => s.protocol === 'http' && s.kind !== 'gateway');
  const kinds = [
    { indicator: { type: 'availability' }, objective: 99.9 },
    { indicator: { type: 'availability' }, objective: 99.5 },
    { indicator: { type: 'latency', thresholdMs: 250 }, objective: 99 },
    { indicator: { type: 'latency', thresholdMs: 100 }, objective: 95 },
    { indicator: { type: 'availability' }, objective: 99.99 },
    { indicator: { type: 'latency', thresholdMs: 500 }, objective: 99.9 },
    { indicator: { type: 'availability' }, objective: 99 },
    { indicator: { type: 'latency', thresholdMs: 1000 }, objective: 99.5 },
  ];
  return Array.from({ length: SLO_COUNT }, (_, i) => {
    const s = services[i % services.length];
    const k = kinds[Math.floor(i / services.length) % kinds.length];
    if (!s || !k) throw new Error('no services in the model');
    return sloSpecSchema.parse({ name: `bench-${i}`, service: s.name, namespace: s.namespace, team: s.team, ...k, window: '30d' });
  });
}

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const out = await run();
  return [performance.now() - started, out];
}

async function main() {
  const client = createPrometheusClient({ baseUrl: process.argv[2] ?? '', timeoutMs: 300_000 });
  const one = (spec: SloSpec) => backtestSlo(spec, { client, from: FROM, to: TEST_ANCHOR, sli: istioSli });
  const all = specs();
  const first = all[0] as SloSpec;
  await one(first); // warm Prometheus' page cache

  const single: number[] = [];
  let singleQueries = 0;
  for (let r = 0; r < RUNS; r++) {
    const [ms, { queryCount }] = await timed(() => one(first));
    single.push(ms);
    singleQueries = queryCount;
  }

  const perSlo: number[] = [];
  let queries = 0;
  const [sequential] = await timed(async () => {
    for (const spec of all) {
      const [ms, { queryCount }] = await timed(() => one(spec));
      perSlo.push(ms);
      queries += queryCount;
    }
  });
  // The bulk path: grouped queries for all 100 SLOs, then the engine per SLO.
  const bulk: number[] = [];
  let bulkQueries = 0;
  let bulkFailed = 0;
  for (let r = 0; r < RUNS; r++) {
    const [ms, out] = await timed(() => backtestMany(all, { client, from: FROM, to: TEST_ANCHOR, sli: istioSli }));
    bulk.push(ms);
    bulkQueries = out.queryCount;
    bulkFailed = out.backtests.filter((b) => b.error).length;
  }

  const rows: Row[] = [
    { name: `1 SLO, 30 days (${RUNS} runs)`, unit: 'ms', ...summarize(single) },
    { name: `100 SLOs sequential: per SLO`, unit: 'ms', ...summarize(perSlo) },
    { name: `100 SLOs bulk (${RUNS} runs)`, unit: 'ms', ...summarize(bulk) },
  ];
  console.log(formatTable(rows));
  console.log(`1 SLO: ${singleQueries} PromQL requests (range-query chunks + recorded-series check)`);
  console.log(`100 SLOs sequential: ${(sequential / 1000).toFixed(1)} s total, ${queries} PromQL requests`);
  console.log(`100 SLOs bulk: ${bulkQueries} PromQL requests, ${bulkFailed} SLOs failed`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

// The measuring half of `npm run bench -- backtest`. lib/slo/backtest-run.ts is server-only (like
// everything that talks to Prometheus), so backtest.ts runs this file under Node's `react-server`
// condition, where `import 'server-only'` is an empty module, as inside Next's server.
import { createPrometheusClient } from '@/lib/prometheus';
import { backtestSlo } from '@/lib/slo/backtest-run';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import { createModel } from '../simulator';
import { TEST_ANCHOR, TEST_HISTORY_DAYS, TEST_SEED } from '../simulator/fixture';
import { formatTable, summarize, type Row } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** SLOs backtested at once in the concurrent run; each keeps its own 4 queries in flight. */
const SLO_CONCURRENCY = 4;
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
  const one = (spec: SloSpec) => backtestSlo(spec, { client, from: FROM, to: TEST_ANCHOR });
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
  let next = 0;
  const [concurrent] = await timed(() =>
    Promise.all(
      Array.from({ length: SLO_CONCURRENCY }, async () => {
        while (next < all.length) {
          const spec = all[next++];
          if (spec) await one(spec);
        }
      }),
    ),
  );

  const rows: Row[] = [
    { name: `1 SLO, 30 days (${RUNS} runs)`, unit: 'ms', ...summarize(single) },
    { name: `100 SLOs sequential: per SLO`, unit: 'ms', ...summarize(perSlo) },
  ];
  console.log(formatTable(rows));
  console.log(`1 SLO: ${singleQueries} PromQL requests (range-query chunks + recorded-series check)`);
  console.log(`100 SLOs sequential: ${(sequential / 1000).toFixed(1)} s total, ${queries} PromQL requests`);
  console.log(`100 SLOs, ${SLO_CONCURRENCY} at a time: ${(concurrent / 1000).toFixed(1)} s total`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

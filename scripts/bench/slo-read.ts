// `npm run bench -- slo-read`: SLO status read from the recording rules' series against the raw
// counters, over a Prometheus holding the fixture history plus 2 hours of backfilled recorded series.
// Measured per path: queries sent, wall time of the whole plan (4 in flight, as evaluate.ts), and the
// samples Prometheus itself reports loading (`stats=all`, totalQueryableSamples).
import { istioSli } from '../../lib/mesh';
import { planCountQueries, type CountQuery } from '../../lib/slo-engine/bulk-queries';
import { planRecordedQuery } from '../../lib/slo-engine/recorded-read';
import { sloSpecSchema, type SloSpec } from '../../lib/slo/spec';
import { createModel } from '../simulator';
import { TEST_ANCHOR, TEST_SEED } from '../simulator/fixture';
import { startRecordedFixture } from '../testing/recorded-fixture';
import { formatTable, summarize, type Row } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Same as raw-read.ts's QUERY_CONCURRENCY. */
const CONCURRENCY = 4;
const TIME = TEST_ANCHOR - 3600;

interface QueryStats {
  ms: number;
  samples: number;
}

async function runQuery(url: string, q: CountQuery): Promise<number> {
  const body = new URLSearchParams({ query: q.query, time: String(TIME), stats: 'all' });
  const res = await fetch(`${url}/api/v1/query`, { method: 'POST', body });
  const json = (await res.json()) as { status: string; error?: string; data?: { stats?: { samples?: { totalQueryableSamples?: number } } } };
  if (json.status !== 'success') throw new Error(`${q.id}: ${json.error ?? res.status}`);
  return json.data?.stats?.samples?.totalQueryableSamples ?? 0;
}

async function runPlan(url: string, queries: CountQuery[]): Promise<QueryStats> {
  const t0 = performance.now();
  let next = 0;
  let samples = 0;
  const worker = async () => {
    while (next < queries.length) {
      const q = queries[next++];
      if (q) samples += await runQuery(url, q);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queries.length) }, worker));
  return { ms: performance.now() - t0, samples };
}

async function measure(url: string, name: string, queries: CountQuery[]): Promise<{ row: Row; samples: number; count: number }> {
  await runPlan(url, queries); // warm the page cache
  const runs: QueryStats[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runPlan(url, queries));
  return { row: { name, unit: 'ms', ...summarize(runs.map((r) => r.ms)) }, samples: runs[0]?.samples ?? 0, count: queries.length };
}

export async function benchSloRead(): Promise<void> {
  const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR });
  const services = model.truth(TIME - 3600, TIME).services.map((s) => s.id);
  const spec = (id: string, latency: boolean): SloSpec => {
    const [namespace = '', service = ''] = id.split('/');
    const indicator = latency ? { type: 'latency', thresholdMs: 100 } : { type: 'availability' };
    return sloSpecSchema.parse({ name: `${service}-${latency ? 'latency' : 'availability'}`, service, namespace, team: 't', indicator, objective: 99.9, window: '30d' });
  };
  const all = services.flatMap((id) => [spec(id, false), spec(id, true)]);
  const one = all.filter((s) => s.name === 'cart-availability');
  const t0 = performance.now();
  const prom = await startRecordedFixture(all, TEST_ANCHOR - 7200, TEST_ANCHOR);
  console.log(`${all.length} SLOs (availability + latency for ${services.length} services); recorded series backfilled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    const results = [];
    for (const [label, specs] of [['1 SLO', one], [`${all.length} SLOs`, all]] as const) {
      const recorded = planRecordedQuery(specs);
      if (!recorded) throw new Error('nothing recorded');
      results.push(await measure(prom.url, `${label}, raw counters`, planCountQueries(specs, istioSli)));
      results.push(await measure(prom.url, `${label}, recorded series`, [recorded]));
    }
    console.log(formatTable(results.map((r) => r.row)));
    for (const r of results) console.log(`${r.row.name.padEnd(40)} ${String(r.count).padStart(3)} queries, ${r.samples.toLocaleString('en-US')} samples loaded`);
  } finally {
    await prom.stop();
  }
}

// `npm run bench -- graph`: the service graph's cost.
// 1. The demo mesh over the fixture history: the graph's PromQL (run against a fixture Prometheus,
//    the same queries /api/graph sends, in parallel as the route does) + assembly + layout, the
//    number of queries, and GET /api/graph on the production build for the same minutes.
// 2. The pure layout on a synthetic 1,000-service / 5,000-edge graph, repeated, median.
// `lib/prometheus` is server-only (it throws outside Next's server), so this calls the HTTP API directly.
import { assembleGraph, emptyVectors, layeredLayout, type GraphVectors, type VectorSample } from '../../lib/graph';
import { GRAPH_QUERY_NAMES, istioAdapter } from '../../lib/mesh';
import { TEST_ANCHOR } from '../simulator/fixture';
import { startFixturePrometheus } from '../testing/fixture-tsdb';
import { startApp } from './app-server';
import { formatTable, summarize, type Row } from './stats';

const RUNS = 15;
const LAYOUT_RUNS = 21;

async function instant(base: string, query: string, time: number): Promise<VectorSample[]> {
  const res = await fetch(`${base}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query, time: String(time) }) });
  const body = (await res.json()) as { status: string; error?: string; data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
  if (body.status !== 'success' || !body.data) throw new Error(`query failed: ${body.error ?? res.status}`);
  return body.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
}

async function timeIt(runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** A deterministic synthetic mesh: `n` services in 20 namespaces, `m` calls mostly "downstream". */
export function syntheticMesh(n: number, m: number) {
  let s = 7;
  const rnd = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const ids = Array.from({ length: n }, (_, i) => `ns-${i % 20}/svc-${i}`);
  const edges = Array.from({ length: m }, () => {
    const a = Math.floor(rnd() * n);
    const b = Math.floor(rnd() * n);
    // One call in twenty goes "upstream", so the layout also has cycles to break.
    return rnd() < 0.05 ? { source: ids[Math.max(a, b)] ?? '', target: ids[Math.min(a, b)] ?? '' } : { source: ids[Math.min(a, b)] ?? '', target: ids[Math.max(a, b)] ?? '' };
  });
  return { ids, edges };
}

export async function benchGraph(): Promise<void> {
  const rows: Row[] = [];
  const prom = await startFixturePrometheus();
  try {
    const time = TEST_ANCHOR - 3600;
    const plan = istioAdapter.graphQueries({ window: '5m', view: 'service' });
    const names = GRAPH_QUERY_NAMES.filter((n) => plan.queries[n] !== undefined);
    let counts = { nodes: 0, edges: 0 };
    const run = async (t: number) => {
      const results = await Promise.all(names.map((n) => instant(prom.url, plan.queries[n]?.promql ?? '', t)));
      const vectors: GraphVectors = { ...emptyVectors(), ...Object.fromEntries(names.map((n, i) => [n, results[i] ?? []])) };
      const g = assembleGraph(vectors, plan);
      layeredLayout(
        g.nodes.map((n) => n.id),
        g.edges,
      );
      counts = { nodes: g.nodes.length, edges: g.edges.length };
    };
    await run(time); // warm-up
    // A different minute each run, so Prometheus' own caches do not flatter the numbers.
    let i = 0;
    rows.push({ name: `demo mesh: ${names.length} queries + assembly + layout`, unit: 'ms', ...summarize(await timeIt(RUNS, () => run(time - 60 * ++i))) });
    console.log(`demo mesh: ${counts.nodes} nodes, ${counts.edges} edges, ${names.length} PromQL queries per graph`);
    const app = await startApp(prom.url);
    try {
      rows.push({ name: 'GET /api/graph (app, same minutes)', unit: 'ms', ...summarize(await timeIt(RUNS, async () => (await fetch(`${app.url}/api/graph?time=${time - 60 * ++i}&window=5m`)).json())) });
    } finally {
      app.stop();
    }
  } finally {
    await prom.stop();
  }
  const { ids, edges } = syntheticMesh(1000, 5000);
  rows.push({ name: 'layout 1,000 nodes / 5,000 edges', unit: 'ms', ...summarize(await timeIt(LAYOUT_RUNS, () => layeredLayout(ids, edges))) });
  console.log(formatTable(rows));
}


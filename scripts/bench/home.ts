// The home page's data through the app API against the same PromQL sent straight
// to Prometheus, over the deterministic fixture history, interleaved, as a table of medians and ratios.
import { TEST_ANCHOR } from '../simulator/fixture';
import { startFixturePrometheus } from '../testing/fixture-tsdb';
import { NO_CACHE, startApp, upstreamQueryCount } from './app-server';
import { summarize, formatTable, type Row } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 5;
const TIME = TEST_ANCHOR - 3600;

async function timed(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export async function benchHome() {
  const prom = await startFixturePrometheus();
  let app: { url: string; stop(): void } | undefined;
  try {
    app = await startApp(prom.url, NO_CACHE);
    const appUrl = app.url;
    const apiUrl = `${appUrl}/api/services?time=${TIME}&window=5m`;
    const first = (await (await fetch(apiUrl)).json()) as { queries: string[]; services: unknown[] };
    const direct = () =>
      Promise.all(
        first.queries.map(async (query) => {
          const res = await fetch(`${prom.url}/api/v1/query`, {
            method: 'POST',
            // Uncompressed, as the app asks Prometheus (PROMETHEUS_COMPRESSION=none): the faster way on loopback.
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-encoding': 'identity' },
            body: new URLSearchParams({ query, time: String(TIME) }),
          });
          await res.json();
        }),
      ).then(() => undefined);
    const viaApi = async () => {
      const res = await fetch(apiUrl);
      if (!res.ok) throw new Error(`API answered ${res.status}`);
      await res.json();
    };
    const before = await upstreamQueryCount(appUrl);
    await viaApi();
    const perLoad = (await upstreamQueryCount(appUrl)) - before;
    for (let i = 0; i < WARMUP; i += 1) await Promise.all([viaApi(), direct()]);
    const api: number[] = [];
    const raw: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const a = await timed(viaApi);
      const b = await timed(direct);
      api.push(a);
      raw.push(b);
      ratios.push(a / b);
    }
    const rows: Row[] = [
      { name: 'GET /api/services (app)', ...summarize(api), unit: 'ms' },
      { name: `same ${first.queries.length} PromQL queries, direct`, ...summarize(raw), unit: 'ms' },
      { name: 'ratio app / direct (pairwise)', ...summarize(ratios), unit: 'x' },
    ];
    console.log(`Home page data at time=${TIME}, window 5m, ${first.services.length} services, ${RUNS} interleaved runs after ${WARMUP} warm-ups, query cache off (the app's own overhead)`);
    console.log(`PromQL queries per home page load (from the app's own metrics): ${perLoad}`);
    console.log(formatTable(rows));
  } finally {
    app?.stop();
    await prom.stop();
  }
}



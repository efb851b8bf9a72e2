// `npm run bench -- dashboards`: PromQL queries per dashboard load and API time against raw
// Prometheus time, at the demo size (the 30-day fixture) and on a mesh ten times larger.
import { mkdirSync, existsSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DASHBOARDS, panelResponseSchema, type DashboardId, type PanelResponse } from '@/lib/dashboards';
import { createModel, writeHistory } from '../simulator';
import { TEST_ANCHOR, TEST_SEED } from '../simulator/fixture';
import { freePort } from '../system/ports';
import { backfill, prometheusConfig, startPrometheus, type PrometheusProcess } from '../system/prometheus';
import { simulatorSourceKey } from '../system/source-key';
import { startFixturePrometheus } from '../testing/fixture-tsdb';
import { NO_CACHE, startApp } from './app-server';
import { formatTable, summarize, type Row } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 8);
const END = TEST_ANCHOR - 3600;
const RANGE_S = 6 * 3600;
const STEP = 60;
const LARGE_REPLICAS = 10;
const LARGE_HOURS = 7;

type Query = PanelResponse['queries'][number];

/** A Prometheus over 7 hours of a mesh with ten copies of the shop (cached by simulator source). */
export async function startLargePrometheus(): Promise<PrometheusProcess> {
  const dir = path.join(ROOT, '.data/bench', simulatorSourceKey(`large:${LARGE_REPLICAS}:${LARGE_HOURS}`));
  const tsdb = path.join(dir, 'tsdb');
  if (!existsSync(path.join(dir, 'READY'))) {
    rmSync(path.join(ROOT, '.data/bench'), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'history.om');
    const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR, replicas: LARGE_REPLICAS });
    const stats = await writeHistory({ model, from: TEST_ANCHOR - LARGE_HOURS * 3600, to: TEST_ANCHOR, outFile: file });
    console.log(`large mesh history: ${model.services.length} services, ${stats.series} series, ${(stats.bytes / 1e6).toFixed(0)} MB`);
    await backfill(file, tsdb);
    rmSync(file);
    writeFileSync(path.join(dir, 'READY'), new Date().toISOString());
  }
  const work = path.join(os.tmpdir(), `meshwatch-bench-${process.pid}`);
  cpSync(tsdb, path.join(work, 'data'), { recursive: true });
  const prom = await startPrometheus({ dataDir: path.join(work, 'data'), workDir: work, port: await freePort(), configYaml: prometheusConfig([]), retention: '100y' });
  return { ...prom, stop: async () => { await prom.stop(); rmSync(work, { recursive: true, force: true }); } };
}

/** The API calls of one dashboard's panels (the services table aside) over the 6 h ending at `end`. */
export function panelUrls(appUrl: string, dashboard: DashboardId, end = END): string[] {
  const params = new URLSearchParams({ start: String(end - RANGE_S), end: String(end), step: String(STEP) });
  if (dashboard === 'debug') {
    params.set('namespace', 'shop');
    params.set('service', 'frontend');
  }
  return DASHBOARDS[dashboard].panels
    .filter((p) => p.id !== 'services')
    .map((p) => `${appUrl}/api/panels/${dashboard}/${p.id}?${params}`);
}

/** All panels of a dashboard in one request, as the browser asks for them (lib/queries/panel-batch.ts). */
export function batchUrl(appUrl: string, dashboard: DashboardId, end = END): string {
  const [first] = panelUrls(appUrl, dashboard, end);
  const ids = panelUrls(appUrl, dashboard, end).map((u) => new URL(u).pathname.split('/').pop());
  return `${appUrl}/api/panels/${dashboard}?panels=${ids.join(',')}&${new URL(first as string).searchParams}`;
}

/** The services table's URL on a dashboard that has one (the browser asks for it in the batch). */
function servicesUrl(appUrl: string, dashboard: DashboardId, end = END): string | undefined {
  return DASHBOARDS[dashboard].panels.some((p) => p.id === 'services') ? `${appUrl}/api/services?time=${end}&window=${RANGE_S / 3600}h` : undefined;
}

/** A dashboard's whole load through the app: its panels in one request, the services table included. */
function wholeBatchUrl(appUrl: string, dashboard: DashboardId): string {
  const url = new URL(batchUrl(appUrl, dashboard));
  if (servicesUrl(appUrl, dashboard)) url.searchParams.set('panels', `${url.searchParams.get('panels')},services`);
  return url.href;
}

/** What one dashboard load asks Prometheus, found once (untimed) and checked against the shared contract. */
async function firstLoad(appUrl: string, dashboard: DashboardId): Promise<Call[]> {
  const panels = await Promise.all(
    panelUrls(appUrl, dashboard).map(async (u) => {
      const res = await fetch(u);
      if (!res.ok) throw new Error(`${u} answered ${res.status}: ${await res.text()}`);
      return panelResponseSchema.parse(await res.json());
    }),
  );
  const calls: Call[] = panels.flatMap((p) => p.queries.map((q) => ({ q, range: q.range ?? p.range })));
  const table = servicesUrl(appUrl, dashboard);
  if (table) {
    const body = (await (await fetch(table)).json()) as { queries: string[] };
    calls.push(...body.queries.map((promql) => ({ q: { purpose: 'services', promql, kind: 'instant' as const }, range: { start: END - RANGE_S, end: END, step: STEP } })));
  }
  return calls;
}

/** The app's answers, read as a browser reads them (checked once, in firstLoad, not on the clock). */
async function load(urls: string[]): Promise<void> {
  await Promise.all(
    urls.map(async (u) => {
      const res = await fetch(u);
      const body = (await res.json()) as { panels?: Record<string, { status: number }> };
      const failed = res.ok ? Object.entries(body.panels ?? {}).filter(([, part]) => part.status !== 200) : [['', { status: res.status }]];
      if (failed.length > 0) throw new Error(`${u}: ${JSON.stringify(failed).slice(0, 300)}`);
    }),
  );
}

type Call = { q: Query; range: PanelResponse['range'] };

/**
 * The same PromQL straight to Prometheus, all at once, asked as the app asks it: without compression
 * (PROMETHEUS_COMPRESSION=none), which on loopback is the faster way for either.
 */
async function direct(promUrl: string, calls: Call[]): Promise<void> {
  await Promise.all(
    calls.map(async ({ q, range }) => {
      const kind = q.kind ?? 'instant';
      const endpoint = kind === 'instant' ? 'query' : kind === 'range' ? 'query_range' : 'query_exemplars';
      const body = new URLSearchParams({ query: q.promql });
      if (kind === 'instant') body.set('time', String(range.end));
      else {
        body.set('start', String(range.start));
        body.set('end', String(range.end));
      }
      if (kind === 'range') body.set('step', String(range.step));
      const res = await fetch(`${promUrl}/api/v1/${endpoint}`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-encoding': 'identity' } });
      await res.json();
    }),
  );
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function measure(label: string, prom: PrometheusProcess): Promise<{ rows: Row[]; counts: string[] }> {
  const app = await startApp(prom.url, NO_CACHE);
  const rows: Row[] = [];
  const counts: string[] = [];
  try {
    for (const dashboard of ['executive', 'oncall', 'debug'] as const) {
      const table = servicesUrl(app.url, dashboard);
      const urls = [...panelUrls(app.url, dashboard), ...(table ? [table] : [])];
      const calls = await firstLoad(app.url, dashboard);
      counts.push(`${label.padEnd(28)} ${dashboard.padEnd(10)} ${String(urls.length).padStart(6)} ${String(calls.length).padStart(8)}`);
      const batch = [wholeBatchUrl(app.url, dashboard)];
      const api: number[] = [];
      const one: number[] = [];
      const raw: number[] = [];
      const ratio: number[] = [];
      const oneRatio: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const a = await timed(() => load(urls));
        const b = await timed(() => direct(prom.url, calls));
        const c = await timed(() => load(batch));
        api.push(a);
        raw.push(b);
        one.push(c);
        ratio.push(a / b);
        oneRatio.push(c / b);
      }
      rows.push({ name: `${label} ${dashboard}: app`, unit: 'ms', ...summarize(api) });
      rows.push({ name: `${label} ${dashboard}: app, 1 request`, unit: 'ms', ...summarize(one) });
      rows.push({ name: `${label} ${dashboard}: direct`, unit: 'ms', ...summarize(raw) });
      rows.push({ name: `${label} ${dashboard}: app/direct`, unit: 'x', ...summarize(ratio) });
      rows.push({ name: `${label} ${dashboard}: 1 request/direct`, unit: 'x', ...summarize(oneRatio) });
    }
  } finally {
    app.stop();
  }
  return { rows, counts };
}

export async function benchDashboards(): Promise<void> {
  const demo = await startFixturePrometheus();
  let result: { rows: Row[]; counts: string[] }[] = [];
  try {
    const services = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR }).services.length;
    result.push(await measure(`demo mesh (${services} workloads)`, demo));
  } finally {
    await demo.stop();
  }
  // BENCH_LARGE=0 skips the 10x mesh (a quick look at the demo size).
  const large = process.env.BENCH_LARGE === '0' ? undefined : await startLargePrometheus();
  if (large) {
    try {
      const services = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR, replicas: LARGE_REPLICAS }).services.length;
      result.push(await measure(`${LARGE_REPLICAS}x mesh (${services} workloads)`, large));
    } finally {
      await large.stop();
    }
  }
  console.log(`\nDashboard loads: all panels in parallel, the services table included (app: one request each; 1 request: one for all, as the browser asks; direct: the same PromQL, all at once, uncompressed as the app asks), range ${RANGE_S / 3600} h, step ${STEP} s, end ${END}; ${RUNS} interleaved runs; query cache off (the app's own overhead)`);
  console.log(`${'mesh'.padEnd(28)} ${'dashboard'.padEnd(10)} panels  queries`);
  for (const r of result) for (const line of r.counts) console.log(line);
  console.log(formatTable(result.flatMap((r) => r.rows)));
  result = [];
}

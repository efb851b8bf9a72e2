// `npm run bench -- load`: many viewers of one page at once, against the fixture Prometheus. Per page
// (home, executive, on-call, debug): one viewer alone, BENCH_VIEWERS (50) opening it at the same
// moment, and as many opening it over 5 s; PromQL calls the app sent (its own metrics), page load
// time p50/p95 (all of a page's API calls in parallel, as the browser makes them, to the last byte), errors, and the
// app's CPU time per page load (steadier than wall time on a shared machine). BENCH_ROUNDS (5) rounds,
// each five loads of one viewer, one crowd at once and one spread over 5 s, pooled per scenario.
import { DASHBOARDS } from '@/lib/dashboards';
import { TEST_ANCHOR } from '../simulator/fixture';
import { startFixturePrometheus } from '../testing/fixture-tsdb';
import { startApp, upstreamQueryCount } from './app-server';
import { batchUrl, panelUrls } from './dashboards';
import { quantile } from './stats';

const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 50);
const SPREAD_MS = 5_000;
/** Per round: loads of one viewer alone, then one crowd at once and one spread over SPREAD_MS. */
const SOLO_RUNS = 5;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const END = TEST_ANCHOR - 3600;

type Page = 'home' | 'executive' | 'oncall' | 'debug';
const PAGES: Page[] = ['home', 'executive', 'oncall', 'debug'];

/**
 * The API calls the browser makes for `page` at `end`: its panels in one request, the services table
 * included (lib/queries/panel-batch.ts); BENCH_PANEL_REQUESTS=each for one request per panel and
 * /api/services for the table, as before.
 */
function pageUrls(appUrl: string, page: Page, end: number): string[] {
  const services = `${appUrl}/api/services?time=${end}&window=5m`;
  if (page === 'home') return [services];
  const table = DASHBOARDS[page].panels.some((p) => p.id === 'services');
  if (process.env.BENCH_PANEL_REQUESTS === 'each') return [...panelUrls(appUrl, page, end), ...(table ? [services] : [])];
  const batch = new URL(batchUrl(appUrl, page, end));
  if (table) batch.searchParams.set('panels', `${batch.searchParams.get('panels')},services`);
  return [batch.href];
}

interface Answer {
  url: string;
  ok: boolean;
  body: ArrayBuffer | null;
}

/**
 * One viewer's page load: all its API calls at once, timed to the last byte of the last answer, as a
 * load generator times a server. The answers are checked afterwards (checkAnswers): parsing fifty
 * copies of a 170 KB body is the viewers' browsers' work, not the server's, and done here on the
 * clock it took the server's two cores from it.
 */
async function loadPage(urls: string[]): Promise<{ ms: number; answers: Answer[] }> {
  const started = performance.now();
  const answers = await Promise.all(
    urls.map(async (url): Promise<Answer> => {
      try {
        const res = await fetch(url);
        return { url, ok: res.ok, body: await res.arrayBuffer() };
      } catch {
        return { url, ok: false, body: null };
      }
    }),
  );
  return { ms: performance.now() - started, answers };
}

/** Failed answers; a batch's panels fail one by one, so each failed part counts. */
function checkAnswers(answers: Answer[]): number {
  return answers.reduce((errors, { url, ok, body }) => {
    if (!ok || !body) return errors + 1;
    if (!new URL(url).searchParams.has('panels')) return errors;
    try {
      const parts = Object.values((JSON.parse(Buffer.from(body).toString('utf8')) as { panels: Record<string, { status: number }> }).panels);
      return errors + parts.filter((p) => p.status !== 200).length;
    } catch {
      return errors + 1;
    }
  }, 0);
}

interface Outcome {
  queries: number;
  times: number[];
  errors: number;
  /** The app's CPU time (ms) for the scenario's loads. */
  cpuMs: number;
  loads: number;
}

type App = { url: string; cpuMs(): number };

const emptyOutcome = (): Outcome => ({ queries: 0, times: [], errors: 0, cpuMs: 0, loads: 0 });

function add(into: Outcome, o: Outcome): void {
  into.queries += o.queries;
  into.times.push(...o.times);
  into.errors += o.errors;
  into.cpuMs += o.cpuMs;
  into.loads += o.loads;
}

/** `viewers` loads of the page at `end`, the i-th starting at i x spread / viewers. */
async function crowd(app: App, urls: string[], viewers: number, spreadMs: number): Promise<Outcome> {
  const before = await upstreamQueryCount(app.url);
  const cpuBefore = app.cpuMs();
  const loads = await Promise.all(
    Array.from({ length: viewers }, async (_, i) => {
      if (spreadMs > 0) await new Promise((resolve) => setTimeout(resolve, (i * spreadMs) / viewers));
      return loadPage(urls);
    }),
  );
  const cpuMs = app.cpuMs() - cpuBefore;
  return {
    queries: (await upstreamQueryCount(app.url)) - before,
    cpuMs,
    loads: viewers,
    times: loads.map((l) => l.ms),
    errors: loads.reduce((n, l) => n + checkAnswers(l.answers), 0),
  };
}

function row(page: string, who: string, o: Outcome, perLoad: number, solo: { p50: number; p95: number }): string {
  const sorted = [...o.times].sort((a, b) => a - b);
  const p50 = quantile(sorted, 0.5);
  const p95 = quantile(sorted, 0.95);
  const cells = [
    page.padEnd(10),
    who.padEnd(26),
    (Number.isInteger(o.queries) ? String(o.queries) : o.queries.toFixed(1)).padStart(8),
    `${(o.queries / perLoad).toFixed(2)}x`.padStart(9),
    `${p50.toFixed(0)} ms`.padStart(9),
    `${p95.toFixed(0)} ms`.padStart(9),
    `${(p95 / solo.p95).toFixed(2)}x`.padStart(9),
    String(o.errors).padStart(6),
    `${(o.cpuMs / o.loads).toFixed(0)} ms`.padStart(13),
  ];
  return cells.join(' ');
}

export async function benchLoad(): Promise<void> {
  const prom = await startFixturePrometheus();
  const app = await startApp(prom.url);
  const lines: string[] = [];
  try {
    for (const [p, page] of PAGES.entries()) {
      // Every scenario asks about its own minute: the cache holds nothing for it, so each starts cold.
      let minute = 0;
      const fresh = () => pageUrls(app.url, page, END - (p * 60 + minute++) * 60);
      const solo = emptyOutcome();
      const together = emptyOutcome();
      const spread = emptyOutcome();
      // One load first, not counted: the process's first request of a route compiles and warms it.
      await crowd(app, fresh(), 1, 0);
      // Rounds interleave the scenarios, so a busy spell of the machine touches all three alike; the
      // percentiles pool the rounds (one crowd's p95 is a single slow viewer, five solo loads' p95 their maximum).
      for (let round = 0; round < ROUNDS; round += 1) {
        for (let i = 0; i < SOLO_RUNS; i += 1) add(solo, await crowd(app, fresh(), 1, 0));
        add(together, await crowd(app, fresh(), VIEWERS, 0));
        add(spread, await crowd(app, fresh(), VIEWERS, SPREAD_MS));
      }
      const perLoad = solo.queries / solo.loads;
      const sorted = [...solo.times].sort((a, b) => a - b);
      const soloStats = { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
      lines.push(row(page, `1 viewer (${solo.loads} loads)`, { ...solo, queries: perLoad }, perLoad, soloStats));
      lines.push(row(page, `${VIEWERS} viewers at once (x${ROUNDS})`, { ...together, queries: together.queries / ROUNDS }, perLoad, soloStats));
      lines.push(row(page, `${VIEWERS} over ${SPREAD_MS / 1000} s (x${ROUNDS})`, { ...spread, queries: spread.queries / ROUNDS }, perLoad, soloStats));
    }
  } finally {
    app.stop();
    await prom.stop();
  }
  console.log(`Viewers of one page over the fixture (demo mesh), each page at its own past minute near ${END}; query cache on (defaults)`);
  const header = ['page'.padEnd(10), 'who'.padEnd(26), 'queries'.padStart(8), 'vs 1'.padStart(9), 'p50'.padStart(9), 'p95'.padStart(9), 'p95 vs 1'.padStart(9), 'errors'.padStart(6), 'app CPU/load'.padStart(13)];
  console.log(header.join(' '));
  for (const line of lines) console.log(line);
}

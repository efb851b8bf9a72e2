// `npm run bench -- pages`: every page a user opens that shows data, in Chromium against the production
// build over the fixture Prometheus: navigation start to first data and to all panels drawn, cold (fresh
// app and browser cache, the first visit of each page) and warm (median of later visits, JavaScript
// cached), the SLO detail's slow sections (burn-down chart, backtest) on their own, and the JavaScript
// per page: first-load gzip from the build's manifests and what the browser fetched. Reports only.
// Not here: /runbooks/mesh-health, static text with no data.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { TEST_ANCHOR } from '../simulator/fixture';
import { startFixturePrometheus } from '../testing/fixture-tsdb';
import { firstLoadJs, gzipSizer, readBuild } from '../js-budget';
import { startApp } from './app-server';
import { CHROMIUM_ARGS, measurePage, type PageProbe, type PageRun } from './pages-browser';
import { quantile } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** One hour before the story's end, as the e2e tests: the cart slow burn is under way. */
const TIME = TEST_ANCHOR - 3600;
const SLO = 'payments-availability';
const TOKEN = 'bench-editor-token';

/** The SLO form's first data: the services discovered in Prometheus, listed in its service select. */
const FORM_DATA = '#slo-service option[value*="/"]';

interface BenchPage {
  /** The route in the build (for first-load JS). */
  route: string;
  url: string;
  probe?: PageProbe;
  /** Visited as an editor (the forms show only to editors, the backtest to signed-in readers). */
  editor?: boolean;
}

const PAGES: readonly BenchPage[] = [
  { route: '/', url: `/?time=${TIME}` },
  { route: '/oncall', url: `/oncall?time=${TIME}` },
  { route: '/debug', url: `/debug?service=payments&namespace=payments&time=${TIME}` },
  { route: '/graph', url: `/graph?time=${TIME}` },
  { route: '/slos', url: `/slos?time=${TIME}` },
  {
    route: '/slos/[name]',
    url: `/slos/${SLO}?time=${TIME}`,
    probe: { marks: { 'burn-down': 'section[aria-label="Budget burn-down"] canvas', backtest: '[aria-label="Backtest summary"]' } },
    // The backtest answers only a signed-in reader.
    editor: true,
  },
  { route: '/slos/[name]/edit', url: `/slos/${SLO}/edit?time=${TIME}`, probe: { data: FORM_DATA }, editor: true },
  { route: '/slos/new', url: `/slos/new?time=${TIME}`, probe: { data: FORM_DATA }, editor: true },
  // September 2026: the month of the fixture's history the report tests read.
  { route: '/report', url: '/report?month=2026-09' },
  { route: '/maintenance', url: '/maintenance', editor: true },
  { route: '/settings/alerts', url: '/settings/alerts' },
];

const EDITOR = { authorization: `Bearer ${TOKEN}` };

async function post(url: string, body: unknown) {
  const res = await fetch(url, { method: 'POST', headers: { ...EDITOR, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
}

/** The SLO the detail and edit pages show, and a maintenance window for /maintenance to list. */
async function seed(appUrl: string) {
  await post(`${appUrl}/api/slos`, { name: SLO, service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });
  await post(`${appUrl}/api/maintenance`, { scope: { namespace: 'payments' }, start: TIME - 7200, end: TIME - 3600, reason: 'bench: a past rollout' });
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? 'n/a' : `${(v / 1000).toFixed(2)} s`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const median = (runs: PageRun[], pick: (r: PageRun) => number | undefined) =>
  quantile(runs.map(pick).filter((v): v is number => v !== undefined).sort((a, b) => a - b), 0.5);

export async function benchPages() {
  const dist = path.join(ROOT, process.env.MESHWATCH_DIST_DIR || '.next');
  const build = firstLoadJs(readBuild(dist), gzipSizer(dist));
  const prom = await startFixturePrometheus();
  const dbDir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-bench-pages-'));
  const app = await startApp(prom.url, { MESHWATCH_DB: path.join(dbDir, 'meshwatch.db'), MESHWATCH_API_TOKENS: `${TOKEN}:editor` }).catch(async (err: unknown) => {
    await prom.stop();
    throw err;
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await seed(app.url);
    const newContext = (page: BenchPage) =>
      browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC', locale: 'en-US', ...(page.editor ? { extraHTTPHeaders: EDITOR } : {}) });
    const measure = (context: BrowserContext, page: BenchPage) => measurePage(context, `${app.url}${page.url}`, page.probe);
    // Cold: the app has served no page yet and each page gets an empty browser cache.
    const cold = new Map<string, PageRun>();
    for (const page of PAGES) {
      const context = await newContext(page);
      cold.set(page.route, await measure(context, page));
      await context.close();
    }
    // Warm: one context per page whose cache holds the page's JavaScript; runs interleaved across pages.
    const contexts = await Promise.all(PAGES.map(newContext));
    const warm = new Map<string, PageRun[]>(PAGES.map((p) => [p.route, []]));
    for (const [i, page] of PAGES.entries()) await measure(contexts[i]!, page);
    for (let run = 0; run < RUNS; run++) {
      for (const [i, page] of PAGES.entries()) warm.get(page.route)?.push(await measure(contexts[i]!, page));
    }
    await Promise.all(contexts.map((c) => c.close()));

    console.log(`Pages at time=${TIME} over the fixture Prometheus, production build, Chromium 1440x900; warm: median of ${RUNS} runs`);
    console.log('| page | first data, warm | all drawn, warm | first data, cold | all drawn, cold | first-load JS (gzip, build) | JS fetched, cold (as sent) |');
    console.log('|---|---|---|---|---|---|---|');
    for (const page of PAGES) {
      const runs = warm.get(page.route) ?? [];
      const c = cold.get(page.route);
      const firstLoad = build.find((b) => b.route === page.route)?.gzipBytes;
      const label = page.url.replace(/[?&]time=\d+/, '').replace('?&', '?');
      console.log(
        `| \`${label}\` | ${ms(median(runs, (r) => r.firstDataMs))} | ${ms(median(runs, (r) => r.allDrawnMs))} | ${ms(c?.firstDataMs)} | ${ms(c?.allDrawnMs)} | ${firstLoad === undefined ? 'n/a' : kb(firstLoad)} | ${c ? kb(c.jsBytes) : 'n/a'} |`,
      );
    }
    console.log('\n| section | drawn, warm | drawn, cold |');
    console.log('|---|---|---|');
    for (const page of PAGES) {
      for (const mark of Object.keys(page.probe?.marks ?? {})) {
        const runs = warm.get(page.route) ?? [];
        console.log(`| \`${page.route}\` ${mark} | ${ms(median(runs, (r) => r.marks[mark]))} | ${ms(cold.get(page.route)?.marks[mark])} |`);
      }
    }
  } finally {
    await browser.close();
    app.stop();
    await prom.stop();
    rmSync(dbDir, { recursive: true, force: true });
  }
}

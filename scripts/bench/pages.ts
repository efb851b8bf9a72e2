// `npm run bench -- pages`: every page in Chromium against the production build over the fixture
// Prometheus: navigation start to first data and to all panels drawn, cold (fresh app and browser cache,
// the first visit of each page) and warm (median of later visits, JavaScript cached), and the JavaScript
// per page: first-load gzip from the build's manifests and what the browser fetched. Reports only.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { TEST_ANCHOR } from '../simulator/fixture';
import { startFixturePrometheus } from '../testing/fixture-tsdb';
import { firstLoadJs, gzipSizer, readBuild } from '../js-budget';
import { startApp } from './app-server';
import { CHROMIUM_ARGS, measurePage, type PageRun } from './pages-browser';
import { quantile } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** One hour before the story's end, as the e2e tests: the cart slow burn is under way. */
const TIME = TEST_ANCHOR - 3600;
const SLO = 'payments-availability';
const TOKEN = 'bench-editor-token';

/** Each page with its route in the build (for first-load JS) and the URL visited. */
const PAGES = [
  { route: '/', url: `/?time=${TIME}` },
  { route: '/oncall', url: `/oncall?time=${TIME}` },
  { route: '/debug', url: `/debug?service=payments&namespace=payments&time=${TIME}` },
  { route: '/graph', url: `/graph?time=${TIME}` },
  { route: '/slos', url: `/slos?time=${TIME}` },
  { route: '/slos/[name]', url: `/slos/${SLO}?time=${TIME}` },
];

async function createSlo(appUrl: string) {
  const res = await fetch(`${appUrl}/api/slos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: SLO, service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d' }),
  });
  if (res.status !== 201) throw new Error(`creating the SLO answered ${res.status}: ${await res.text()}`);
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
    await createSlo(app.url);
    const newContext = () => browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC', locale: 'en-US' });
    // Cold: the app has served no page yet and each page gets an empty browser cache.
    const cold = new Map<string, PageRun>();
    for (const page of PAGES) {
      const context = await newContext();
      cold.set(page.route, await measurePage(context, `${app.url}${page.url}`));
      await context.close();
    }
    // Warm: one context per page whose cache holds the page's JavaScript; runs interleaved across pages.
    const contexts = await Promise.all(PAGES.map(() => newContext()));
    const warm = new Map<string, PageRun[]>(PAGES.map((p) => [p.route, []]));
    for (const [i, page] of PAGES.entries()) await measurePage(contexts[i]!, `${app.url}${page.url}`);
    for (let run = 0; run < RUNS; run++) {
      for (const [i, page] of PAGES.entries()) warm.get(page.route)?.push(await measurePage(contexts[i]!, `${app.url}${page.url}`));
    }
    await Promise.all(contexts.map((c) => c.close()));

    console.log(`Pages at time=${TIME} over the fixture Prometheus, production build, Chromium 1440x900; warm: median of ${RUNS} runs`);
    console.log('| page | first data, warm | all drawn, warm | first data, cold | all drawn, cold | first-load JS (gzip, build) | JS fetched, cold (compressed) |');
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
  } finally {
    await browser.close();
    app.stop();
    await prom.stop();
    rmSync(dbDir, { recursive: true, force: true });
  }
}

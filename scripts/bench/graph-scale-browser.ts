// First render of /graph in Chromium with /api/graph intercepted: navigation start to the chart's canvas
// drawn and the nodes table in (its caption counting every node, its first page of rows rendered), in
// the page's own clock, plus the page's long tasks.
import { chromium } from '@playwright/test';
import type { GraphResponse } from '@/lib/graph';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface RenderRun {
  /** performance.now() (ms since navigation start) at the first frame after canvas + table are in. */
  drawnMs: number;
  /** When the (intercepted) /api/graph response ended, if resource timing saw it. */
  responseEndMs: number | undefined;
  longTasks: number;
  longTaskMs: number;
  longestTaskMs: number;
}

/** Where the init script collects long-task durations (ms). */
type Probe = { __longTasks?: number[] };

export async function measureFirstRender(appUrl: string, time: number, body: GraphResponse, runs: number): Promise<RenderRun[]> {
  const json = JSON.stringify(body);
  const nodes = body.nodes.length;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const out: RenderRun[] = [];
  try {
    // Run 0 warms the server (first compile of the route, disk caches); it is not reported.
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC', locale: 'en-US' });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const probe = window as unknown as Probe;
        probe.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) probe.__longTasks?.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      let served = 0;
      await page.route('**/api/graph**', async (route) => {
        served += 1;
        await route.fulfill({ status: 200, contentType: 'application/json', headers: { 'cache-control': 'no-store' }, body: json });
      });
      await page.goto(`${appUrl}/graph?time=${time}`, { waitUntil: 'commit' });
      const ready = await page.waitForFunction(
        (want) => {
          const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent?.startsWith(`${want} services at`));
          const canvas = document.querySelector('[data-testid="graph-chart"] canvas');
          return table && table.querySelectorAll('tbody tr').length > 0 && canvas ? performance.now() : false;
        },
        nodes,
        { polling: 'raf', timeout: 120_000 },
      );
      await ready.dispose();
      // The chart draws on an animation frame after setOption: wait for two frames so that one is painted.
      const drawnMs = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
      const tasks = await page.evaluate(() => (window as unknown as Probe).__longTasks ?? []);
      if (served === 0) throw new Error('/api/graph was not intercepted');
      const responseEndMs = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.includes('/api/graph'))?.responseEnd);
      if (i > 0) out.push({ drawnMs, responseEndMs, longTasks: tasks.length, longTaskMs: tasks.reduce((a, b) => a + b, 0), longestTaskMs: Math.max(0, ...tasks) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

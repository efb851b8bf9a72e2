// First render of /graph in Chromium as a user gets it: the production build server-renders the page with
// its first graph data (assembled and laid out in-process from Prometheus' answers), the browser hydrates,
// lays out the chart and draws it. Timed from navigation start to the chart's canvas drawn and the nodes
// table in (its caption counting every node, its first page of rows rendered), in the page's own clock,
// with the document's timing and the page's long tasks.
import { chromium } from '@playwright/test';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface RenderRun {
  /** performance.now() (ms since navigation start) at the first frame after canvas + table are in. */
  drawnMs: number;
  /** The document's first byte (the server's prefetch, assembly and layout come before it). */
  responseStartMs: number;
  /** The document's last byte (the server-rendered page with the dehydrated graph). */
  responseEndMs: number;
  /** HTML bytes of the document (decoded). */
  documentBytes: number;
  /** /api/graph calls the page made before it was drawn (0 when the first render used the server's data). */
  apiGraphCalls: number;
  longTasks: number;
  longTaskMs: number;
  longestTaskMs: number;
}

/** Where the init script collects long-task durations (ms). */
type Probe = { __longTasks?: number[] };

export async function measureFirstRender(appUrl: string, time: number, nodes: number, runs: number): Promise<RenderRun[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const out: RenderRun[] = [];
  try {
    // Run 0 warms the server (first load of the page's code, disk caches); it is not reported.
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
      let apiGraphCalls = 0;
      page.on('request', (req) => {
        if (new URL(req.url()).pathname === '/api/graph') apiGraphCalls += 1;
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
      const calls = apiGraphCalls;
      const tasks = await page.evaluate(() => (window as unknown as Probe).__longTasks ?? []);
      const nav = await page.evaluate(() => {
        const e = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return { responseStart: e?.responseStart ?? Number.NaN, responseEnd: e?.responseEnd ?? Number.NaN, bytes: e?.decodedBodySize ?? Number.NaN };
      });
      if (i > 0) {
        out.push({ drawnMs, responseStartMs: nav.responseStart, responseEndMs: nav.responseEnd, documentBytes: nav.bytes, apiGraphCalls: calls, longTasks: tasks.length, longTaskMs: tasks.reduce((a, b) => a + b, 0), longestTaskMs: Math.max(0, ...tasks) });
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

// One navigation in Chromium, timed in the page's own clock (ms since navigation start): when the first
// data is in the DOM (a table row, a chart canvas or a stat value inside <main>, server-rendered or not)
// and when every panel is drawn (no busy panel, skeleton or "Loading…" left, then the DOM quiet), plus
// the JavaScript the page fetched by then.
import type { BrowserContext } from '@playwright/test';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The DOM must stay unchanged this long, everything drawn, before "all drawn" is taken as final. */
const QUIET_MS = 1_500;
const TIMEOUT_MS = 90_000;

export interface PageRun {
  firstDataMs: number | undefined;
  allDrawnMs: number | undefined;
  /** Compressed bytes of the scripts fetched from the network (0 when all came from the cache). */
  jsTransferBytes: number;
  /** Compressed bytes of every script the page ran, cached or not. */
  jsBytes: number;
}

interface Probe {
  firstData?: number;
  lastChange: number;
  drawn: boolean;
}

/**
 * Runs in the page before its own scripts: watches <main> as the HTML streams in and after hydration.
 * Plain JavaScript text: a function would be serialised with the TypeScript runner's helpers in it.
 */
const PROBE = `(() => {
  const probe = { firstData: undefined, lastChange: 0, drawn: false };
  window.__pages = probe;
  const hasData = (main) => main.querySelector('table tbody tr, canvas, [data-testid="stat-value"]') !== null;
  const allDrawn = (main) =>
    main.querySelector('[aria-busy="true"], [class*="skeleton"]') === null && !/(Loading|Evaluating|Retrying)[^\u2026]*\u2026/.test(main.textContent || '');
  new MutationObserver(() => {
    const main = document.querySelector('main');
    if (!main) return;
    const now = performance.now();
    if (probe.firstData === undefined && hasData(main)) probe.firstData = now;
    probe.lastChange = now;
    probe.drawn = hasData(main) && allDrawn(main);
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

export async function measurePage(context: BrowserContext, url: string): Promise<PageRun> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: PROBE });
    await page.goto(url, { waitUntil: 'commit' });
    const settled = await page.waitForFunction(
      (quiet) => {
        const probe = (window as unknown as { __pages?: Probe }).__pages;
        return probe && probe.drawn && performance.now() - probe.lastChange > quiet ? { firstData: probe.firstData, allDrawn: probe.lastChange } : false;
      },
      QUIET_MS,
      { polling: 100, timeout: TIMEOUT_MS },
    );
    const { firstData, allDrawn } = (await settled.jsonValue()) as { firstData?: number; allDrawn: number };
    const js = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.initiatorType === 'script' || new URL(e.name).pathname.endsWith('.js'))
        .map((e) => ({ transfer: e.transferSize, encoded: e.encodedBodySize })),
    );
    return {
      firstDataMs: firstData,
      allDrawnMs: allDrawn,
      jsTransferBytes: js.reduce((sum, e) => sum + (e.transfer > 0 ? e.encoded : 0), 0),
      jsBytes: js.reduce((sum, e) => sum + e.encoded, 0),
    };
  } finally {
    await page.close();
  }
}

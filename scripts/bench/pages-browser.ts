// One navigation in Chromium, timed in the page's own clock (ms since navigation start): when the first
// data is in the DOM (a table row, a chart canvas or a stat value inside <main>, server-rendered or not,
// or the page's own selector), when each named section is first drawn, and when every panel is drawn
// (no busy panel, skeleton or "Loading…" left, then the DOM quiet), plus the JavaScript the page fetched.
import type { BrowserContext } from '@playwright/test';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The DOM must stay unchanged this long, everything drawn, before "all drawn" is taken as final. */
const QUIET_MS = 1_500;
const TIMEOUT_MS = 90_000;

/** What counts as first data when not a row, chart or stat (e.g. a form's discovered services). */
const DEFAULT_DATA = 'table tbody tr, canvas, [data-testid="stat-value"]';

export interface PageProbe {
  /** CSS selector inside <main> whose first match is the page's first data. */
  data?: string;
  /** Sections timed on their own: name -> CSS selector inside <main> whose first match is "drawn". */
  marks?: Readonly<Record<string, string>>;
}

export interface PageRun {
  firstDataMs: number | undefined;
  allDrawnMs: number | undefined;
  /** When each of the probe's marks first matched (undefined: never). */
  marks: Record<string, number | undefined>;
  /** Compressed bytes of the scripts fetched from the network (0 when all came from the cache). */
  jsTransferBytes: number;
  /** Compressed bytes of every script the page ran, cached or not. */
  jsBytes: number;
}

interface Probe {
  firstData?: number;
  marks: Record<string, number | undefined>;
  lastChange: number;
  drawn: boolean;
}

/**
 * Runs in the page before its own scripts: watches <main> as the HTML streams in and after hydration.
 * Plain JavaScript text: a function would be serialised with the TypeScript runner's helpers in it.
 */
const probeScript = ({ data = DEFAULT_DATA, marks = {} }: PageProbe) => `(() => {
  const DATA = ${JSON.stringify(data)};
  const MARKS = ${JSON.stringify(marks)};
  const probe = { firstData: undefined, marks: {}, lastChange: 0, drawn: false };
  window.__pages = probe;
  const hasData = (main) => main.querySelector(DATA) !== null;
  const allDrawn = (main) =>
    main.querySelector('[aria-busy="true"], [class*="skeleton"]') === null && !/(Loading|Evaluating|Retrying)[^\u2026]*\u2026/.test(main.textContent || '');
  new MutationObserver(() => {
    const main = document.querySelector('main');
    if (!main) return;
    const now = performance.now();
    if (probe.firstData === undefined && hasData(main)) probe.firstData = now;
    for (const [name, selector] of Object.entries(MARKS)) if (probe.marks[name] === undefined && main.querySelector(selector)) probe.marks[name] = now;
    probe.lastChange = now;
    probe.drawn = hasData(main) && allDrawn(main);
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

export async function measurePage(context: BrowserContext, url: string, probe: PageProbe = {}): Promise<PageRun> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: probeScript(probe) });
    await page.goto(url, { waitUntil: 'commit' });
    const settled = await page.waitForFunction(
      (quiet) => {
        const probe = (window as unknown as { __pages?: Probe }).__pages;
        return probe && probe.drawn && performance.now() - probe.lastChange > quiet ? { firstData: probe.firstData, allDrawn: probe.lastChange, marks: probe.marks } : false;
      },
      QUIET_MS,
      { polling: 100, timeout: TIMEOUT_MS },
    );
    const { firstData, allDrawn, marks } = (await settled.jsonValue()) as { firstData?: number; allDrawn: number; marks: Record<string, number | undefined> };
    const js = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.initiatorType === 'script' || new URL(e.name).pathname.endsWith('.js'))
        .map((e) => ({ transfer: e.transferSize, encoded: e.encodedBodySize })),
    );
    return {
      firstDataMs: firstData,
      allDrawnMs: allDrawn,
      marks,
      jsTransferBytes: js.reduce((sum, e) => sum + (e.transfer > 0 ? e.encoded : 0), 0),
      jsBytes: js.reduce((sum, e) => sum + e.encoded, 0),
    };
  } finally {
    await page.close();
  }
}

// The watching half of `npm run bench -- live`: opens the live tabs, injects the incident, then polls
// Prometheus and every tab's DOM each second until all have shown the alert (or time runs out).
import type { Browser, Page } from '@playwright/test';
import { liveProbes, liveTabs, sloListFigures } from './live-probes';

const POLL_MS = 1_000;
/** Figures of the /slos tab are read this often, to see whether they move. */
const FIGURES_EVERY_MS = 5_000;
/** The tabs are watched this long before the incident: a frozen tab shows as no change here already. */
const BEFORE_INCIDENT_MS = Number(process.env.BENCH_LIVE_BEFORE_MS ?? 65_000);
/** Prometheus' page takes a few minutes (windows and for:); give up well after. */
const PROMETHEUS_TIMEOUT_MS = 12 * 60_000;
/** After Prometheus fires, tabs get this long; well over the 30 s goal, to measure misses too. */
const TABS_TIMEOUT_MS = 180_000;

export interface LiveObservation {
  injectedMs: number;
  /** When polling first saw the firing alert in Prometheus. */
  promSeenMs: number | undefined;
  probes: Array<{ tab: string; what: string; from: 'prometheus' | 'status'; seenMs: number | undefined; missed?: string }>;
  figures: Array<{ label: string; values: Array<{ atMs: number; text: string }> }>;
  requests: Array<{ tab: string; count: number }>;
  endedMs: number;
}

interface WatchOptions {
  slo: string;
  longWindow: string;
  inject(): Promise<void>;
  promFiring(): Promise<boolean>;
  /** Whether the app still answers: a tab of a dead app shows old figures, which would read as a miss. */
  appAlive(): Promise<boolean>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function watchLiveTabs(browser: Browser, appUrl: string, opts: WatchOptions): Promise<LiveObservation> {
  const pages = new Map<string, Page>();
  const requests = new Map<string, number>();
  // A context per tab: each is its own window, visible, as tabs side by side on screens would be.
  for (const tab of liveTabs(opts.slo)) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC', locale: 'en-US' });
    const page = await context.newPage();
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) requests.set(tab.name, (requests.get(tab.name) ?? 0) + 1);
    });
    await page.goto(`${appUrl}${tab.path}`);
    await tab.ready(page).first().waitFor({ timeout: 60_000 });
    await page.locator('html[data-page-ready]').waitFor({ state: 'attached', timeout: 60_000 });
    const visibility = String(await page.evaluate('document.visibilityState'));
    if (visibility !== 'visible') throw new Error(`${tab.name} is ${visibility}: a hidden tab backs off, and the bench would not measure a live view`);
    pages.set(tab.name, page);
    requests.set(tab.name, 0);
  }
  const list = pages.get('/slos');
  const detail = pages.get(`/slos/${opts.slo}`);
  const figureReaders: Array<{ label: string; read: () => Promise<string> }> = [
    ...(list ? [{ label: `/slos figures of ${opts.slo} (SLI | objective | budget | burn 1h)`, read: () => sloListFigures(list, opts.slo) }] : []),
    ...(list ? [{ label: '/slos "Evaluated at"', read: () => list.getByText(/^Evaluated at /).innerText() }] : []),
    ...(detail ? [{ label: `/slos/${opts.slo} status heading`, read: () => detail.getByRole('region', { name: 'Status' }).getByRole('heading').first().innerText() }] : []),
  ];
  const figures = figureReaders.map((f) => ({ label: f.label, values: [] as Array<{ atMs: number; text: string }> }));
  let lastFigures = 0;
  const readFigures = async () => {
    if (Date.now() - lastFigures < FIGURES_EVERY_MS) return;
    lastFigures = Date.now();
    if (!(await opts.appAlive())) throw new Error(`the app stopped answering at ${new Date().toISOString()} (killed?): the tabs show what it last sent, so no figure here would mean anything`);
    for (const [i, f] of figureReaders.entries()) {
      const text = await f.read().catch((err: unknown) => `(unreadable: ${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
      figures[i]?.values.push({ atMs: lastFigures, text });
    }
  };

  const beforeEnd = Date.now() + BEFORE_INCIDENT_MS;
  while (Date.now() < beforeEnd) {
    await readFigures();
    await sleep(POLL_MS);
  }
  await opts.inject();
  const injectedMs = Date.now();
  console.error(`[live] incident injected at ${new Date(injectedMs).toISOString()}`);
  const probes = liveProbes(opts.slo, opts.longWindow).map((p) => ({ ...p, seenMs: undefined as number | undefined }));
  let promSeenMs: number | undefined;
  for (;;) {
    const now = Date.now();
    if (promSeenMs === undefined && (await opts.promFiring().catch(() => false))) {
      promSeenMs = Date.now();
      console.error(`[live] Prometheus fires, ${Math.round((promSeenMs - injectedMs) / 1000)} s after injection`);
    }
    for (const p of probes) {
      const page = pages.get(p.tab);
      if (p.seenMs !== undefined || !page) continue;
      if ((await p.locate(page).count()) > 0) p.seenMs = Date.now();
    }
    await readFigures();
    const allSeen = promSeenMs !== undefined && probes.every((p) => p.seenMs !== undefined);
    const tabsTimedOut = promSeenMs !== undefined && now - promSeenMs > TABS_TIMEOUT_MS;
    if (allSeen || tabsTimedOut || now - injectedMs > PROMETHEUS_TIMEOUT_MS) break;
    await sleep(Math.max(0, POLL_MS - (Date.now() - now)));
  }
  // What a tab showed instead, where it never showed the alert: the reason is usually in that text.
  const missed = async (p: (typeof probes)[number]) => {
    const page = pages.get(p.tab);
    if (p.seenMs !== undefined || !page) return undefined;
    const visibility = String(await page.evaluate('document.visibilityState'));
    const text = await p.scope(page).first().innerText({ timeout: 5_000 }).catch(() => '(not found)');
    return `${visibility}; showed: ${text.replace(/\s+/g, ' ').slice(0, 400)}`;
  };
  return {
    injectedMs,
    promSeenMs,
    probes: await Promise.all(probes.map(async (p) => ({ tab: p.tab, what: p.what, from: p.from, seenMs: p.seenMs, missed: await missed(p) }))),
    figures,
    requests: [...requests].map(([tab, count]) => ({ tab, count })),
    endedMs: Date.now(),
  };
}

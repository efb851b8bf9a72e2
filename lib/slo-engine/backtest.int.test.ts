// Backtests over the fixture history (a real Prometheus) against the simulator's story and its exact
// counts: when the SRE Workbook's 1h/5m page and the cart's ticket must fire is computed here from
// model.truth(), minute by minute, with the pairs' thresholds and `for` written by hand, without the engine.
// The engine's backtests run on the Istio and on the Linkerd history with the same tolerances.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { POST } from '@/app/api/slos/backtest/route';
import { GET } from '@/app/api/slos/[name]/backtest/route';
import { GET as GET_ALL } from '@/app/api/slos-backtest/route';
import { createPrometheusClient } from '@/lib/prometheus';
import { openSqliteStore, setSloStore } from '@/lib/store';
import { createModel, TEST_HISTORY_DAYS } from '@/scripts/simulator';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES, type FixtureMesh } from '@/scripts/testing/fixture-tsdb';
import { backtestSlo } from './backtest-run';
import { backtestResultSchema, slosBacktestResponseSchema, type BacktestResult } from '@/lib/slo/backtest/schema';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import { parsePromDuration } from '@/lib/promql';

const { seed, anchor } = inject('fixture');
const prometheusUrl = inject('prometheusUrl');
const model = createModel({ seed, anchor });
const FROM = anchor - TEST_HISTORY_DAYS * 86_400;
const MIN = 60;
const event = (id: string) => {
  const found = model.timeline.find((e) => e.id === id);
  if (!found) throw new Error(`no ${id} in the story`);
  return found;
};
const outage = event('payments-outage');
const slowBurn = event('cart-slow-burn');
const outageEnd = outage.end ?? 0;

const slo = (name: string, id: string): SloSpec => {
  const [namespace, service] = id.split('/');
  return sloSpecSchema.parse({ name, service, namespace, team: 'sre', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });
};
const results = new Map<string, Promise<BacktestResult>>();
const backtestOn = (mesh: FixtureMesh, spec: SloSpec) => {
  let found = results.get(`${mesh}/${spec.name}`);
  if (!found) {
    const client = createPrometheusClient({ baseUrl: inject('prometheusUrls')[mesh], timeoutMs: 120_000 });
    found = backtestSlo(spec, { client, from: FROM, to: anchor, sli: FIXTURE_SLI[mesh] }).then((r) => r.result);
    results.set(`${mesh}/${spec.name}`, found);
  }
  return found;
};

const SLO_WINDOW = 30 * 86_400;
const HOUR = 3600;
/** The Workbook's 1h/5m page waits half its short window (Pyrra's rule, policy.ts): 2m30s. */
const PAGE_FOR_S = 150;
/**
 * The default ticket pairs for a 30d 99.9% SLO, by hand: 10% of the budget in 1d is 3x, in 3d 1x
 * (budget share x 30d / long window); each waits half its short window.
 */
const TICKET_PAIRS = [
  { long: 24 * HOUR, short: 2 * HOUR, threshold: 3, forS: 1 * HOUR },
  { long: 72 * HOUR, short: 6 * HOUR, threshold: 1, forS: 3 * HOUR },
];
const CART_TOLERANCE_S = 5 * MIN;
function truthOf(id: string, from: number, to: number) {
  const s = model.truth(from, to).services.find((x) => x.id === id);
  if (!s) throw new Error(`no ${id} in the model`);
  return s;
}

/** Truth burn rate of `id` (payments by default) over the `window` seconds ending at t. */
function truthBurn(t: number, window: number, id = 'payments/payments'): number {
  const s = truthOf(id, t - window, t);
  return s.requests === 0 ? 0 : s.errors / s.requests / 0.001;
}

/**
 * The budget denominator from the truth, as backtest-schema.ts defines it: events over the 30d window
 * ending at t, where the range's mean traffic over a whole window stands in when the window reaches
 * before the history and that mean is larger (the window counts only what it holds otherwise).
 */
function truthDenominator(id: string, t: number): number {
  const held = truthOf(id, Math.max(FROM, t - SLO_WINDOW), t).requests;
  const typical = (truthOf(id, FROM, anchor).requests * SLO_WINDOW) / (anchor - FROM);
  return Math.max(held, typical);
}

/** Truth share of the budget spent in (start, end] of `id`, denominator at `end`. */
function truthBudget(id: string, start: number, end: number): number {
  return truthOf(id, start, end).errors / (0.001 * truthDenominator(id, end));
}

describe.each(FIXTURE_MESHES)('backtest of the default policy over the 30-day story (%s)', (mesh) => {
  const backtest = (spec: SloSpec) => backtestOn(mesh, spec);
  const payments = slo('payments-availability', 'payments/payments');

  it('pages on the payments outage within 2 minutes of when the Workbook math says the 1h/5m pair fires', async () => {
    // First minute at which both the 1h and the 5m burn rates exceed 14.4, then the pair's `for`.
    let crossing: number | undefined;
    for (let t = outage.start; t <= outage.start + 30 * MIN && crossing === undefined; t += MIN) {
      if (truthBurn(t, 3600) > 14.4 && truthBurn(t, 300) > 14.4) crossing = t;
    }
    expect(crossing).toBeDefined();
    // The Workbook/Pyrra pending period written here, not read from resolvePolicy (the code under
    // test): half the 5m short window (policy.ts documents the rule), 2m30s.
    const expected = (crossing ?? 0) + PAGE_FOR_S;
    const result = await backtest(payments);
    const pages = result.episodes.filter((e) => e.severity === 'page');
    expect(pages).toHaveLength(1);
    console.info(`payments page: truth crossing outage+${((crossing ?? 0) - outage.start) / MIN} min + 2m30s = outage+${(expected - outage.start) / MIN} min; engine page starts at outage+${((pages[0]?.start ?? 0) - outage.start) / MIN} min`);
    // Tolerance 2 minutes: rules (and the backtest) evaluate once a minute, so a 2m30s `for` fires on
    // the next whole minute (up to 60 s late); Prometheus' increase() may extrapolate by up to one
    // sample interval where the restarted payments pod's series begin.
    expect(Math.abs((pages[0]?.start ?? 0) - expected)).toBeLessThanOrEqual(2 * MIN);
    expect(pages[0]?.pairs).toContain('1h/5m');
  });

  it('every payments episode lies in the outage aftermath, nothing elsewhere in the 30 days', async () => {
    const result = await backtest(payments);
    // A pair keeps firing while its short window still holds outage errors: at most the longest short
    // window (6h) after the outage, plus one evaluation.
    const longestShort = Math.max(...result.policy.map((p) => parsePromDuration(p.shortWindow)));
    expect(result.episodes.length).toBeGreaterThan(0);
    for (const ep of result.episodes) {
      expect(ep.start).toBeGreaterThanOrEqual(outage.start);
      expect(ep.end).not.toBeNull();
      expect(ep.end ?? Infinity).toBeLessThanOrEqual(outageEnd + longestShort + MIN);
    }
  });

  it('finds the outage as the one significant event and detects it (recall 1)', async () => {
    const result = await backtest(payments);
    expect(result.events).toHaveLength(1);
    const ev = result.events[0];
    // The CUSUM start is where errors began to outrun the budget: the outage's first minute, give or
    // take the minute before it (scattered baseline errors may keep the sum just above 0).
    expect(Math.abs((ev?.start ?? 0) - outage.start)).toBeLessThanOrEqual(2 * MIN);
    expect(Math.abs((ev?.end ?? 0) - outageEnd)).toBeLessThanOrEqual(2 * MIN);
    expect(ev?.severity).toBe('page');
    expect(result.summary.recall).toBe(1);
    expect(result.summary.precision).toBe(1);
  });

  it('states the budget spent over the 30 days as the truth does', async () => {
    const result = await backtest(payments);
    const t = model.truth(FROM, anchor).services.find((x) => x.id === 'payments/payments');
    const truth = (t?.errors ?? 0) / (0.001 * (t?.requests ?? 1));
    expect(Math.abs((result.summary.budgetConsumed ?? 0) - truth)).toBeLessThanOrEqual(0.01 * truth);
  });

  it("each payments episode's budget and peak burn are the truth's", async () => {
    const result = await backtest(payments);
    for (const ep of result.episodes) {
      const end = ep.end ?? anchor;
      // Errors in (start, end] over the documented denominator. Tolerance 3% relative: the engine adds
      // up 5m increase()s, which Prometheus extrapolates by up to half a scrape interval at each end of
      // a series (the restarted payments pod's series begin inside the outage), and the 30s scrapes
      // leave a window's edges up to one sample off the minute.
      const truth = truthBudget('payments/payments', ep.start, end);
      // Peak: the highest long-window burn of the pairs that fired, at the minutes of the episode; a
      // pair may fire for part of the episode only, but each long window peaks while its pair fires
      // (at the end of the outage). Tolerance 3% for the same extrapolation over a window of >= 1h.
      const longs = result.policy.filter((p) => ep.pairs.includes(`${p.longWindow}/${p.shortWindow}`)).map((p) => parsePromDuration(p.longWindow));
      let peak = 0;
      for (let t = ep.start; t < end; t += MIN) for (const w of longs) peak = Math.max(peak, truthBurn(t, w));
      expect(Math.abs(ep.budgetConsumed - truth)).toBeLessThanOrEqual(0.03 * truth);
      // The stand-in is the contract's denominator where the history allows: the simulator's traffic
      // goes back before the fixture history, and its whole 30d window ending at the episode end
      // gives the same share within the same 3%.
      const whole = truthOf('payments/payments', end - SLO_WINDOW, end).requests;
      expect(Math.abs(ep.budgetConsumed - truthOf('payments/payments', ep.start, end).errors / (0.001 * whole))).toBeLessThanOrEqual(0.03 * truth);
      expect(Math.abs(ep.peakBurnRate - peak)).toBeLessThanOrEqual(0.03 * peak);
    }
  });

  it('tickets the cart slow burn (last 20 h) when the truth says a ticket pair fires, and does not page', async () => {
    const result = await backtest(slo('cart-availability', 'shop/cart'));
    expect(result.episodes.filter((e) => e.severity === 'page')).toEqual([]);
    const tickets = result.episodes.filter((e) => e.severity === 'ticket');
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.start).toBeGreaterThan(slowBurn.start);
    // From the truth, minute by minute: the first minute at which a ticket pair has both windows above
    // its threshold, plus its `for`; the ticket fires at the earlier of the two pairs.
    const fires = TICKET_PAIRS.map((p) => {
      for (let t = slowBurn.start; t <= anchor; t += MIN) {
        if (truthBurn(t, p.short, 'shop/cart') > p.threshold && truthBurn(t, p.long, 'shop/cart') > p.threshold) return t + p.forS;
      }
      return Infinity;
    });
    const expected = Math.min(...fires);
    expect(expected).toBeLessThan(anchor);
    console.info(
      `cart ticket: truth 1d/2h fires at slowBurn+${((fires[0] ?? 0) - slowBurn.start) / MIN} min, 3d/6h at slowBurn+${((fires[1] ?? 0) - slowBurn.start) / MIN} min; ` +
        `engine episode starts at slowBurn+${((tickets[0]?.start ?? 0) - slowBurn.start) / MIN} min`,
    );
    // Tolerance 5 minutes: up to one evaluation (60 s) on the grid, and the long windows rise slowly
    // (the slow burn adds 0.4% errors, 4x: the 3d burn climbs about 0.06x an hour, the 1d one 0.17x),
    // so a few tenths of a percent by which increase() over 30s scrapes differs from the exact counts
    // move the crossing by minutes. Measured: the engine is 1 minute after the truth (3d/6h pair).
    expect(Math.abs((tickets[0]?.start ?? 0) - expected)).toBeLessThanOrEqual(CART_TOLERANCE_S);
    expect(tickets[0]?.end).toBeNull(); // still burning at the anchor
    // Ongoing: errors from its start to `to` over the 30d window ending at `to`, which is the whole
    // history (no stand-in). Tolerance 3% as for payments.
    const truth = truthBudget('shop/cart', tickets[0]?.start ?? 0, anchor);
    expect(Math.abs((tickets[0]?.budgetConsumed ?? 0) - truth)).toBeLessThanOrEqual(0.03 * truth);
  });

  it('pages the all-clusters reviews SLO on the regional partition when the Workbook math on the truth says so', async () => {
    // eu-west serves 40% of frontend's calls to reviews and answers 80% of them with 503 for 30 minutes.
    const partition = event('region-partition');
    let crossing: number | undefined;
    for (let t = partition.start; t <= (partition.end ?? 0) && crossing === undefined; t += MIN) {
      if (truthBurn(t, 3600, 'shop/reviews') > 14.4 && truthBurn(t, 300, 'shop/reviews') > 14.4) crossing = t;
    }
    expect(crossing).toBeDefined();
    const result = await backtest(slo('reviews-availability', 'shop/reviews'));
    const pages = result.episodes.filter((e) => e.severity === 'page');
    expect(pages).toHaveLength(1);
    // Tolerance 2 minutes, as for the payments page.
    expect(Math.abs((pages[0]?.start ?? 0) - ((crossing ?? 0) + PAGE_FOR_S))).toBeLessThanOrEqual(2 * MIN);
    const longestShort = Math.max(...result.policy.map((p) => parsePromDuration(p.shortWindow)));
    for (const ep of result.episodes) {
      expect(ep.start).toBeGreaterThanOrEqual(partition.start);
      expect(ep.end ?? Infinity).toBeLessThanOrEqual((partition.end ?? 0) + longestShort + MIN);
    }
  });

  // Services the story leaves alone (no timeline event touches them).
  it.each(['shop/frontend', 'shop/search', 'platform/notifications'])('%s, untouched by the story, has no episodes', async (id) => {
    expect(model.timeline.some((e) => e.service === id || e.edge?.target === id)).toBe(false);
    const result = await backtest(slo(`${id.split('/')[1]}-availability`, id));
    expect(result.episodes).toEqual([]);
    expect(result.events).toEqual([]);
    expect(result.summary).toMatchObject({ pages: 0, tickets: 0, precision: null, recall: null });
  });

  it('recommends longer windows or synthetic traffic for the low-traffic audit-export', async () => {
    const result = await backtest(slo('audit-export-availability', model.facts.lowTrafficService));
    const rec = result.recommendations.find((r) => r.kind === 'low-traffic');
    expect(rec?.message).toMatch(/1h\/5m sees about \d+ events per 1h but needs 70/);
  });

  it('reads raw counters when no recording rule has run, and says so', async () => {
    const result = await backtest(payments);
    expect(result.source).toBe('raw');
    // The mesh's own request counters of payments (Istio's istio_requests_total, Linkerd's response_total),
    // per minute, selected as the grouped queries of many SLOs select services.
    const requests = FIXTURE_SLI[mesh].allRequests({ namespace: ['=~', { literal: ['payments'] }], service: ['=~', { literal: ['payments'] }] });
    expect(result.queries.some((q) => q.includes(`increase(${requests}[1m])`))).toBe(true);
    expect(result.step).toBe(60);
    expect(result.timeline.firing.page.length).toBeLessThanOrEqual(2000);
  });
});

describe('the same story read from either mesh', () => {
  it.each(['payments/payments', 'shop/cart', 'shop/reviews'])('%s: Linkerd history gives the episodes, events and summary of the Istio history', async (id) => {
    const spec = slo(`${id.split('/')[1]}-availability`, id);
    const [istio, linkerd] = await Promise.all([backtestOn('istio', spec), backtestOn('linkerd', spec)]);
    expect(linkerd.episodes).toEqual(istio.episodes);
    expect(linkerd.events).toEqual(istio.events);
    expect(linkerd.summary).toEqual(istio.summary);
  });
});

describe('backtest routes over the fixture Prometheus', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-backtest-'));
    setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
    vi.stubEnv('PROMETHEUS_URL', prometheusUrl);
    vi.stubEnv('PROMETHEUS_TIMEOUT_MS', '120000');
  });
  afterAll(() => {
    setSloStore(undefined)?.close();
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('POST backtests an unsaved spec with a candidate policy: a 1h/5m page only', async () => {
    const unnamed: Partial<SloSpec> = { ...slo('x', 'payments/payments') };
    delete unnamed.name;
    const body = { spec: unnamed, from: outage.start - 3600, to: outage.start + 3 * 3600, policy: { alerts: [{ severity: 'page', longWindow: '1h', shortWindow: '5m', threshold: 14.4 }] } };
    const res = await POST(new Request('http://meshwatch.test/api/slos/backtest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    expect(res.status).toBe(200);
    const result = backtestResultSchema.parse(await res.json());
    expect(result.name).toBe('unsaved-slo');
    expect(result.policy).toHaveLength(1);
    expect(result.episodes.map((e) => e.pairs)).toEqual([['1h/5m']]);
  });

  it('GET on a saved SLO defaults to the SLO window before `to`', async () => {
    const { getSloStore } = await import('@/lib/store');
    getSloStore().create(slo('search-availability', 'shop/search'), 'test');
    const res = await GET(new Request(`http://meshwatch.test/api/slos/search-availability/backtest?to=${anchor}`), { params: Promise.resolve({ name: 'search-availability' }) });
    expect(res.status).toBe(200);
    const result = backtestResultSchema.parse(await res.json());
    expect(result.to - result.from).toBe(30 * 86_400);
    expect(result.episodes).toEqual([]);
  });

  it('GET /api/slos-backtest digests every stored SLO: the payments page, nothing on search', async () => {
    const { getSloStore } = await import('@/lib/store');
    getSloStore().create(slo('payments-availability', 'payments/payments'), 'test');
    const res = await GET_ALL(new Request(`http://meshwatch.test/api/slos-backtest?to=${anchor}`));
    expect(res.status).toBe(200);
    const body = slosBacktestResponseSchema.parse(await res.json());
    expect(body.errors).toEqual([]);
    const byName = new Map(body.backtests.map((b) => [b.name, b]));
    expect(byName.get('search-availability')).toMatchObject({ episodes: 0, summary: { pages: 0, tickets: 0 } });
    expect(byName.get('payments-availability')).toMatchObject({ source: 'raw', summary: { pages: 1, recall: 1, precision: 1 } });
  });
});

// `npm run bench -- live`: how soon an open tab shows an alert that newly fires (issue 13: within one
// refresh, 30 s, of Prometheus). The live simulator (history backfilled for the last two hours, then
// scraped) feeds a real Prometheus loaded with the rule file Meshwatch writes for the demo SLOs; the
// production app serves /oncall, /, /slos and the SLO's page to Chromium as live tabs; then an incident
// is injected through the simulator's control endpoint, as `npm run demo:incident` does. The bench polls
// Prometheus' ALERTS series and each tab's DOM every second and reports when each first shows the
// page alert, and whether the /slos tab's figures move over time. Reports only; not a timed test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { DEMO_SLOS, seedDemoSlos } from '../demo-slos';
import { createModel, REGIONS_SETTING, writeHistory } from '../simulator';
import { startControlledLiveServer } from '../simulator/live-control/server';
import { binaryPath } from '../system/deps';
import { freePort, waitFor } from '../system/ports';
import { backfill, prometheusConfig, startPrometheus } from '../system/prometheus';
import { startApp } from './app-server';
import { watchLiveTabs, type LiveObservation } from './live-watch';
import { CHROMIUM_ARGS } from './pages-browser';

/** The demo's payments SLO: its fastest page is the default policy's 1h/5m pair (14.4x, for: 2m30s). */
const SLO = DEMO_SLOS[0].name;
const SERVICE = `${DEMO_SLOS[0].namespace}/${DEMO_SLOS[0].service}`;
const LONG_WINDOW = '1h';
const HISTORY_S = 2 * 3600;
const TOKEN = 'bench-live-editor-token';
/** As the demo's Prometheus: scrape and rule evaluation every 15 s (BENCH_LIVE_INTERVAL to change it). */
const INTERVAL = process.env.BENCH_LIVE_INTERVAL ?? '15s';
/**
 * Share of payments' successful requests that fail: 1 (an outage) crosses the page's 14.4x 1h burn in
 * about a minute; the demo's default 0.5 takes two (BENCH_LIVE_ERROR_SHARE).
 */
const ERROR_SHARE = Number(process.env.BENCH_LIVE_ERROR_SHARE ?? 1);

async function promQuery(promUrl: string, query: string, extra: Record<string, string> = {}, endpoint = 'query') {
  const res = await fetch(`${promUrl}/api/v1/${endpoint}`, { method: 'POST', body: new URLSearchParams({ query, ...extra }) });
  const body = (await res.json()) as { data: { result: Array<{ value?: [number, string]; values?: Array<[number, string]> }> } };
  return body.data.result;
}

async function rulesLoaded(promUrl: string): Promise<boolean> {
  const body = (await (await fetch(`${promUrl}/api/v1/rules?type=alert`)).json()) as { data: { groups: Array<{ rules: Array<{ labels?: Record<string, string> }> }> } };
  return body.data.groups.some((g) => g.rules.some((r) => r.labels?.slo === SLO && r.labels.severity === 'page'));
}

const FIRING = `ALERTS{alertname="SLOErrorBudgetBurn",alertstate="firing",slo="${SLO}",severity="page",long_window="${LONG_WINDOW}"}`;
const s = (ms: number | undefined) => (ms === undefined ? 'not seen' : `${(ms / 1000).toFixed(1)} s`);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');

function report(obs: LiveObservation, firedEvalMs: number | undefined, startedMs: number) {
  const { injectedMs, promSeenMs } = obs;
  const fired = firedEvalMs ?? promSeenMs;
  console.log(`Incident: ${Math.round(ERROR_SHARE * 100)}% of ${SERVICE}'s successful requests fail from injection; scrape and rule evaluation every ${INTERVAL}; default refresh of the tabs.`);
  console.log(`Prometheus: ALERTS firing (${SLO}, page ${LONG_WINDOW}) at evaluation ${s(fired === undefined ? undefined : fired - injectedMs)} after injection (first seen by polling at ${s(promSeenMs === undefined ? undefined : promSeenMs - injectedMs)}).`);
  console.log('| tab | shows | from | after injection | after Prometheus fired | within 30 s |');
  console.log('|---|---|---|---:|---:|---|');
  for (const p of obs.probes) {
    const after = p.seenMs === undefined ? undefined : p.seenMs - injectedMs;
    const behind = p.seenMs === undefined || fired === undefined ? undefined : p.seenMs - fired;
    // Burn-rate figures need no `for:`, so they may show before the alert fires: no goal for them.
    const goal = p.from === 'status' ? 'n/a (no for:)' : behind !== undefined && behind <= 30_000 ? 'yes' : 'no';
    console.log(`| \`${p.tab}\` | ${p.what} | ${p.from === 'prometheus' ? 'Prometheus alert' : 'Meshwatch burn rates'} | ${s(after)} | ${s(behind)} | ${goal} |`);
  }
  for (const p of obs.probes) if (p.missed) console.log(`Not seen on ${p.tab} (${p.what}): ${p.missed}`);
  for (const series of obs.figures) {
    const changes = series.values.slice(1).filter((v, i) => v.text !== series.values[i]?.text);
    const when = changes.map((c) => `+${Math.round((c.atMs - startedMs) / 1000)} s`).join(', ');
    console.log(`${series.label}: ${changes.length} change(s) over ${Math.round((obs.endedMs - startedMs) / 1000)} s with the tab open${when ? ` (at ${when} after it opened)` : ' (frozen)'}; first "${series.values[0]?.text ?? ''}", last "${series.values.at(-1)?.text ?? ''}".`);
  }
  for (const t of obs.requests) console.log(`${t.tab}: ${t.count} API requests while open (${(t.count / ((obs.endedMs - startedMs) / 60_000)).toFixed(1)} per minute).`);
}

export async function benchLive() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-bench-live-'));
  const stops: Array<() => Promise<void> | void> = [];
  let browser: Browser | undefined;
  try {
    console.log(`load average at start: ${load()}`);
    const now = Math.floor(Date.now() / 1000);
    const model = createModel({ seed: 42, anchor: now - (now % 60) });
    const sim = await startControlledLiveServer({ model, port: 0 });
    stops.push(() => sim.close());
    const om = path.join(dir, 'history.om');
    await writeHistory({ model: sim.control.model, from: model.anchor - HISTORY_S, to: model.anchor, outFile: om });
    await backfill(om, path.join(dir, 'data'));
    rmSync(om);
    const rulesFile = path.join(dir, 'meshwatch-rules.yml');
    writeFileSync(rulesFile, 'groups: []\n');
    const prom = await startPrometheus({
      dataDir: path.join(dir, 'data'),
      workDir: dir,
      port: await freePort(),
      configYaml: prometheusConfig([{ job: 'kubernetes-pods', target: new URL(sim.url).host, honorLabels: true }], { ruleFiles: [rulesFile], evaluationInterval: INTERVAL, scrapeInterval: INTERVAL }),
    });
    stops.push(() => prom.stop());
    const app = await startApp(prom.url, {
      MESHWATCH_DB: path.join(dir, 'meshwatch.db'),
      MESHWATCH_API_TOKENS: `${TOKEN}:editor`,
      MESHWATCH_RULES_FILE: rulesFile,
      MESHWATCH_PROMTOOL: binaryPath('prometheus', 'promtool'),
      MESHWATCH_TEAMS: 'shop=storefront,payments=payments,platform=platform,istio-system=platform',
      MESHWATCH_REGIONS: REGIONS_SETTING,
    });
    stops.push(() => app.stop());
    await seedDemoSlos(app.url, TOKEN);
    await waitFor(() => rulesLoaded(prom.url), 120_000, `Prometheus to load the rules of ${SLO}`);

    console.error(`[live] stack up; opening the tabs`);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const startedMs = Date.now();
    const obs = await watchLiveTabs(browser, app.url, {
      slo: SLO,
      longWindow: LONG_WINDOW,
      inject: async () => {
        const res = await fetch(`${sim.controlUrl}/incidents`, { method: 'POST', body: JSON.stringify({ service: SERVICE, minutes: 30, errorShare: ERROR_SHARE }) });
        if (res.status !== 201) throw new Error(`injecting the incident answered ${res.status}: ${await res.text()}`);
      },
      promFiring: async () => (await promQuery(prom.url, FIRING)).length > 0,
      appAlive: async () => (await fetch(`${app.url}/api/healthz`).catch(() => null))?.ok === true,
    });
    // The evaluation that first wrote the firing series, to the second (a range query at a 1 s step).
    const from = Math.floor(obs.injectedMs / 1000);
    const points = (await promQuery(prom.url, FIRING, { start: String(from), end: String(Math.ceil(Date.now() / 1000)), step: '1' }, 'query_range')).flatMap((r) => r.values ?? []);
    const firedEvalMs = points.length > 0 ? Math.min(...points.map(([t]) => t)) * 1000 : undefined;
    report(obs, firedEvalMs, startedMs);
    console.log(`load average at end: ${load()}`);
  } finally {
    await browser?.close();
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

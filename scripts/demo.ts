// `npm run demo`: Prometheus with 30 days of simulated mesh history, the live simulator it scrapes,
// and the production app on http://127.0.0.1:3000. Safe to re-run; Ctrl-C stops all three.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createModel, REGIONS_SETTING, writeHistory } from './simulator';
import { startControlledLiveServer } from './simulator/live-control/server';
import { seedDemoSlos } from './demo-slos';
import { binaryPath, ensureSystemPackages } from './system/deps';
import { assertPortFree, isPortFree, waitFor } from './system/ports';
import { simulatorSourceKey } from './system/source-key';
import { backfill, prometheusConfig, startPrometheus, type PrometheusProcess } from './system/prometheus';
import { DEFAULT_ALERTMANAGER_PORT, startAlertmanager, type AlertmanagerProcess } from './system/alertmanager';
import { alertmanagerYaml } from '../lib/slo/rules/alertmanager';

const ROOT = path.resolve(__dirname, '..');
const DEMO_DIR = path.join(ROOT, '.data/demo');
const STATE_FILE = path.join(DEMO_DIR, 'state.json');
// The running demo's ports, so that `npm run demo:incident` finds a simulator started on DEMO_SIMULATOR_PORT.
const PORTS_FILE = path.join(DEMO_DIR, 'ports.json');
const TSDB = path.join(DEMO_DIR, 'tsdb');
// Meshwatch writes every SLO's rules here (MESHWATCH_RULES_FILE), checks them and reloads Prometheus.
const RULES_FILE = path.join(DEMO_DIR, 'rules/meshwatch-rules.yml');
const HISTORY_DAYS = 30;
// The story (outage three days ago, slow burn for twenty hours...) stays true for a day, then restarts.
const STORY_MAX_AGE_S = 86_400;
const SEED = 42;

const ports = {
  app: Number(process.env.PORT ?? 3000),
  prometheus: Number(process.env.DEMO_PROMETHEUS_PORT ?? 9090),
  simulator: Number(process.env.DEMO_SIMULATOR_PORT ?? 9464),
  alertmanager: Number(process.env.DEMO_ALERTMANAGER_PORT ?? DEFAULT_ALERTMANAGER_PORT),
};

interface DemoState {
  seed: number;
  model: string;
  anchor: number;
  coveredUntil: number;
  /** The demo SLOs were created once; SLOs deleted afterwards stay deleted. */
  slosSeeded?: boolean;
}

const nowS = () => Math.floor(Date.now() / 1000);
const log = (line: string) => console.log(`[demo] ${line}`);

function readState(): DemoState | null {
  try {
    const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as DemoState;
    return state.seed === SEED && state.model === simulatorSourceKey() && nowS() - state.anchor < STORY_MAX_AGE_S && existsSync(TSDB) ? state : null;
  } catch {
    return null;
  }
}

const writeState = (state: DemoState) => writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));

async function loadHistory(model: ReturnType<typeof createModel>, from: number, to: number) {
  const file = path.join(DEMO_DIR, 'history.om');
  const started = Date.now();
  await writeHistory({ model, from, to, outFile: file });
  await backfill(file, TSDB);
  rmSync(file, { force: true });
  const iso = (t: number) => new Date(t * 1000).toISOString();
  log(`history ${from === to ? `at ${iso(to)}` : `${iso(from)} .. ${iso(to)}`} loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', '.data', '.git', 'test-results', 'e2e', 'scripts'].includes(entry.name)) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function runToEnd(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${code}`))));
  });
}

/** A second demo from the same checkout would share .data/demo, and its Prometheus could not lock the TSDB. */
async function assertNoRunningDemo(): Promise<void> {
  let running: Partial<typeof ports>;
  try {
    running = JSON.parse(readFileSync(PORTS_FILE, 'utf8')) as Partial<typeof ports>;
  } catch {
    return;
  }
  // The simulator is the demo's own process: a file left by a killed demo names a port nothing listens on.
  if (typeof running.simulator !== 'number' || (await isPortFree(running.simulator))) return;
  throw new Error(
    `\`npm run demo\` is already running from this checkout (app on http://127.0.0.1:${running.app}); ` +
      'stop it with Ctrl-C first (two demos would share .data/demo), or run the other one from another clone.',
  );
}

async function main() {
  ensureSystemPackages(['prometheus', 'alertmanager'], log);
  await assertNoRunningDemo();
  await assertPortFree(ports.app, 'the Meshwatch app', 'PORT');
  await assertPortFree(ports.prometheus, 'the demo Prometheus', 'DEMO_PROMETHEUS_PORT');
  await assertPortFree(ports.simulator, 'the mesh simulator', 'DEMO_SIMULATOR_PORT');
  await assertPortFree(ports.alertmanager, 'the demo Alertmanager', 'DEMO_ALERTMANAGER_PORT');
  mkdirSync(DEMO_DIR, { recursive: true });
  mkdirSync(path.dirname(RULES_FILE), { recursive: true });
  // Prometheus must find a valid file at start; the app rewrites it with every SLO's rules once it is up.
  if (!existsSync(RULES_FILE)) writeFileSync(RULES_FILE, 'groups: []\n');

  // Build before the history, so that the history reaches up to a few seconds before Prometheus scrapes
  // live (a build after it left a two-minute hole in every chart).
  const buildId = path.join(ROOT, '.next/BUILD_ID');
  if (!existsSync(buildId) || newestSourceMtime(ROOT) > statSync(buildId).mtimeMs) {
    log('building the app (next build)');
    await runToEnd(path.join(ROOT, 'node_modules/.bin/next'), ['build']);
  }

  let state = readState();
  if (!state) {
    rmSync(TSDB, { recursive: true, force: true });
    const anchor = nowS() - (nowS() % 60);
    state = { seed: SEED, model: simulatorSourceKey(), anchor, coveredUntil: anchor - HISTORY_DAYS * 86_400 };
    log(`generating ${HISTORY_DAYS} days of simulated mesh history (seed ${SEED})`);
  } else {
    log(`reusing history from ${new Date(state.anchor * 1000).toISOString()}`);
  }
  const model = createModel({ seed: state.seed, anchor: state.anchor });
  // Fill whatever is missing up to now (twice: the first fill can take a while). Each fill starts a
  // minute after the last one's final sample: blocks sharing a sample make Prometheus warn of overlaps.
  for (let i = 0; i < 2; i += 1) {
    const to = nowS() - (nowS() % 60);
    if (to - state.coveredUntil >= 60) {
      await loadHistory(model, state.coveredUntil + 60, to);
      state.coveredUntil = to;
      writeState(state);
    }
  }

  const children: ChildProcess[] = [];
  let prometheus: PrometheusProcess | null = null;
  let alertmanager: AlertmanagerProcess | null = null;
  let simulator: { url: string; close(): Promise<void> } | null = null;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping app, simulator, Prometheus and Alertmanager');
    rmSync(PORTS_FILE, { force: true });
    for (const child of children) child.kill('SIGTERM');
    await simulator?.close();
    await prometheus?.stop();
    await alertmanager?.stop();
    if (state) {
      state.coveredUntil = nowS() - (nowS() % 60);
      writeState(state);
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    simulator = await startControlledLiveServer({ model, host: '127.0.0.1', port: ports.simulator });
    writeFileSync(PORTS_FILE, JSON.stringify(ports, null, 2));
    log(`simulator serving live metrics on ${simulator.url}; \`npm run demo:incident -- payments 15m\` starts a live incident`);
    // Receives the burn-rate alerts with Meshwatch's routing; its receivers notify nobody (see its UI).
    alertmanager = await startAlertmanager({
      workDir: path.join(DEMO_DIR, 'alertmanager'),
      port: ports.alertmanager,
      configYaml: alertmanagerYaml(),
      portEnvName: 'DEMO_ALERTMANAGER_PORT',
    });
    log(`Alertmanager on ${alertmanager.url}`);
    prometheus = await startPrometheus({
      dataDir: TSDB,
      workDir: DEMO_DIR,
      port: ports.prometheus,
      portEnvName: 'DEMO_PROMETHEUS_PORT',
      configYaml: prometheusConfig([
        { job: 'kubernetes-pods', target: `127.0.0.1:${ports.simulator}`, honorLabels: true },
        { job: 'meshwatch', target: `127.0.0.1:${ports.app}`, path: '/api/metrics' },
        // Itself: the debug dashboard's telemetry health reads rule-evaluation lag (prometheus_rule_group_*).
        { job: 'prometheus', target: `127.0.0.1:${ports.prometheus}` },
      ], { ruleFiles: [RULES_FILE], evaluationInterval: '15s', alertmanagers: [`127.0.0.1:${ports.alertmanager}`] }),
    });
    log(`Prometheus on ${prometheus.url}`);
    const seedToken = `demo-seed-${randomBytes(16).toString('hex')}`;
    const app = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(ports.app), '-H', '127.0.0.1'], {
      cwd: ROOT,
      stdio: 'inherit',
      // On loopback only, the demo's visitor is the local editor (the UI says so); set MESHWATCH_DEMO_EDITOR=0 to try the viewer role.
      env: {
        ...process.env,
        PROMETHEUS_URL: prometheus.url,
        MESHWATCH_RULES_FILE: RULES_FILE,
        MESHWATCH_PROMTOOL: binaryPath('prometheus', 'promtool'),
        // A one-off editor token for creating the demo SLOs below, beside any tokens of your own.
        MESHWATCH_API_TOKENS: [process.env.MESHWATCH_API_TOKENS, `${seedToken}:editor`].filter(Boolean).join(','),
        MESHWATCH_DEMO_EDITOR: process.env.MESHWATCH_DEMO_EDITOR ?? '1',
        // The simulated shop's owners (Istio telemetry has no team label).
        MESHWATCH_TEAMS: process.env.MESHWATCH_TEAMS ?? 'shop=storefront,payments=payments,platform=platform,istio-system=platform',
        // The simulated mesh's clusters and their regions (reviews also runs in eu-west).
        MESHWATCH_REGIONS: process.env.MESHWATCH_REGIONS ?? REGIONS_SETTING,
      },
    });
    children.push(app);
    app.on('exit', (code) => {
      if (!stopping) {
        console.error(`[demo] the app exited (${code})`);
        void stopAll(1);
      }
    });
    const appUrl = `http://127.0.0.1:${ports.app}`;
    await waitFor(async () => (await fetch(`${appUrl}/api/healthz`)).ok, 120_000, 'the app');
    if (!state.slosSeeded) {
      const created = await seedDemoSlos(appUrl, seedToken);
      state.slosSeeded = true;
      writeState(state);
      if (created.length > 0) log(`created the demo SLOs ${created.join(', ')}; their rules are in ${path.relative(ROOT, RULES_FILE)}`);
    }
    log(`Meshwatch is up: ${appUrl}  (Prometheus ${prometheus.url}, Alertmanager ${alertmanager.url}; Ctrl-C stops everything)`);
  } catch (err) {
    console.error(`[demo] ${err instanceof Error ? err.message : String(err)}`);
    await stopAll(1);
  }
}

main().catch((err: unknown) => {
  console.error(`[demo] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

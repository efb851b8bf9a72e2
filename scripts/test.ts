// `npm test`: typecheck, lint, unit, integration (real Prometheus with the fixture history) and
// browser tests (Debian Chromium against the production build), then one summary line.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureSystemPackages } from './system/deps';
import { ensureFixtureTsdb, FIXTURE_MESHES, startFixturePrometheus } from './testing/fixture-tsdb';

const ROOT = path.resolve(__dirname, '..');
const REPORTS = path.join(ROOT, '.data/reports');
const BIN = path.join(ROOT, 'node_modules/.bin');

interface Step {
  name: string;
  ok: boolean;
  seconds: number;
  passed: number;
  failed: number;
  skipped: number;
  note?: string;
}

const steps: Step[] = [];

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(BIN, cmd), args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function step(name: string, body: () => Promise<Omit<Step, 'name' | 'seconds'>>): Promise<Step> {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  let result: Omit<Step, 'name' | 'seconds'>;
  try {
    result = await body();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    result = { ok: false, passed: 0, failed: 1, skipped: 0, note: 'crashed' };
  }
  const done = { name, seconds: (Date.now() - started) / 1000, ...result };
  steps.push(done);
  console.log(`=== ${name}: ${done.ok ? 'ok' : 'FAILED'} in ${done.seconds.toFixed(1)} s`);
  return done;
}

const checkStep = (code: number) => ({ ok: code === 0, passed: 0, failed: code === 0 ? 0 : 1, skipped: 0 });

function vitestCounts(file: string, code: number) {
  if (!existsSync(file)) return { ok: false, passed: 0, failed: 1, skipped: 0, note: 'no report' };
  const r = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  const passed = r.numPassedTests ?? 0;
  const failed = r.numFailedTests ?? 0;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  return { ok: code === 0 && passed > 0, passed, failed: failed + (code !== 0 && failed === 0 ? 1 : 0), skipped };
}

function vitest(project: string, env: Record<string, string> = {}) {
  return async () => {
    const out = path.join(REPORTS, `${project}.json`);
    const code = await run('vitest', ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
    return vitestCounts(out, code);
  };
}

async function playwright() {
  const out = path.join(REPORTS, 'e2e.json');
  const code = await run('playwright', ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (!existsSync(out)) return { ok: false, passed: 0, failed: 1, skipped: 0, note: 'no report' };
  const stats = (JSON.parse(readFileSync(out, 'utf8')) as { stats: Record<string, number> }).stats;
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  const failed = stats.unexpected ?? 0;
  return { ok: code === 0 && passed > 0, passed, failed: failed + (code !== 0 && failed === 0 ? 1 : 0), skipped: stats.skipped ?? 0 };
}

async function main() {
  const started = Date.now();
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  await step('system packages', async () => {
    ensureSystemPackages(['prometheus', 'alertmanager', 'chromium']);
    return { ok: true, passed: 0, failed: 0, skipped: 0 };
  });
  await step('typecheck (tsc)', async () => checkStep(await run('tsc', ['--noEmit'])));
  await step('lint (eslint)', async () => checkStep(await run('eslint', ['.', '--max-warnings=0'])));
  await step('unit tests (vitest)', vitest('unit'));
  await step('fixture history (simulator + promtool backfill)', async () => {
    for (const mesh of FIXTURE_MESHES) await ensureFixtureTsdb(console.log, mesh);
    return { ok: true, passed: 0, failed: 0, skipped: 0 };
  });
  await step('integration tests (vitest, real Prometheus)', async () => {
    const istio = await startFixturePrometheus(undefined, 'istio');
    const linkerd = await startFixturePrometheus(undefined, 'linkerd').catch(async (err: unknown) => {
      await istio.stop();
      throw err;
    });
    try {
      return await vitest('integration', { TEST_PROMETHEUS_URL: istio.url, TEST_PROMETHEUS_URL_LINKERD: linkerd.url })();
    } finally {
      await Promise.all([istio.stop(), linkerd.stop()]);
    }
  });
  const build = await step('production build (next build)', async () => checkStep(await run('next', ['build'])));
  // Right after the build, on its manifests: a page whose first-load JavaScript outgrew its budget fails.
  if (build.ok) await step('JavaScript budget per page (gzip)', async () => checkStep(await run('tsx', ['scripts/check-js-budget.ts'])));
  if (build.ok) await step('browser tests (Playwright, Chromium)', playwright);
  else steps.push({ name: 'browser tests (Playwright, Chromium)', ok: false, seconds: 0, passed: 0, failed: 1, skipped: 0, note: 'not run: build failed' });

  console.log('\nStep                                               Result   Time    Tests');
  for (const s of steps) {
    const tests = s.passed + s.failed + s.skipped > 0 ? `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped` : '';
    console.log(`${s.name.padEnd(50)} ${(s.ok ? 'ok' : 'FAILED').padEnd(8)} ${`${s.seconds.toFixed(0)}s`.padEnd(7)} ${tests}${s.note ? ` (${s.note})` : ''}`);
  }
  const total = steps.reduce((a, s) => ({ p: a.p + s.passed, f: a.f + s.failed, k: a.k + s.skipped }), { p: 0, f: 0, k: 0 });
  console.log(`Total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${total.p} passed, ${total.f} failed, ${total.k} skipped`);
  process.exit(steps.every((s) => s.ok) ? 0 : 1);
}

void main();

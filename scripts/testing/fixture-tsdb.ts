// The deterministic test history: the simulator's 30 days (fixed seed, fixed anchor) backfilled
// once into a TSDB that every test run copies, keyed by the simulator's source so edits rebuild it.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createModel, writeHistory } from '../simulator';
import { TEST_ANCHOR, TEST_HISTORY_DAYS, TEST_SEED } from '../simulator/fixture';
import { ensureSystemPackages } from '../system/deps';
import { backfill, prometheusConfig, startPrometheus, type PrometheusProcess } from '../system/prometheus';
import { freePort } from '../system/ports';
import { simulatorSourceKey } from '../system/source-key';

/** The meshes the fixture story is rendered for: the same shop, Istio's or Linkerd's metric names. */
export type FixtureMesh = 'istio' | 'linkerd';
export const FIXTURE_MESHES: readonly FixtureMesh[] = ['istio', 'linkerd'];

const ROOT = path.resolve(__dirname, '../..');

/** Builds (or reuses) the fixture TSDB of one mesh and returns its directory. */
export async function ensureFixtureTsdb(log: (line: string) => void = console.log, mesh: FixtureMesh = 'istio'): Promise<string> {
  const meshDir = path.join(ROOT, '.data/fixture', mesh);
  const dir = path.join(meshDir, simulatorSourceKey(`${TEST_SEED}:${TEST_ANCHOR}:${TEST_HISTORY_DAYS}:${mesh}`));
  const tsdb = path.join(dir, 'tsdb');
  if (existsSync(path.join(dir, 'READY'))) return tsdb;
  ensureSystemPackages(['prometheus'], log);
  // Histories of older simulator sources (and of the single-mesh layout) are stale.
  for (const entry of existsSync(path.join(ROOT, '.data/fixture')) ? readdirSync(path.join(ROOT, '.data/fixture')) : []) {
    if (!FIXTURE_MESHES.includes(entry as FixtureMesh)) rmSync(path.join(ROOT, '.data/fixture', entry), { recursive: true, force: true });
  }
  rmSync(meshDir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'history.om');
  const started = Date.now();
  const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR, mesh });
  await writeHistory({ model, from: TEST_ANCHOR - TEST_HISTORY_DAYS * 86_400, to: TEST_ANCHOR, outFile: file });
  const generated = Date.now();
  await backfill(file, tsdb);
  rmSync(file);
  writeFileSync(path.join(dir, 'READY'), new Date().toISOString());
  log(
    `Fixture history (${mesh}): generated in ${((generated - started) / 1000).toFixed(1)} s, ` +
      `backfilled in ${((Date.now() - generated) / 1000).toFixed(1)} s`,
  );
  return tsdb;
}

/** A private copy of the fixture TSDB (Prometheus writes into its data directory). */
export async function copyFixture(mesh: FixtureMesh = 'istio'): Promise<{ work: string; dataDir: string; remove(): void }> {
  const tsdb = await ensureFixtureTsdb(console.log, mesh);
  const work = path.join(os.tmpdir(), `meshwatch-prom-${mesh}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
  const dataDir = path.join(work, 'data');
  mkdirSync(work, { recursive: true });
  cpSync(tsdb, dataDir, { recursive: true });
  return { work, dataDir, remove: () => rmSync(work, { recursive: true, force: true }) };
}

export async function startOnCopy(copy: { work: string; dataDir: string }, port: number): Promise<PrometheusProcess> {
  return startPrometheus({ dataDir: copy.dataDir, workDir: copy.work, port, configYaml: prometheusConfig([]), retention: '100y' });
}

/** A Prometheus on a free loopback port over a private copy of one mesh's fixture TSDB. */
export async function startFixturePrometheus(port?: number, mesh: FixtureMesh = 'istio'): Promise<PrometheusProcess> {
  const copy = await copyFixture(mesh);
  const prom = await startOnCopy(copy, port ?? (await freePort()));
  return {
    ...prom,
    stop: async () => {
      await prom.stop();
      copy.remove();
    },
  };
}

export function dirSizeBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirSizeBytes(p) : statSync(p).size;
  }
  return total;
}

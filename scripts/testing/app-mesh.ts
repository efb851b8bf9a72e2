// Integration tests that check a figure on every mesh's fixture: points the app's server code at one
// mesh's Prometheus, with the mesh left to detection (MESH=auto), as a new user's deployment would be.
import { afterAll, beforeAll, inject, vi } from 'vitest';
import type { FixtureMesh } from './fixture-tsdb';

export { FIXTURE_MESHES, type FixtureMesh } from './fixture-tsdb';

// lib/prometheus keeps one client per process on globalThis (shared by Next's bundles).
const forgetClient = () => delete (globalThis as { __meshwatchPrometheusClient?: unknown }).__meshwatchPrometheusClient;

/**
 * For the enclosing describe: stubs PROMETHEUS_URL and MESH, forgets every module and the process-wide
 * Prometheus client, then loads the module under test afresh (`load`, e.g. `() => import('./route')`),
 * so it reads the new environment and detects the mesh itself. Afterwards the environment is restored.
 * Returns a getter for the loaded module.
 */
export function appOnMesh<T>(mesh: FixtureMesh, load: () => Promise<T>): () => T {
  let loaded: T | undefined;
  beforeAll(async () => {
    vi.stubEnv('PROMETHEUS_URL', inject('prometheusUrls')[mesh]);
    vi.stubEnv('MESH', 'auto');
    vi.resetModules();
    forgetClient();
    loaded = await load();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
    forgetClient();
  });
  return () => {
    if (loaded === undefined) throw new Error('module not loaded yet: call the getter inside a test');
    return loaded;
  };
}

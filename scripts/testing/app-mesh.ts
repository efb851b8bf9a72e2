// Integration tests that check a figure on every mesh's fixture: points the app's server code at one
// mesh's Prometheus, with the mesh left to detection (MESH=auto), as a new user's deployment would be.
import { inject, vi } from 'vitest';
import type { FixtureMesh } from './fixture-tsdb';

export { FIXTURE_MESHES, type FixtureMesh } from './fixture-tsdb';

/**
 * Stubs PROMETHEUS_URL and MESH, then forgets every module and the process-wide Prometheus client,
 * so modules imported afterwards (with `await import(...)`) read the new environment and detect the
 * mesh afresh. Call it in a `beforeAll` and import the route under test there.
 */
export function pointAppAt(mesh: FixtureMesh): void {
  vi.stubEnv('PROMETHEUS_URL', inject('prometheusUrls')[mesh]);
  vi.stubEnv('MESH', 'auto');
  vi.resetModules();
  // lib/prometheus keeps one client per process on globalThis (shared by Next's bundles).
  delete (globalThis as { __meshwatchPrometheusClient?: unknown }).__meshwatchPrometheusClient;
}

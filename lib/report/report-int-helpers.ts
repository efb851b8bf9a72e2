// The report as a browser gets it, for the integration tests of lib/report: GET /api/report through the
// real route handler against the fixture Prometheus, checked against the public schema.
import { expect, inject, vi } from 'vitest';
import { GET } from '@/app/api/report/route';
import { reportSchema, type Report } from './schema';

/** GET /api/report?month=…; stubs the Prometheus env (undone by the caller's vi.unstubAllEnvs()). `env` adds more, e.g. MESH. */
export async function fetchReport(month: string, env: Record<string, string> = {}): Promise<Report> {
  vi.stubEnv('PROMETHEUS_URL', inject('prometheusUrl'));
  // A month of history under a loaded machine: well past the default timeout.
  vi.stubEnv('PROMETHEUS_TIMEOUT_MS', '120000');
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const res = await GET(new Request(`http://meshwatch.test/api/report?month=${month}`));
  expect(res.status).toBe(200);
  return reportSchema.parse(await res.json());
}

// Stops and restarts the real fixture Prometheus behind the app under test (scripts/testing/e2e-server.ts).
import type { APIRequestContext } from '@playwright/test';

const controlUrl = () => {
  const url = process.env.E2E_CONTROL_URL;
  if (!url) throw new Error('E2E_CONTROL_URL is not set (playwright.config.ts sets it)');
  return url;
};

export async function stopPrometheus(request: APIRequestContext): Promise<void> {
  const res = await request.post(`${controlUrl()}/prometheus/stop`);
  if (!res.ok()) throw new Error(`could not stop Prometheus: ${res.status()}`);
}

export async function startPrometheus(request: APIRequestContext): Promise<void> {
  const res = await request.post(`${controlUrl()}/prometheus/start`, { timeout: 120_000 });
  if (!res.ok()) throw new Error(`could not start Prometheus: ${res.status()}`);
}

export function fixtureTime(): number {
  const time = Number(process.env.E2E_FIXTURE_TIME);
  if (!Number.isFinite(time)) throw new Error('E2E_FIXTURE_TIME is not set (playwright.config.ts sets it)');
  return time;
}

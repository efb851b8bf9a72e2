// Integration tests run against a real Prometheus loaded with the deterministic fixture history.
// `npm test` starts one and passes TEST_PROMETHEUS_URL; run alone, this setup starts its own.
import type { TestProject } from 'vitest/node';
import { TEST_ANCHOR, TEST_SEED } from '../simulator/fixture';
import { startFixturePrometheus } from './fixture-tsdb';

declare module 'vitest' {
  export interface ProvidedContext {
    prometheusUrl: string;
    fixture: { seed: number; anchor: number };
  }
}

export default async function setup(project: TestProject) {
  let url = process.env.TEST_PROMETHEUS_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const prom = await startFixturePrometheus();
    url = prom.url;
    stop = prom.stop;
  }
  project.provide('prometheusUrl', url);
  project.provide('fixture', { seed: TEST_SEED, anchor: TEST_ANCHOR });
  return async () => {
    await stop?.();
  };
}

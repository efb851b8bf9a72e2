// Integration tests run against real Prometheus servers loaded with the deterministic fixture history,
// one per mesh (the same shop rendered with Istio's and with Linkerd's metric names). `npm test` starts
// them and passes TEST_PROMETHEUS_URL and TEST_PROMETHEUS_URL_LINKERD; run alone, this setup starts its own.
import type { TestProject } from 'vitest/node';
import { TEST_ANCHOR, TEST_SEED } from '../simulator/fixture';
import { startFixturePrometheus, type FixtureMesh } from './fixture-tsdb';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Istio fixture's Prometheus (the default mesh of the tests). */
    prometheusUrl: string;
    /** Every mesh's fixture Prometheus: run a figure's check on each with `describe.each(FIXTURE_MESHES)`. */
    prometheusUrls: Record<FixtureMesh, string>;
    fixture: { seed: number; anchor: number };
  }
}

const ENV: Record<FixtureMesh, string> = { istio: 'TEST_PROMETHEUS_URL', linkerd: 'TEST_PROMETHEUS_URL_LINKERD' };

export default async function setup(project: TestProject) {
  const stops: Array<() => Promise<void>> = [];
  const urls = {} as Record<FixtureMesh, string>;
  for (const mesh of ['istio', 'linkerd'] as const) {
    let url = process.env[ENV[mesh]];
    if (!url) {
      const prom = await startFixturePrometheus(undefined, mesh);
      url = prom.url;
      stops.push(prom.stop);
    }
    urls[mesh] = url;
  }
  project.provide('prometheusUrl', urls.istio);
  project.provide('prometheusUrls', urls);
  project.provide('fixture', { seed: TEST_SEED, anchor: TEST_ANCHOR });
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}

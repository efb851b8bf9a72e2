// A perRegion SLO's rules loaded by a real Prometheus (its own, with the rule file): Prometheus accepts
// them, and reading them back from /api/v1/rules (its reprint of each expression) says `loaded`, not
// `stale`, though the all-regions and region-grouped records share their names.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrometheusClient } from '@/lib/prometheus';
import { sloSpecSchema } from '@/lib/slo/spec';
import { freePort, waitFor } from '@/scripts/system/ports';
import { prometheusConfig, startPrometheus, type PrometheusProcess } from '@/scripts/system/prometheus';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import { rulesFileYaml } from './bundle';
import { sloAlerting } from './readback';

const REGIONS = { 'prod-us-east': 'us-east', 'prod-eu-west': 'eu-west', 'prod.lab': 'lab' };
const SPECS = [
  sloSpecSchema.parse({ name: 'reviews-availability', service: 'reviews', namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective: 99.9, window: '30d', perRegion: true }),
  sloSpecSchema.parse({ name: 'reviews-latency', service: 'reviews', namespace: 'shop', team: 'storefront', indicator: { type: 'latency', thresholdMs: 250 }, objective: 99, window: '28d', perRegion: true }),
];

describe.each(FIXTURE_MESHES)('perRegion rules in a real Prometheus (%s)', (mesh) => {
  const sli = FIXTURE_SLI[mesh];
  let dir: string;
  let prom: PrometheusProcess;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), `meshwatch-region-rules-${mesh}-`));
    const file = path.join(dir, 'rules.yml');
    writeFileSync(file, rulesFileYaml(SPECS, sli, undefined, REGIONS));
    prom = await startPrometheus({ dataDir: path.join(dir, 'data'), workDir: dir, port: await freePort(), configYaml: prometheusConfig([], { ruleFiles: [file] }) });
  });
  afterAll(async () => {
    await prom?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads them, and the read-back finds every rule as generated', async () => {
    const client = createPrometheusClient({ baseUrl: prom.url, timeoutMs: 30_000 });
    let groups: Awaited<ReturnType<typeof client.rules>> = [];
    await waitFor(
      async () => {
        groups = await client.rules();
        return groups.length > 0;
      },
      30_000,
      'the rules to load',
    );
    expect(groups.every((g) => g.rules.every((r) => r.health !== 'err'))).toBe(true);
    const states = sloAlerting(SPECS, groups, new Map(), sli, new Map(), REGIONS);
    expect(states.map((s) => [s.name, s.rules, s.detail])).toEqual(SPECS.map((s) => [s.name, 'loaded', undefined]));
  });
});

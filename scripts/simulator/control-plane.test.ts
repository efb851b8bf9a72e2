// Workload certificates as the meshes renew them: a 24 h certificate renewed at half its life (Istio)
// or at 70 % (Linkerd), so at any moment every proxy has between 12 h (7.2 h) and 24 h left, pods
// renew at different moments, and the CA certificate counts down to the story's root expiry.
import { describe, expect, it } from 'vitest';
import { TEST_ANCHOR, TEST_SEED } from './fixture';
import { createModel } from './model';

const HOUR = 3600;

describe.each([
  ['istio', 'istio_agent_cert_expiry_seconds', 12],
  ['linkerd', 'identity_cert_expiration_timestamp_seconds', 7.2],
] as const)('%s workload certificates', (mesh, name, floorHours) => {
  const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR, mesh });
  const series = model.families.find((f) => f.name === name)?.series ?? [];
  const leftAt = (s: (typeof series)[number], t: number) => (mesh === 'istio' ? s.value(t) : s.value(t) - t);

  it('one per proxy, each with between the renewal point and 24 h left, hour after hour', () => {
    expect(series.length).toBeGreaterThan(10);
    for (let t = TEST_ANCHOR - 48 * HOUR; t <= TEST_ANCHOR; t += 7 * 60) {
      for (const s of series.filter((x) => t >= x.start && t < x.end)) {
        const left = leftAt(s, t) / HOUR;
        expect(left).toBeGreaterThan(floorHours);
        expect(left).toBeLessThanOrEqual(24);
      }
    }
  });

  it('pods renew at different moments', () => {
    const alive = series.filter((s) => TEST_ANCHOR >= s.start && TEST_ANCHOR < s.end);
    expect(new Set(alive.map((s) => Math.round(leftAt(s, TEST_ANCHOR)))).size).toBeGreaterThan(alive.length / 2);
  });
});

it('the CA certificate counts down to the root expiry on both meshes', () => {
  const istio = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR, mesh: 'istio' });
  const linkerd = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR, mesh: 'linkerd' });
  const ttl = linkerd.families.find((f) => f.name === 'issuer_cert_ttl_seconds')?.series[0];
  const root = istio.families.find((f) => f.name === 'citadel_server_root_cert_expiry_timestamp')?.series[0];
  expect(ttl?.value(TEST_ANCHOR)).toBe(linkerd.facts.rootCertExpiry - TEST_ANCHOR);
  expect(root?.value(TEST_ANCHOR)).toBe(istio.facts.rootCertExpiry);
});

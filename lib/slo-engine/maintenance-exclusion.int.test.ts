// An SLO with excludeMaintenance over the fixture history (a real Prometheus, both meshes): its budget,
// SLI and events equal the simulator's truth over the SLO window minus the truth inside its maintenance
// windows (merged where they overlap), computed here from model.truth(); windows of other services
// change nothing, and the same SLO without the flag keeps the whole truth.
import { describe, expect, inject, it } from 'vitest';
import { createPrometheusClient } from '@/lib/prometheus';
import { sloSpecSchema } from '@/lib/slo/spec';
import { createModel, TEST_HISTORY_DAYS } from '@/scripts/simulator';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import { evaluateSlos } from './evaluate';

const { seed, anchor } = inject('fixture');
const model = createModel({ seed, anchor });
const HISTORY_START = anchor - TEST_HISTORY_DAYS * 86_400;
const outage = model.timeline.find((e) => e.id === 'payments-outage');
if (!outage?.end) throw new Error('no payments outage in the story');

const spec = (name: string, excludeMaintenance: boolean) =>
  sloSpecSchema.parse({ name, service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d', excludeMaintenance });
// Two overlapping windows around the outage (merged: outage start - 10 min .. outage end + 5 min), and one of another service.
const WINDOWS = [
  { scope: { namespace: 'payments' }, start: outage.start - 600, end: outage.start + 600 },
  { scope: { namespace: 'payments', service: 'payments' }, start: outage.start, end: outage.end + 300 },
  { scope: { namespace: 'shop', service: 'cart' }, start: anchor - 7200, end: anchor - 3600 },
];
const EXCLUDED = { start: outage.start - 600, end: outage.end + 300 };

function truthOf(from: number, to: number) {
  const t = model.truth(from, to).services.find((s) => s.id === 'payments/payments');
  if (!t) throw new Error('no truth for payments');
  return t;
}

describe.each(FIXTURE_MESHES)('excludeMaintenance against the simulator truth (%s)', (mesh) => {
  const client = createPrometheusClient({ baseUrl: inject('prometheusUrls')[mesh], timeoutMs: 60_000 });

  it("budget = (truth's errors - the windows') / (truth's requests - the windows') / (1 - objective)", async () => {
    const { evaluations } = await evaluateSlos([spec('excluding', true), spec('whole', false)], { client, time: anchor, sli: FIXTURE_SLI[mesh], maintenance: WINDOWS });
    const [excluding, whole] = evaluations.map((e) => e.status);
    const all = truthOf(Math.max(anchor - 30 * 86_400, HISTORY_START), anchor);
    const inside = truthOf(EXCLUDED.start, EXCLUDED.end);
    // The outage is inside the windows: leaving it out must change the budget a lot, or the test proves nothing.
    expect(inside.errors / all.errors).toBeGreaterThan(0.5);
    const expected = (all.errors - inside.errors) / (all.requests - inside.requests) / 0.001;
    // The 30-day window starts at the history's first sample, where increase() extrapolates (evaluate.int.test.ts).
    const tol = 1e-4;
    expect(Math.abs((excluding?.errorBudget.consumed ?? NaN) - expected)).toBeLessThanOrEqual(tol * expected);
    expect(Math.abs((excluding?.traffic.events ?? NaN) - (all.requests - inside.requests))).toBeLessThanOrEqual(tol * all.requests);
    expect(excluding?.maintenance).toMatchObject({ windows: 2, seconds: EXCLUDED.end - EXCLUDED.start });
    expect(Math.abs((excluding?.maintenance?.events ?? NaN) - inside.requests)).toBeLessThanOrEqual(1e-9 * inside.requests + 1);
    expect(Math.abs((whole?.errorBudget.consumed ?? NaN) - all.errors / all.requests / 0.001)).toBeLessThanOrEqual(tol * (all.errors / all.requests / 0.001));
    expect(whole?.maintenance).toBeUndefined();
    // The alert windows are not adjusted: the 3d burn rate is the same with and without the flag.
    expect(excluding?.burnRates['3d']).toBe(whole?.burnRates['3d']);
  });

  it('evaluates at a fractional instant inside an ongoing window (a live preview asks at Date.now() / 1000)', async () => {
    const time = anchor - 3600.4;
    // Maintenance times are whole seconds; the instant is not, so the interval up to it is not either.
    const ongoing = [{ scope: { namespace: 'payments' }, start: anchor - 3600 - 7200, end: anchor }];
    const { evaluations } = await evaluateSlos([spec('excluding', true)], { client, time, sli: FIXTURE_SLI[mesh], maintenance: ongoing });
    const [excluding] = evaluations;
    expect(excluding?.error?.message ?? null).toBeNull();
    expect(excluding?.status?.maintenance).toMatchObject({ windows: 1 });
    // The two hours before the instant, from the simulator's truth (counts are per minute: a second's rounding is far inside 1 %).
    const inside = truthOf(anchor - 3600 - 7200, time);
    expect(Math.abs((excluding?.status?.maintenance?.events ?? NaN) - inside.requests)).toBeLessThanOrEqual(0.01 * inside.requests);
  });
});

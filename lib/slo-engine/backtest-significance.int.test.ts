// Significant events and advice on real outages (issue 11, item 10): an event that spends at least 2%
// of the budget within an hour is significant by definition; precision and recall are scored on pages
// against those events, and no recommendation may stop paging on one. Checked on the simulator's
// payments outage (both meshes' 30-day fixtures) and on a live incident injected into the simulator
// (half of payments' requests failing, still going on at the end of the range).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrometheusClient, type PrometheusClient } from '@/lib/prometheus';
import { createModel, TEST_HISTORY_DAYS } from '@/scripts/simulator';
import { createIncidentControl } from '@/scripts/simulator/live-control/incident';
import type { PrometheusProcess } from '@/scripts/system/prometheus';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import { startModelPrometheus } from '@/scripts/testing/history-prometheus';
import { backtestSlo } from './backtest-run';
import type { BacktestResult } from '@/lib/slo/backtest/schema';
import type { SliSource } from '@/lib/slo/sli-source';
import { sloSpecSchema, type Policy, type SloSpec } from '@/lib/slo/spec';

const { seed, anchor } = inject('fixture');
const MIN = 60;
const DAY = 86_400;
const payments = sloSpecSchema.parse({ name: 'payments-availability', service: 'payments', namespace: 'payments', team: 'sre', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });
/** The default policy's tickets alone: a policy that would not page (issue 11). */
const TICKETS_ONLY: Policy = {
  alerts: [
    { severity: 'ticket', longWindow: '1d', shortWindow: '2h', threshold: 3, for: '1h' },
    { severity: 'ticket', longWindow: '3d', shortWindow: '6h', threshold: 1, for: '3h' },
  ],
};
/** The default policy written out, so that a recommendation's change can be applied to it. */
const DEFAULT: Policy = {
  alerts: [
    { severity: 'page', longWindow: '1h', shortWindow: '5m', threshold: 14.4, for: '2m30s' },
    { severity: 'page', longWindow: '6h', shortWindow: '30m', threshold: 6, for: '15m' },
    ...TICKETS_ONLY.alerts,
  ],
};

/** The default policy with one recommendation's threshold or for: applied to the pair it names. */
function applied(change: string): Policy {
  const threshold = /threshold of (\S+) from \S+ to ([\d.]+)/.exec(change);
  const newFor = /for: (\S+) on (\S+)/.exec(change);
  return {
    alerts: DEFAULT.alerts.map((a) => {
      const label = `${a.longWindow}/${a.shortWindow}`;
      if (threshold && threshold[1] === label) return { ...a, threshold: Number(threshold[2]) };
      if (newFor && newFor[2] === label) return { ...a, for: newFor[1] };
      return a;
    }),
  };
}

interface Case {
  client: () => PrometheusClient;
  from: number;
  to: number;
  /** When the failures began. */
  start: number;
  sli: SliSource;
}

function checks(c: Case) {
  const run = (policy: Policy, spec: SloSpec = payments): Promise<BacktestResult> =>
    backtestSlo(spec, { client: c.client(), from: c.from, to: c.to, policy, sli: c.sli }).then((r) => r.result);

  it('finds the failures as one significant event, pages on it, and scores precision and recall 1 without calling it noise', async () => {
    const result = await run(DEFAULT);
    expect(result.events).toHaveLength(1);
    expect(Math.abs((result.events[0]?.start ?? 0) - c.start)).toBeLessThanOrEqual(2 * MIN);
    expect(result.events[0]?.severity).toBe('page');
    expect(result.summary).toMatchObject({ precision: 1, recall: 1 });
    expect(result.recommendations.map((r) => r.kind)).not.toContain('noisy');
  });

  it('no recommendation would stop paging on it', async () => {
    const result = await run(DEFAULT);
    for (const rec of result.recommendations) {
      const after = await run(applied(rec.change));
      expect(after.summary.recall, `${rec.kind}: ${rec.change}`).toBe(1);
    }
  });

  it('a policy that would not have paged scores recall 0 and is told to page', async () => {
    const result = await run(TICKETS_ONLY);
    expect(result.summary.pages).toBe(0);
    expect(result.events).toHaveLength(1);
    expect(result.summary).toMatchObject({ precision: null, recall: 0 });
    expect(result.recommendations.find((r) => r.kind === 'quiet')?.change).toMatch(/^Add a page alert over 1h\/5m at 14\.4x/);
  });
}

describe.each(FIXTURE_MESHES)("the simulator's payments outage (%s fixture)", (mesh) => {
  const outage = createModel({ seed, anchor, mesh }).timeline.find((e) => e.id === 'payments-outage');
  if (!outage) throw new Error('no payments outage in the story');
  const client = createPrometheusClient({ baseUrl: inject('prometheusUrls')[mesh], timeoutMs: 120_000 });
  checks({ client: () => client, from: anchor - TEST_HISTORY_DAYS * DAY, to: anchor, start: outage.start, sli: FIXTURE_SLI[mesh] });
});

describe('a live incident injected into the simulator: half of payments failing, still going on', () => {
  // The demo's situation: the simulator serving live metrics after its history, an incident started a
  // few minutes ago, the backtest over the SLO window up to now. Live scrapes come every 15 s.
  const NOW = anchor + 20 * MIN;
  const INCIDENT = { service: 'payments', start: anchor + 5 * MIN, end: anchor + 35 * MIN, errorShare: 0.5 };
  let prom: PrometheusProcess | undefined;
  let client: PrometheusClient | undefined;
  beforeAll(async () => {
    const control = createIncidentControl(createModel({ seed, anchor }));
    control.inject(INCIDENT);
    prom = await startModelPrometheus(control.model, anchor - DAY, NOW, 15);
    client = createPrometheusClient({ baseUrl: prom.url, timeoutMs: 120_000 });
  }, 600_000);
  afterAll(async () => {
    await prom?.stop();
  });

  it('spends far more than 2% of the budget within its first quarter hour (the truth, by hand)', () => {
    // Injected errors are half the successful requests (incident.ts); the budget is 0.1% of 30 days of
    // the day's traffic (the range's mean stands in for the missing history).
    const model = createModel({ seed, anchor });
    const during = model.truth(INCIDENT.start, NOW).services.find((s) => s.id === 'payments/payments');
    const day = model.truth(anchor - DAY, NOW).services.find((s) => s.id === 'payments/payments');
    const injected = 0.5 * ((during?.requests ?? 0) - (during?.errors ?? 0) - (during?.fourxx ?? 0));
    const budget = 0.001 * (((day?.requests ?? 0) * 30 * DAY) / (NOW - (anchor - DAY)));
    expect(injected / budget).toBeGreaterThan(0.02);
  });

  checks({ client: () => client as PrometheusClient, from: NOW - 30 * DAY, to: NOW, start: INCIDENT.start, sli: FIXTURE_SLI.istio });
});

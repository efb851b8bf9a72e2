// A backtest reads the recording rules' series when they cover the range and then finds what it finds
// on the raw counters: a private real Prometheus over the fixture whose recorded series are backfilled
// around the payments outage with Prometheus's own rule engine (scripts/testing/recorded-fixture.ts), on
// the Istio and on the Linkerd history, each with its mesh's rules.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrometheusClient, type PrometheusClient } from '@/lib/prometheus';
import { createModel } from '@/scripts/simulator';
import type { PrometheusProcess } from '@/scripts/system/prometheus';
import { startRecordedFixture } from '@/scripts/testing/recorded-fixture';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import { backtestSlo } from './backtest-run';
import { sloSpecSchema } from '@/lib/slo/spec';

const { seed, anchor } = inject('fixture');
const outage = createModel({ seed, anchor }).timeline.find((e) => e.id === 'payments-outage');
if (!outage) throw new Error('no payments outage in the story');
/** Recorded from half an hour before the outage to two hours after its start. */
const RECORDED_FROM = outage.start - 1800;
const RECORDED_TO = outage.start + 7200;
/** The backtest starts a few minutes into the recorded range, so every window has a sample at `from`. */
const FROM = RECORDED_FROM + 300;

const payments = sloSpecSchema.parse({ name: 'payments-availability', service: 'payments', namespace: 'payments', team: 'sre', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });

describe.each(FIXTURE_MESHES)('backtest over recorded series (%s)', (mesh) => {
  const sli = FIXTURE_SLI[mesh];
  let prom: PrometheusProcess;
  let client: PrometheusClient;
  beforeAll(async () => {
    prom = await startRecordedFixture([payments], RECORDED_FROM, RECORDED_TO, mesh);
    client = createPrometheusClient({ baseUrl: prom.url, timeoutMs: 120_000 });
  }, 600_000);
  afterAll(async () => {
    await prom?.stop();
  });

  it('reads the recorded series, and pages when the raw counters say it would', async () => {
    const recorded = (await backtestSlo(payments, { client, from: FROM, to: RECORDED_TO, sli })).result;
    const raw = (await backtestSlo(payments, { client, from: FROM, to: RECORDED_TO, preferRecorded: false, sli })).result;
    expect(recorded.source).toBe('recorded');
    expect(recorded.queries.every((q) => q.startsWith('slo:'))).toBe(true);
    expect(raw.source).toBe('raw');
    const page = (r: typeof raw) => r.episodes.find((e) => e.severity === 'page');
    expect(page(raw)).toBeDefined();
    // The recording rules run on the same minute grid as the backtest: the same evaluations, so the
    // same first firing minute (one minute of slack for the rule group's evaluation offset).
    expect(Math.abs((page(recorded)?.start ?? 0) - (page(raw)?.start ?? 0))).toBeLessThanOrEqual(60);
  });

  it('guessing the read from when the SLO was defined changes no result, whichever way the probe goes', async () => {
    // Defined at `from` (raw counters guessed) or long before (recorded guessed); the probe decides.
    const hints = (definedAt: number) => ({ definedAt: new Map([[payments.name, definedAt]]) });
    for (const from of [FROM, RECORDED_FROM - 86_400]) {
      const plain = (await backtestSlo(payments, { client, from, to: RECORDED_TO, sli })).result;
      const guessedRaw = (await backtestSlo(payments, { client, from, to: RECORDED_TO, sli, recordedHints: hints(from) })).result;
      const guessedRecorded = (await backtestSlo(payments, { client, from, to: RECORDED_TO, sli, recordedHints: hints(from - 86_400) })).result;
      expect(plain.source).toBe(from === FROM ? 'recorded' : 'raw');
      expect(guessedRaw).toEqual(plain);
      expect(guessedRecorded).toEqual(plain);
    }
  });

  it('reads raw counters for a range the recorded series do not cover', async () => {
    const { result } = await backtestSlo(payments, { client, from: RECORDED_FROM - 86_400, to: RECORDED_TO, sli });
    expect(result.source).toBe('raw');
  });
});

// The September report over the fixture history (a real Prometheus) against the simulator's exact
// counts, computed without the code under test: SLIs and budgets from model.truth() over the part of
// the month the history holds, and the payments page from the SRE Workbook's pairs written by hand,
// evaluated minute by minute on the truth (scripts/testing/truth-payments-page.ts).
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { GET } from '@/app/api/report/route';
import { createModel, TEST_HISTORY_DAYS } from '@/scripts/simulator';
import { DEMO_SLOS } from '@/scripts/demo-slos';
import { withTempSloStore } from '@/scripts/testing/temp-slo-store';
import { truthPaymentsBudget, truthPaymentsPage } from '@/scripts/testing/truth-payments-page';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import { fetchReport } from './report-int-helpers';
import type { Report } from './schema';

const { seed, anchor } = inject('fixture');
const model = createModel({ seed, anchor });
const HISTORY_START = anchor - TEST_HISTORY_DAYS * 86_400;
const MIN = 60;
// September 2026 in UTC, written out.
const SEPT = { from: Date.parse('2026-09-01T00:00:00Z') / 1000, to: Date.parse('2026-10-01T00:00:00Z') / 1000 };
const outage = model.timeline.find((e) => e.id === 'payments-outage');
if (!outage?.end) throw new Error('no payments outage in the story');

const SPECS: SloSpec[] = DEMO_SLOS.map((s) => sloSpecSchema.parse(s));

function truthOf(id: string, from: number, to: number) {
  const s = model.truth(from, to).services.find((x) => x.id === id);
  if (!s) throw new Error(`no ${id} in the model`);
  return s;
}

/** Bad and total events of a spec over [from, to] (good = the threshold's bucket for latency). */
function truthCounts(spec: SloSpec, from: number, to: number): { bad: number; total: number } {
  const t = truthOf(`${spec.namespace}/${spec.service}`, from, to);
  if (spec.indicator.type !== 'latency') return { bad: t.errors, total: t.requests };
  const threshold = spec.indicator.thresholdMs;
  const total = t.latencyBuckets.at(-1)?.count ?? 0;
  return { bad: total - (t.latencyBuckets.find((b) => b.le === threshold)?.count ?? 0), total };
}

const budget = (spec: SloSpec) => (100 - spec.objective) / 100;

describe('the September 2026 report over the 30-day story', () => {
  let report: Report;
  withTempSloStore('report', SPECS, { maintenance: true });
  beforeAll(async () => {
    report = await fetchReport('2026-09');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('covers September in UTC, compares with August, and says the data starts on 1 September at noon', () => {
    expect(report).toMatchObject({ ...SEPT, month: '2026-09', previousPeriod: { from: Date.parse('2026-08-01T00:00:00Z') / 1000, to: SEPT.from } });
    // The history starts at anchor - 30 days; found to the probe's 5-minute step.
    expect(HISTORY_START).toBe(Date.parse('2026-09-01T12:00:00Z') / 1000);
    expect(Math.abs((report.dataStart ?? 0) - HISTORY_START)).toBeLessThanOrEqual(5 * MIN);
  });

  it.each(SPECS.map((s) => [s.name, s] as const))('%s: SLI, budget consumed and met over the month are the truth over what the history holds', (_name, spec) => {
    const row = report.slos.find((s) => s.name === spec.name);
    const t = truthCounts(spec, HISTORY_START, SEPT.to);
    const ratio = t.bad / t.total;
    const consumed = ratio / budget(spec);
    console.info(`${spec.name}: truth SLI ${(1 - ratio).toFixed(6)}, budget ${consumed.toFixed(4)}; report SLI ${row?.sli?.toFixed(6)}, budget ${row?.budgetConsumed?.toFixed(4)}`);
    // increase() over the month extrapolates half a scrape interval before the first sample (seconds
    // in a month) and catalog's old pod series end at the deploy: 0.5 % relative covers both.
    expect(Math.abs((row?.budgetConsumed ?? 0) - consumed)).toBeLessThanOrEqual(0.005 * consumed);
    expect(Math.abs((row?.sli ?? 0) - (1 - ratio))).toBeLessThanOrEqual(0.005 * ratio);
    // Only assert met where the truth is not within the tolerance of the objective.
    if (Math.abs(consumed - 1) > 0.01) expect(row?.met).toBe(consumed <= 1);
    expect(row?.objective).toBe(spec.objective);
    // August is before the history: no figures, not zeros.
    expect(row?.previous).toEqual({ sli: null, budgetConsumed: null, met: null });
  });

  it('sums teams from their SLOs: SLOs met and the least budget left', () => {
    for (const team of new Set(SPECS.map((s) => s.team))) {
      const rows = report.slos.filter((s) => s.team === team);
      const consumed = SPECS.filter((s) => s.team === team).map((s) => {
        const t = truthCounts(s, HISTORY_START, SEPT.to);
        return t.bad / t.total / budget(s);
      });
      const t = report.teams.find((x) => x.team === team);
      expect(t?.slos).toBe(rows.length);
      expect(t?.met).toBe(rows.filter((r) => r.met).length);
      const worst = 1 - Math.max(...consumed);
      expect(Math.abs((t?.worstBudgetRemaining ?? 0) - worst)).toBeLessThanOrEqual(0.005 * Math.max(...consumed));
    }
  });

  it('lists the payments outage as a page with the duration and budget the truth gives', () => {
    const pages = report.incidents.filter((i) => i.slo === 'payments-availability' && i.severity === 'page');
    expect(pages).toHaveLength(1);
    const page = pages[0];
    const truth = truthPaymentsPage(model);
    console.info(
      `payments page: truth outage+${(truth.start - outage.start) / MIN} min to outage+${(truth.end - outage.start) / MIN} min (${(truth.end - truth.start) / MIN} min, budget ${truthPaymentsBudget(model, truth.start, truth.end, HISTORY_START, SEPT.to).toFixed(4)}); ` +
        `report outage+${((page?.start ?? 0) - outage.start) / MIN} min, ${(page?.durationSeconds ?? 0) / MIN} min, budget ${page?.budgetConsumed.toFixed(4)}`,
    );
    // Rules and the backtest evaluate once a minute and increase() over 30 s scrapes may move a
    // crossing by a sample: each end within 2 minutes, so the duration within 4.
    expect(Math.abs((page?.start ?? 0) - truth.start)).toBeLessThanOrEqual(2 * MIN);
    expect(page?.end).not.toBeNull();
    expect(Math.abs((page?.end ?? 0) - truth.end)).toBeLessThanOrEqual(2 * MIN);
    expect(Math.abs((page?.durationSeconds ?? 0) - (truth.end - truth.start))).toBeLessThanOrEqual(4 * MIN);
    expect(page?.durationSeconds).toBe((page?.end ?? 0) - (page?.start ?? 0));
    // The budget of the episode the report found, from the truth: 3 % as in the backtest's own test.
    const expected = truthPaymentsBudget(model, page?.start ?? 0, page?.end ?? 0, HISTORY_START, SEPT.to);
    expect(Math.abs((page?.budgetConsumed ?? 0) - expected)).toBeLessThanOrEqual(0.03 * expected);
  });

  it('orders incidents longest first, all within the month', () => {
    const durations = report.incidents.map((i) => i.durationSeconds);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
    for (const i of report.incidents) {
      expect(i.start).toBeGreaterThanOrEqual(SEPT.from);
      expect(i.end ?? SEPT.to).toBeLessThanOrEqual(SEPT.to);
    }
  });

  it('gives every service without an SLO its availability over the month, as the truth', () => {
    const withSlo = new Set(SPECS.map((s) => `${s.namespace}/${s.service}`));
    const expected = model
      .truth(HISTORY_START, SEPT.to)
      .services.filter((s) => s.requests > 0 && !withSlo.has(s.id))
      .map((s) => s.id)
      .sort();
    expect(report.services.map((s) => `${s.namespace}/${s.service}`).sort()).toEqual(expected);
    for (const s of report.services) {
      const t = truthOf(`${s.namespace}/${s.service}`, HISTORY_START, SEPT.to);
      expect(Math.abs(s.availability - (1 - t.errors / t.requests))).toBeLessThanOrEqual(1e-5);
    }
    expect(report.errors).toEqual([]);
  });

  it('answers the same report as CSV, the payments page among the incidents', async () => {
    const res = await GET(new Request('http://meshwatch.test/api/report?month=2026-09&format=csv'));
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="meshwatch-slo-report-2026-09.csv"');
    const text = await res.text();
    const page = report.incidents.find((i) => i.slo === 'payments-availability' && i.severity === 'page');
    expect(text).toContain(`payments,payments-availability,page,${new Date((page?.start ?? 0) * 1000).toISOString().replace('.000Z', 'Z')}`);
  });
});

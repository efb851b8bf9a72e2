import { describe, expect, it } from 'vitest';
import type { Alert, RuleGroup } from '@/lib/prometheus/meta-schemas';
import { sloRuleGroups } from '@/lib/slo/rules/rules';
import type { SloSpec } from '@/lib/slo/spec';
import { liveAlertsBySlo, normalizeExpr, sameExpr, sloAlerting } from './readback';
import { istioSli } from '@/lib/mesh';

const spec: SloSpec = { name: 'cart-availability', service: 'cart', namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective: 99.9, window: '30d' };

describe('normalizeExpr', () => {
  // Left: as we write it; right: as Prometheus 2.42 re-prints it in /api/v1/rules.
  it.each([
    ['sum(increase(x{reporter="destination",a="b"}[5m]))', 'sum(increase(x{a="b",reporter="destination"}[5m]))'],
    ['a{slo="x",sli_hash="1"} > (14.4 * 0.001) and b{slo="x"} > (14.4 * 0.001)', 'a{sli_hash="1",slo="x"} > (14.4 * 0.001) and b{slo="x"} > (14.4 * 0.001)'],
    ['x{le=~"250(\\\\.0)?", z="a, b"}', 'x{z="a, b",le=~"250(\\\\.0)?"}'],
    // Prometheus prints durations in its largest units: 28d as 4w, 90d as 12w6d, 14d as 2w.
    ['sum(increase(x{a="b"}[28d]))', 'sum(increase(x{a="b"}[4w]))'],
    ['increase(x[90d]) / increase(x[14d])', 'increase(x[12w6d]) / increase(x[2w])'],
    ['max_over_time(x[1d:90m])', 'max_over_time(x[24h:1h30m])'],
  ])('%s equals its reprint', (ours, theirs) => expect(sameExpr(ours, theirs)).toBe(true));

  it.each([
    ['x{a="b c"}', 'x{a="bc"}'],
    ['x{a="1"} > (14.4 * 0.001)', 'x{a="1"} > (14.4 * 0.005)'],
    ['x{a="}",b="2"}', 'x{a="}",b="3"}'],
    ['increase(x[28d])', 'increase(x[30d])'],
    ['x{a="[28d]"}', 'x{a="[4w]"}'],
  ])('%s differs from %s', (a, b) => expect(sameExpr(a, b)).toBe(false));

  it('keeps braces and commas inside strings', () => expect(normalizeExpr('x{b="}", a = "1,2"}')).toBe('x{a="1,2",b="}"}'));
});

const loaded = (s: SloSpec, tweak: (expr: string) => string = (e) => e, regions: Record<string, string> = {}): RuleGroup[] =>
  sloRuleGroups(s, istioSli, undefined, regions).map((g) => ({
    name: g.name,
    file: '/rules.yml',
    interval: 15,
    rules: g.rules.map((r) =>
      'record' in r
        ? { type: 'recording' as const, name: r.record, query: tweak(r.expr), labels: r.labels, health: 'ok', lastEvaluationMs: null }
        : { type: 'alerting' as const, name: r.alert, query: tweak(r.expr), labels: r.labels, health: 'ok', lastEvaluationMs: null, state: 'inactive' as const, duration: 150, annotations: {}, alerts: [] },
    ),
  }));

describe('sloAlerting', () => {
  it('tells loaded, stale and missing rules apart', () => {
    const other = { ...spec, name: 'other' };
    expect(sloAlerting([spec], loaded(spec), new Map(), istioSli)[0]).toEqual({ name: spec.name, rules: 'loaded', alerts: [] });
    expect(sloAlerting([spec], loaded({ ...spec, objective: 99.5 }), new Map(), istioSli)[0]).toMatchObject({ rules: 'stale', detail: expect.stringContaining('4 rule(s) differ') });
    expect(sloAlerting([spec], loaded(spec).slice(0, 1), new Map(), istioSli)[0]).toMatchObject({ rules: 'stale', detail: expect.stringContaining('missing') });
    expect(sloAlerting([other], loaded(spec), new Map(), istioSli)[0]).toMatchObject({ rules: 'not_loaded' });
  });

  it('a perRegion SLO: its all-regions and region-grouped records of one name are told apart', () => {
    const regions = { 'prod-us-east': 'us-east', 'prod-eu-west': 'eu-west' };
    const regional = { ...spec, perRegion: true };
    expect(sloAlerting([regional], loaded(regional, undefined, regions), new Map(), istioSli, new Map(), regions)[0]).toEqual({ name: spec.name, rules: 'loaded', alerts: [] });
    // Prometheus holding the rules of before regions were configured: the region-grouped ones are missing.
    expect(sloAlerting([regional], loaded(regional), new Map(), istioSli, new Map(), regions)[0]).toMatchObject({ rules: 'stale', detail: expect.stringContaining('14 missing') });
  });

  it('keeps one firing alert per region', () => {
    const alert = (region: string): Alert => ({
      labels: { alertname: 'SLOErrorBudgetBurn', slo: 'r', severity: 'page', long_window: '1h', short_window: '5m', region },
      annotations: {},
      state: 'firing',
      activeAtMs: 1_790_000_000_000,
      value: 0.5,
    });
    expect(liveAlertsBySlo([alert('eu-west'), alert('us-east')]).get('r')?.map((a) => a.region)).toEqual(['eu-west', 'us-east']);
  });

  it('a 28-day SLO reprinted with [4w] reads loaded, not stale', () => {
    const monthly = { ...spec, window: '28d' };
    expect(sloAlerting([monthly], loaded(monthly, (e) => e.replaceAll('[28d]', '[4w]')), new Map(), istioSli)[0]).toEqual({ name: spec.name, rules: 'loaded', alerts: [] });
  });

  it('reports an SLO the last sync left out as rejected, with promtool\'s words, whatever Prometheus still holds', () => {
    const rejected = new Map([[spec.name, 'parse error: unclosed left parenthesis']]);
    expect(sloAlerting([spec], loaded(spec), new Map(), istioSli, rejected)[0]).toMatchObject({ rules: 'rejected', detail: expect.stringContaining('unclosed left parenthesis') });
    expect(sloAlerting([{ ...spec, name: 'other' }], [], new Map(), istioSli, rejected)[0]).toMatchObject({ rules: 'not_loaded' });
  });

  it('lists firing alerts before pending ones, pages before tickets, in unix seconds', () => {
    const alert = (severity: string, state: Alert['state'], at: number): Alert => ({
      labels: { alertname: 'SLOErrorBudgetBurn', slo: spec.name, severity, long_window: '1h', short_window: '5m' },
      annotations: {},
      state,
      activeAtMs: at * 1000,
      value: 0.02,
    });
    const noise: Alert = { ...alert('page', 'firing', 1), labels: { alertname: 'Watchdog', slo: spec.name } };
    const bySlo = liveAlertsBySlo([alert('ticket', 'firing', 30), alert('page', 'pending', 20), alert('page', 'firing', 10), noise]);
    const [entry] = sloAlerting([spec], [], bySlo, istioSli);
    expect(entry?.alerts.map((a) => `${a.state} ${a.severity} ${a.activeAt}`)).toEqual(['firing page 10', 'firing ticket 30', 'pending page 20']);
  });
});

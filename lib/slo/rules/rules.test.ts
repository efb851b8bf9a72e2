import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findBinary } from '@/scripts/system/deps';
import { prometheusRuleYaml, rulesYaml } from './output';
import { recordedWindows, sloRuleGroups, type AlertingRule, type RecordingRule } from './rules';
import { sliHash } from '../sli-hash';
import { sloSpecSchema, type SloSpec } from '../spec';
import { istioSli, linkerdSli } from '@/lib/mesh';

const spec = (patch: Record<string, unknown> = {}): SloSpec =>
  sloSpecSchema.parse({ name: 'cart-availability', service: 'cart', namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective: 99.9, window: '30d', ...patch });

const SPECS: Array<[string, SloSpec]> = [
  ['availability 30d', spec()],
  ['latency 28d', spec({ name: 'cart-latency', indicator: { type: 'latency', thresholdMs: 250 }, window: '28d' })],
  ['fractional latency threshold', spec({ name: 'cart-fast', indicator: { type: 'latency', thresholdMs: 2.5 } })],
  ['custom with policy', spec({ name: 'cart-custom', indicator: { type: 'custom', errorQuery: 'sum(increase(http_errors_total{job="cart"}[{{window}}]))', totalQuery: 'sum(increase(http_requests_total{job="cart"}[{{window}}]))' }, policy: { alerts: [{ severity: 'page', longWindow: '2h', threshold: 10 }] } })],
  // The schema now refuses the newline; a spec stored before that is still rendered safely.
  ['hostile label values', { ...spec({ name: 'odd', service: 'we{{ird}}"svc' }), team: 'a\nb' }],
];

describe('sloRuleGroups', () => {
  it('records summed error ratios and events per window, labelled with slo, service, namespace, team and sli_hash', () => {
    const [sli, budget, alerts] = sloRuleGroups(spec(), istioSli);
    const records = (sli?.rules ?? []) as RecordingRule[];
    expect(records.map((r) => r.record)).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d'].flatMap((w) => [`slo:sli_error:ratio_rate${w}`, `slo:sli_events:increase${w}`]));
    const sel = 'istio_requests_total{reporter="destination",destination_service_namespace="shop",destination_service_name="cart"';
    expect(records[0]?.expr).toBe(`(sum(increase(${sel},response_code=~"5..|0"}[5m])) or vector(0)) / (sum(increase(${sel}}[5m])) > 0)`);
    expect(records[0]?.labels).toEqual({ slo: 'cart-availability', service: 'cart', namespace: 'shop', team: 'storefront', sli_hash: sliHash(spec(), istioSli) });
    expect(recordedWindows(spec())).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d']);
    expect(budget).toMatchObject({ name: 'slo-cart-availability-budget', interval: '5m' });
    expect((budget?.rules[0] as RecordingRule).record).toBe('slo:sli_error:ratio_rate30d');
    expect(alerts?.rules).toHaveLength(4);
  });

  it('on Linkerd: the same groups over inbound response_total, a hash of their own, failures in Linkerd\'s words', () => {
    const istio = sloRuleGroups(spec(), istioSli);
    const linkerd = sloRuleGroups(spec(), linkerdSli);
    expect(linkerd.map((g) => [g.name, g.rules.length])).toEqual(istio.map((g) => [g.name, g.rules.length]));
    const records = (linkerd[0]?.rules ?? []) as RecordingRule[];
    expect(records[0]?.expr).toContain('response_total{direction="inbound",namespace="shop",deployment="cart",classification="failure"}[5m]');
    expect(records[0]?.labels.sli_hash).not.toBe(sliHash(spec(), istioSli));
    expect((linkerd[2]?.rules[0] as AlertingRule).annotations.description).toContain('responses Linkerd classifies as failures');
  });

  it('alerts on both windows over the threshold with severity, slo and team labels', () => {
    const page = sloRuleGroups(spec(), istioSli)[2]?.rules[0] as AlertingRule;
    const sel = `{slo="cart-availability",sli_hash="${sliHash(spec(), istioSli)}"}`;
    expect(page.expr).toBe(`slo:sli_error:ratio_rate1h${sel} > (14.4 * 0.001) and slo:sli_error:ratio_rate5m${sel} > (14.4 * 0.001)`);
    expect(page.for).toBe('2m30s');
    expect(page.labels).toMatchObject({ severity: 'page', slo: 'cart-availability', team: 'storefront', long_window: '1h', short_window: '5m' });
    expect(page.annotations.description).toContain('2% of the 30d budget goes within 1h and all of it within 2d 2h');
    expect(page.annotations.burn_rate_threshold).toBe('14.4');
  });

  it('renders a rule file and a PrometheusRule with the same groups', () => {
    const file = parse(rulesYaml(spec(), istioSli)) as { groups: unknown[] };
    const crd = parse(prometheusRuleYaml(spec(), istioSli)) as { apiVersion: string; kind: string; metadata: { name: string; namespace: string }; spec: { groups: unknown[] } };
    expect(crd).toMatchObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: 'slo-cart-availability', namespace: 'shop' } });
    expect(crd.spec.groups).toEqual(file.groups);
    expect(rulesYaml(spec(), istioSli)).not.toMatch(/[&*]a\d/);
  });
});

const promtool = findBinary('promtool', 'PROMTOOL_BIN');

// promtool ships with Debian's prometheus package (npm run setup:system); without it this is skipped.
describe.skipIf(promtool === null)('generated rules pass promtool check rules', () => {
  it.each(SPECS)('%s', (_name, s) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-rules-'));
    try {
      const file = path.join(dir, 'rules.yml');
      writeFileSync(file, rulesYaml(s, istioSli));
      const out = execFileSync(promtool ?? 'promtool', ['check', 'rules', file], { encoding: 'utf8' });
      expect(out).toContain('SUCCESS');
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      throw new Error(`promtool: ${e.stdout ?? ''}${e.stderr ?? ''}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

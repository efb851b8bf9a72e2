import { describe, expect, it } from 'vitest';
import { istioSli, linkerdSli } from '@/lib/mesh';
import { sloSpecSchema, type SloSpec } from '../spec';
import { isRegionGrouped, regionWindowExprs, withRegionLabel } from './region-rules';
import { sloRuleGroups, type AlertingRule, type RecordingRule } from './rules';

const REGIONS = { 'prod-us-east': 'us-east', 'prod-us-east-2': 'us-east', 'prod.eu-west': 'eu-west' };
const spec = (patch: Record<string, unknown> = {}): SloSpec =>
  sloSpecSchema.parse({ name: 'reviews', service: 'reviews', namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective: 99.9, window: '30d', perRegion: true, ...patch });

describe('withRegionLabel', () => {
  it('names each cluster its own region first, then one label_replace per mapped region over its clusters (regex-escaped)', () => {
    expect(withRegionLabel('x', 'destination_cluster', REGIONS)).toBe(
      'label_replace(label_replace(label_replace(x, "region", "$1", "destination_cluster", "(.+)"), ' +
        '"region", "eu-west", "destination_cluster", "prod\\\\.eu-west"), "region", "us-east", "destination_cluster", "prod-us-east|prod-us-east-2")',
    );
  });
});

describe('regionWindowExprs', () => {
  it('availability: failures or 0 per region over requests per region, only series naming a cluster', () => {
    const { ratio, total } = regionWindowExprs(spec(), '1h', linkerdSli, { a: 'r' });
    const sel = 'response_total{direction="inbound",namespace="shop",deployment="reviews",cluster!=""';
    const by = (inner: string) => `sum by (region) (label_replace(label_replace(increase(${inner}[1h]), "region", "$1", "cluster", "(.+)"), "region", "r", "cluster", "a"))`;
    expect(total).toBe(by(`${sel}}`));
    expect(ratio).toBe(`(${by(`${sel},classification="failure"}`)} or ${total} * 0) / (${total} > 0)`);
    expect(isRegionGrouped(ratio)).toBe(true);
  });

  it('latency: all requests minus those within the threshold, per region', () => {
    const { ratio } = regionWindowExprs(spec({ indicator: { type: 'latency', thresholdMs: 250 } }), '5m', istioSli, REGIONS);
    expect(ratio).toMatch(/^\(sum by \(region\) .*le="\+Inf".* - sum by \(region\) .*le=~"250\(\\\\\.0\)\?".*\) \/ \(sum by \(region\) .* > 0\)$/);
  });
});

describe('sloRuleGroups of a perRegion SLO', () => {
  it('keeps the all-regions records and adds region-grouped ones; alerts read the regional ones and name the region', () => {
    const [sli, , alerts] = sloRuleGroups(spec(), istioSli, undefined, REGIONS);
    const records = (sli?.rules ?? []) as RecordingRule[];
    expect(records.filter((r) => !isRegionGrouped(r.expr))).toHaveLength(14);
    expect(records.filter((r) => isRegionGrouped(r.expr))).toHaveLength(14);
    const page = alerts?.rules[0] as AlertingRule;
    expect(page.expr).toContain('slo:sli_error:ratio_rate1h{slo="reviews",sli_hash="');
    expect(page.expr).toMatch(/ratio_rate1h\{[^}]*region!=""\} > \(14\.4 \* 0\.001\) and slo:sli_error:ratio_rate5m\{[^}]*region!=""\}/);
    expect(page.annotations.summary).toContain('in region {{ $labels.region }}');
  });

  it('without regions configured, or for an SLO not perRegion, nothing changes', () => {
    const plain = sloRuleGroups(spec({ perRegion: false }), istioSli, undefined, REGIONS);
    expect(sloRuleGroups(spec(), istioSli).map((g) => g.rules.length)).toEqual(plain.map((g) => g.rules.length));
    expect(JSON.stringify(plain)).not.toContain('region');
    // A perRegion SLO without regions reads its all-regions series only (region="" matches the unlabelled ones).
    expect((sloRuleGroups(spec(), istioSli)[2]?.rules[0] as AlertingRule).expr).toContain('region=""');
  });
});

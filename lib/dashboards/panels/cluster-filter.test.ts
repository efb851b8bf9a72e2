// The cluster filter on /oncall and /debug: every query of every panel keeps to the cluster, the
// cluster name reaches PromQL only escaped, the PromQL still parses, and no panel runs more queries.
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { istioAdapter, linkerdAdapter, type MeshAdapter } from '@/lib/mesh';
import type { PanelParams } from '../params';
import { PANELS } from './registry';
import { panelQueries } from './run';
import type { PanelContext } from './types';

const BASE: PanelParams = { start: 1_790_852_400, end: 1_790_856_000, step: 60, namespace: 'shop', service: 'reviews' };
// A hostile name: it must stay one string literal (`"` and `\` escaped) and never close the selector.
const HOSTILE = 'eu"} or vector(1) or {a="\\';
const ESCAPED = 'eu\\"} or vector(1) or {a=\\"\\\\';

/** Queries about Prometheus itself, not about a cluster's traffic or pods. */
const NOT_CLUSTERED: Record<string, readonly string[]> = {
  'debug/telemetry-health': ['ruleDuration', 'ruleLag', 'missed'],
};
/** SLO alerts carry their region (per-region SLOs), not a cluster: the cluster's region, or none. */
const BY_REGION: Record<string, readonly string[]> = { 'oncall/slo-alerts': ['states', 'since'] };

function syntaxErrors(promql: string): number {
  let errors = 0;
  parser.parse(promql).iterate({ enter: (n) => void (n.type.isError && (errors += 1)) });
  return errors;
}

describe.each([
  ['istio', istioAdapter],
  ['linkerd', linkerdAdapter],
] as Array<[string, MeshAdapter]>)('cluster filter (%s)', (_name, mesh) => {
  const ctx: PanelContext = { mesh, config: { teams: {}, regions: { 'prod-eu-west': 'eu-west' } } };
  const panels = (['oncall', 'debug'] as const).flatMap((d) => Object.entries(PANELS[d]).map(([id, panel]) => [`${d}/${id}`, panel] as const));

  it.each(panels)('%s: every query names the cluster, and there are as many as without', (name, panel) => {
    const all = panelQueries(panel, BASE, ctx);
    const one = panelQueries(panel, { ...BASE, cluster: 'prod-eu-west' }, ctx);
    expect(one.map(([k]) => k)).toEqual(all.map(([k]) => k));
    for (const [key, q] of one) {
      if (NOT_CLUSTERED[name]?.includes(key)) expect(q.promql, `${name}.${key}`).not.toContain('prod-eu-west');
      else if (BY_REGION[name]?.includes(key)) expect(q.promql, `${name}.${key}`).toContain('region=~"eu-west|"');
      else expect(q.promql, `${name}.${key}`).toContain('"prod-eu-west"');
      expect(syntaxErrors(q.promql), `${name}.${key}: ${q.promql}`).toBe(0);
    }
    // Without a cluster, nothing about clusters is added.
    for (const [key, q] of all) expect(q.promql, `${name}.${key}`).not.toMatch(/(cluster|region)"?[!=]~?"/);
  });

  it.each(panels)('%s: a hostile cluster name stays one escaped string', (name, panel) => {
    for (const [key, q] of panelQueries(panel, { ...BASE, cluster: HOSTILE }, ctx)) {
      expect(syntaxErrors(q.promql), `${name}.${key}`).toBe(0);
      if (NOT_CLUSTERED[name]?.includes(key) || BY_REGION[name]?.includes(key)) continue;
      expect(q.promql, `${name}.${key}`).toContain(ESCAPED);
      expect(q.promql.replaceAll(ESCAPED, ''), `${name}.${key}`).not.toContain('vector(1)');
      expect(syntaxErrors(q.promql), `${name}.${key}`).toBe(0);
    }
  });
});

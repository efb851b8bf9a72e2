import { describe, expect, it } from 'vitest';
import { istioAdapter, linkerdAdapter } from '@/lib/mesh';
import { DASHBOARDS, type DashboardId } from '../catalog';
import type { PanelParams } from '../params';
import { findPanel, PANELS } from './registry';
import { panelQueries } from './run';
import type { PanelContext } from './types';

const ctx: PanelContext = { mesh: istioAdapter, config: { teams: {} } };

/**
 * Queries per panel: fixed by the panel, never by the size of the mesh. These are the fixed queries;
 * budget-by-team's `load` adds the bulk SLO evaluation's (none without SLOs, else 1 read of the recorded
 * series plus at most one per window per indicator kind, whatever the number of SLOs), counted in
 * app/api/panels/[dashboard]/[panel]/budget-by-team.test.ts; budget-by-region has only that load.
 */
const EXPECTED_COUNTS: Record<DashboardId, Record<string, number>> = {
  executive: { attention: 2, 'user-success': 4, 'mtls-coverage': 2, 'cert-expiry': 1, incidents: 1, 'latency-by-group': 3, 'budget-by-team': 2, 'budget-by-region': 0 },
  oncall: { checklist: 10, 'top-failing': 5, 'slo-alerts': 2, 'error-ratio': 3, latency: 4, 'response-flags': 1, retries: 4, 'control-plane': 5, 'proxy-resources': 3, deployments: 1 },
  debug: { checklist: 10, 'latency-over-time': 5, 'route-latency': 5, 'latency-heatmap': 1, 'status-codes': 1, 'service-flags': 1, inbound: 4, outbound: 4, 'tcp-connections': 2, 'telemetry-health': 6, traces: 1 },
};

const PARAMS: PanelParams[] = [
  { start: 1_790_852_400, end: 1_790_856_000, step: 15, namespace: 'shop', service: 'catalog' },
  { start: 1_788_264_000, end: 1_790_856_000, step: 10_800, namespace: undefined, service: 'x' },
  { start: 1_790_855_940, end: 1_790_856_000, step: 1, namespace: 'a"b\\c', service: 'x"} or vector(1) or {a="' },
];

describe('panel registry', () => {
  it('implements every catalog panel except the services table (served by /api/services)', () => {
    for (const [dashboard, { panels }] of Object.entries(DASHBOARDS)) {
      for (const { id } of panels) {
        if (dashboard === 'executive' && id === 'services') expect(findPanel(dashboard, id)).toBeUndefined();
        else expect(findPanel(dashboard, id), `${dashboard}/${id}`).toBeDefined();
      }
    }
    const catalogIds = Object.values(DASHBOARDS).flatMap((d) => d.panels.map((p) => p.id));
    for (const panels of Object.values(PANELS)) for (const id of Object.keys(panels)) expect(catalogIds).toContain(id);
  });

  it('makes every debug panel require a service and its namespace, and no other panel', () => {
    for (const [dashboard, panels] of Object.entries(PANELS)) {
      for (const panel of Object.values(panels)) {
        expect([...(panel.requires ?? [])].sort()).toEqual(dashboard === 'debug' ? ['namespace', 'service'] : []);
      }
    }
  });

  it.each([['executive', 'nope'], ['nope', 'top-failing'], ['executive', 'constructor'], ['__proto__', 'toString']])('has no panel %s/%s', (d, p) => {
    expect(findPanel(d, p)).toBeUndefined();
  });

  it.each(PARAMS)('runs a fixed number of queries per panel whatever the params (%#)', (params) => {
    for (const [dashboard, panels] of Object.entries(PANELS)) {
      for (const [id, panel] of Object.entries(panels)) {
        expect(panelQueries(panel, params, ctx), `${dashboard}/${id}`).toHaveLength(EXPECTED_COUNTS[dashboard as DashboardId][id] ?? -1);
      }
    }
  });

  it('with Linkerd, runs no query for the signals it lacks and the same count for the rest', () => {
    const linkerd: PanelContext = { mesh: linkerdAdapter, config: { teams: {} } };
    const lacking = ['response-flags', 'retries', 'control-plane', 'deployments', 'service-flags'];
    for (const [dashboard, panels] of Object.entries(PANELS)) {
      for (const [id, panel] of Object.entries(panels)) {
        // The checklist skips Linkerd's control-plane (3) and revision (1) queries.
        const expected = lacking.includes(id) ? 0 : id === 'error-ratio' ? 2 : id === 'checklist' ? 6 : id === 'latency' ? 3 : id === 'latency-over-time' ? 4 : EXPECTED_COUNTS[dashboard as DashboardId][id];
        expect(panelQueries(panel, PARAMS[0] as PanelParams, linkerd), `${dashboard}/${id}`).toHaveLength(expected ?? -1);
      }
    }
  });

  it('escapes hostile names in every query that uses them', () => {
    const params = PARAMS[2] as PanelParams;
    for (const panels of Object.values(PANELS)) {
      for (const panel of Object.values(panels)) {
        for (const [, q] of panelQueries(panel, params, ctx)) {
          expect(q.promql).not.toContain('x"} or vector(1)');
          expect(q.promql).not.toContain('a"b');
          if (q.promql.includes('destination_service_name=')) expect(q.promql).toContain('"x\\"} or vector(1) or {a=\\""');
        }
      }
    }
  });

  it('describes every query for the Inspect view', () => {
    for (const panels of Object.values(PANELS)) {
      for (const panel of Object.values(panels)) {
        for (const [, q] of panelQueries(panel, PARAMS[0] as PanelParams, ctx)) expect(q.purpose.length).toBeGreaterThan(10);
      }
    }
  });
});

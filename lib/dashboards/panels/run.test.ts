import { describe, expect, it } from 'vitest';
import { istioAdapter, linkerdAdapter } from '@/lib/mesh';
import type { PrometheusClient } from '@/lib/prometheus';
import { panelResponseSchema } from '../schema';
import type { PanelParams } from '../params';
import { findPanel } from './registry';
import { runPanel } from './run';
import { definePanel, instant, range, type PanelContext } from './types';

const params: PanelParams = { start: 1_790_852_400, end: 1_790_856_000, step: 15, namespace: undefined, service: undefined };
const istio: PanelContext = { mesh: istioAdapter, config: { teams: {} } };
const linkerd: PanelContext = { mesh: linkerdAdapter, config: { teams: {} } };

function definition(dashboard: string, panel: string) {
  const found = findPanel(dashboard, panel);
  if (!found) throw new Error(`no panel ${dashboard}/${panel}`);
  return found;
}

/** Answers every instant query with one scalar-like sample and records what was asked. */
function fakeClient(value: number, warnings: string[] = []) {
  const calls: Array<{ kind: string; query: string; time?: number; start?: number; end?: number; step?: number }> = [];
  const client = {
    instantQuery: async (query: string, o: { time?: number }) => {
      calls.push({ kind: 'instant', query, time: o.time });
      return { resultType: 'scalar' as const, timeMs: 0, value, warnings };
    },
    rangeQuery: async (query: string, o: { start: number; end: number; step: number }) => {
      calls.push({ kind: 'range', query, ...o });
      return { resultType: 'matrix' as const, series: [], warnings };
    },
    exemplars: async (query: string) => {
      calls.push({ kind: 'exemplars', query });
      return [];
    },
  };
  return { client: client as unknown as PrometheusClient, calls };
}

describe('runPanel', () => {
  it('runs each query at the end of the range (or its own range) and returns the contract', async () => {
    const { client, calls } = fakeClient(0.0004, ['partial data']);
    // A panel with an instant query and a range query over a range of its own (a daily trend, say).
    const own = { start: params.end - 29 * 86_400, end: params.end, step: 86_400 };
    const daily = definePanel({
      queries: () => ({ ratio: instant('ratio', 'vector(0.0004)'), trend: { ...range('trend', 'vector(1)'), over: own } }),
      transform: ({ ratio }) => ({ data: { kind: 'stat', value: 1 - (ratio[0]?.value ?? 1), unit: 'ratio', health: 'good' }, warnings: [] }),
    });
    const body = await runPanel({ dashboard: 'executive', panel: 'daily', definition: daily, params, ctx: istio, client, warnings: ['mesh?'] });
    expect(panelResponseSchema.parse(body)).toEqual(body);
    expect(body.data).toMatchObject({ kind: 'stat', value: 0.9996 });
    expect(body.warnings).toEqual(['mesh?', 'partial data']);
    expect(calls).toEqual([
      expect.objectContaining({ kind: 'instant', time: params.end }),
      expect.objectContaining({ kind: 'range', ...own }),
    ]);
  });

  it('runs nothing for a signal the mesh lacks, and says why', async () => {
    const { client, calls } = fakeClient(1);
    const body = await runPanel({ dashboard: 'oncall', panel: 'response-flags', definition: definition('oncall', 'response-flags'), params, ctx: linkerd, client });
    expect(calls).toEqual([]);
    expect(body.queries).toEqual([]);
    expect(body.missing?.reason).toMatch(/response flags/);
    expect(panelResponseSchema.parse(body).data).toMatchObject({ kind: 'timeseries', series: [] });
  });
});

import 'server-only';
import type { InstantResult, PrometheusClient, Sample } from '@/lib/prometheus';
import type { PanelParams } from '../params';
import type { PanelResponse } from '../schema';
import type { Panel, PanelContext, PanelQuery } from './types';

export interface RunOptions {
  dashboard: string;
  panel: string;
  definition: Panel;
  params: PanelParams;
  ctx: PanelContext;
  client: PrometheusClient;
  signal?: AbortSignal;
  /** Warnings from before the queries (e.g. how the mesh was chosen). */
  warnings?: string[];
}

function samples(result: InstantResult): Sample[] {
  if (result.resultType === 'vector') return result.samples;
  if (result.resultType === 'scalar') return [{ labels: {}, timeMs: result.timeMs, value: result.value }];
  // Our queries always aggregate to a vector or scalar; anything else is a bug worth a 500.
  throw new Error(`expected a vector, got a ${result.resultType}`);
}

async function execute(q: PanelQuery, p: PanelParams, client: PrometheusClient, signal?: AbortSignal) {
  const over = q.over ?? p;
  switch (q.kind) {
    case 'instant': {
      const result = await client.instantQuery(q.promql, { time: p.end, signal });
      return { data: samples(result), warnings: result.warnings };
    }
    case 'range': {
      const result = await client.rangeQuery(q.promql, { start: over.start, end: over.end, step: over.step, signal });
      return { data: result.series, warnings: result.warnings };
    }
    case 'exemplars':
      return { data: await client.exemplars(q.promql, { start: over.start, end: over.end, signal }), warnings: [] };
  }
}

/** The queries a panel would run for these params (for the response and for counting). */
export function panelQueries(panel: Panel, params: PanelParams, ctx: PanelContext): Array<[string, PanelQuery]> {
  if (panel.unsupported?.(ctx)) return [];
  return Object.entries(panel.queries(params, ctx)).filter((e): e is [string, PanelQuery] => e[1] !== undefined);
}

/**
 * Runs a panel's queries (and its `load`, if any) in parallel (each at the same `end`, so they describe the same instant)
 * and transforms the results. A Prometheus failure rejects with its PrometheusError.
 */
export async function runPanel({ dashboard, panel, definition, params, ctx, client, signal, warnings = [] }: RunOptions): Promise<PanelResponse> {
  const base = { dashboard, panel, evaluatedAt: new Date(params.end * 1000).toISOString(), range: { start: params.start, end: params.end, step: params.step } };
  const unsupported = definition.unsupported?.(ctx);
  if (unsupported) {
    const data = definition.empty ?? { kind: 'stat', value: null, unit: 'none', health: 'unknown', detail: unsupported.unsupported };
    return { ...base, queries: [], warnings, missing: { reason: unsupported.unsupported, howToEnable: unsupported.howToEnable }, data };
  }
  const entries = panelQueries(definition, params, ctx);
  const [outcomes, loaded] = await Promise.all([
    Promise.all(entries.map(([, q]) => execute(q, params, client, signal))),
    definition.load?.(params, ctx, { client, signal }),
  ]);
  // Names the panel left undefined (signals the mesh lacks) reach the transform as undefined.
  const results: Record<string, unknown> = {};
  entries.forEach(([name], i) => (results[name] = outcomes[i]?.data));
  const out = definition.transform(results as Parameters<Panel['transform']>[0], params, ctx, loaded?.value);
  const ran: PanelQuery[] = [...entries.map(([, q]) => q), ...(loaded?.queries ?? [])];
  return {
    ...base,
    queries: ran.map((q) => ({ purpose: q.purpose, promql: q.promql, kind: q.kind, ...(q.over ? { range: q.over } : {}) })),
    warnings: [...new Set([...warnings, ...outcomes.flatMap((o) => o.warnings), ...(loaded?.warnings ?? []), ...out.warnings])],
    ...(out.missing ? { missing: out.missing } : {}),
    data: out.data,
  };
}

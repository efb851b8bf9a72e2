// Shared by the panel integration tests: the route called directly, raw PromQL against the same
// Prometheus (for Istio's own dashboard expressions), and the simulator's truth.
import { inject } from 'vitest';
import { panelResponseSchema, type PanelResponse } from '@/lib/dashboards/schema';
import { createPrometheusClient } from '@/lib/prometheus';
import { createModel, type Model, type Truth } from '@/scripts/simulator';
import { appOnMesh, type FixtureMesh } from '@/scripts/testing/app-mesh';
import { GET } from './route';

const { seed, anchor } = inject('fixture');
export { anchor };
export const model = createModel({ seed, anchor });
export const prometheus = createPrometheusClient({ baseUrl: inject('prometheusUrl'), timeoutMs: 30_000 });

export function event(id: string) {
  const e = model.timeline.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id}`);
  return e;
}

type PanelGet = typeof GET;

async function panelVia(get: PanelGet, dashboard: string, id: string, query: Record<string, string | number>): Promise<PanelResponse> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await get(new Request(`http://meshwatch.test/api/panels/${dashboard}/${id}?${qs}`), { params: Promise.resolve({ dashboard, panel: id }) });
  const body: unknown = await res.json();
  if (res.status !== 200) throw new Error(`${dashboard}/${id}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return panelResponseSchema.parse(body);
}

/** A panel of the default (Istio) fixture. */
export function panel(dashboard: string, id: string, query: Record<string, string | number>): Promise<PanelResponse> {
  return panelVia(GET, dashboard, id, query);
}

/**
 * For the enclosing describe: the simulator model of one mesh's fixture and its panels, served by the
 * route pointed at that mesh's Prometheus with the mesh detected (see appOnMesh).
 */
export function meshFixture(mesh: FixtureMesh): { mesh: FixtureMesh; model: Model; panel: typeof panel } {
  const route = appOnMesh(mesh, () => import('./route'));
  return { mesh, model: createModel({ seed, anchor, mesh }), panel: (dashboard, id, query) => panelVia(route().GET, dashboard, id, query) };
}

/** One number from a raw instant query (an expression that aggregates to a single sample). */
export async function scalar(promql: string, time: number): Promise<number | undefined> {
  const r = await prometheus.instantQuery(promql, { time });
  if (r.resultType !== 'vector') throw new Error(`expected a vector, got ${r.resultType}`);
  return r.samples[0]?.value;
}

export function stat(r: PanelResponse) {
  if (r.data.kind !== 'stat') throw new Error(`expected a stat, got ${r.data.kind}`);
  return r.data;
}

export function table(r: PanelResponse) {
  if (r.data.kind !== 'table') throw new Error(`expected a table, got ${r.data.kind}`);
  return r.data;
}

export function timeseries(r: PanelResponse) {
  if (r.data.kind !== 'timeseries') throw new Error(`expected a timeseries, got ${r.data.kind}`);
  return r.data;
}

/** A table row's link or text cell as text. */
export function text(cell: unknown): string {
  if (typeof cell === 'string') return cell;
  if (cell && typeof cell === 'object' && 'text' in cell) return String(cell.text);
  throw new Error(`not a text cell: ${JSON.stringify(cell)}`);
}

export function service(truth: Truth, id: string) {
  const s = truth.services.find((x) => x.id === id);
  if (!s) throw new Error(`no service ${id} in the truth`);
  return s;
}

export function edge(truth: Truth, source: string, target: string) {
  const e = truth.edges.find((x) => x.source === source && x.target === target);
  if (!e) throw new Error(`no edge ${source} -> ${target} in the truth`);
  return e;
}

export { interpolatedQuantile } from '@/scripts/testing/truth-quantile';

// What a panel is on the server: the queries it needs for given params, and a pure transform of
// their results into the panel contract (../schema.ts).
import type { HealthThresholds } from '@/lib/health';
import type { MeshAdapter, Unsupported } from '@/lib/mesh';
import type { PrometheusClient } from '@/lib/prometheus';
import type { ExemplarSeries, Sample, Series } from '@/lib/prometheus/query-schemas';
import type { PanelData, PanelResponse } from '../schema';
import type { PanelParams } from '../params';

export type QueryKind = 'instant' | 'range' | 'exemplars';

/** One call to Prometheus: instant at `end`, range over `[start, end]` by `step`, or exemplars over the range. */
export interface PanelQuery<K extends QueryKind = QueryKind> {
  kind: K;
  /** What the query answers, shown next to the PromQL in the panel's Inspect view. */
  purpose: string;
  promql: string;
  /** A range of its own instead of the panel's (e.g. a 30-day daily trend on a 1-hour dashboard). */
  over?: { start: number; end: number; step: number };
}

/** Named queries; an absent entry is a signal the mesh cannot give (the transform is told by `undefined`). */
export type QuerySet = Record<string, PanelQuery | undefined>;

type ResultOf<Q> = Q extends undefined ? undefined : Q extends PanelQuery<'instant'> ? Sample[] : Q extends PanelQuery<'range'> ? Series[] : ExemplarSeries[];

/** The results of a query set, under the same names. */
export type Results<Q extends QuerySet> = { [K in keyof Q]: ResultOf<Q[K]> };

export interface PanelConfig {
  /** Trace UI link with {service}, {namespace}, {start}, {end}, ... placeholders (TRACE_URL_TEMPLATE). */
  traceUrlTemplate?: string;
  /** namespace -> team (MESHWATCH_TEAMS); unmapped namespaces are their own team. */
  teams: Readonly<Record<string, string>>;
  /** cluster -> region (MESHWATCH_REGIONS); absent or empty: no region panel. */
  regions?: Readonly<Record<string, string>>;
  /** Error-ratio thresholds of the health verdict (MESHWATCH_HEALTH_THRESHOLDS); lib/health's defaults without. */
  health?: HealthThresholds;
}

export interface PanelContext {
  mesh: MeshAdapter;
  config: PanelConfig;
}

export interface PanelOutput {
  data: PanelData;
  missing?: PanelResponse['missing'];
  warnings: string[];
}

/** What a panel's `load` may use: the one Prometheus client, and the request's signal. */
export interface PanelIo {
  client: PrometheusClient;
  signal?: AbortSignal;
}

/** Data a panel reads besides its fixed queries, with the queries that gave it (for Inspect and counting). */
export interface Loaded<E> {
  value: E;
  queries: PanelQuery<'instant'>[];
  warnings: string[];
}

export interface Panel<Q extends QuerySet = QuerySet, E = unknown> {
  /** Params without which the panel means nothing (422 when absent). */
  requires?: ReadonlyArray<'namespace' | 'service'>;
  /** When the mesh cannot answer at all: no query runs and `empty` is shown with the reason. */
  unsupported?(ctx: PanelContext): Unsupported | undefined;
  empty?: PanelData;
  queries(params: PanelParams, ctx: PanelContext): Q;
  /**
   * Inputs whose queries depend on more than the params (the SLO store, say), loaded alongside the
   * fixed queries; a rejection fails the panel like a failing query. Its result reaches `transform`.
   */
  load?(params: PanelParams, ctx: PanelContext, io: PanelIo): Promise<Loaded<E>>;
  transform(results: Results<Q>, params: PanelParams, ctx: PanelContext, loaded?: E): PanelOutput;
}

/** Infers a panel's query names and result types from its `queries` (and its loaded data from `load`). */
export function definePanel<Q extends QuerySet, E = unknown>(panel: Panel<Q, E>): Panel<Q, E> {
  return panel;
}

export const instant = (purpose: string, promql: string): PanelQuery<'instant'> => ({ kind: 'instant', purpose, promql });
export const range = (purpose: string, promql: string): PanelQuery<'range'> => ({ kind: 'range', purpose, promql });
export const exemplars = (purpose: string, promql: string): PanelQuery<'exemplars'> => ({ kind: 'exemplars', purpose, promql });

export type StatData = Extract<PanelData, { kind: 'stat' }>;
export type TimeseriesData = Extract<PanelData, { kind: 'timeseries' }>;
export type TableData = Extract<PanelData, { kind: 'table' }>;
export type HeatmapData = Extract<PanelData, { kind: 'heatmap' }>;

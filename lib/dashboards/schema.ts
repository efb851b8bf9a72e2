import { z } from 'zod';
import { healthSchema as verdictSchema } from '@/lib/health/schema';

// The one response shape of every dashboard panel (`GET /api/panels/{dashboard}/{panel}`), shared by
// the route (which builds it) and the client (which parses and renders it by `data.kind`).
// Pure zod: safe for the browser.

/** Units the UI knows how to format and put on axes. */
export const unitSchema = z.enum(['ratio', 'percent', 'reqps', 'ms', 's', 'bytes', 'cores', 'count', 'days', 'timestamp', 'none']);
export type Unit = z.infer<typeof unitSchema>;

/** A time series: points are [unix ms, value or null for a gap]. */
export const seriesSchema = z.object({
  name: z.string(),
  labels: z.record(z.string(), z.string()),
  points: z.array(z.tuple([z.number(), z.number().nullable()])),
});
export type Series = z.infer<typeof seriesSchema>;

/** Events drawn on time axes, e.g. a new `canonical_revision` (deployment). */
export const markerSchema = z.object({
  timeMs: z.number(),
  label: z.string(),
  kind: z.enum(['deployment', 'alert', 'other']),
});
export type Marker = z.infer<typeof markerSchema>;

/** Status of a number against its thresholds, so colour has one meaning everywhere. */
export const healthSchema = z.enum(['good', 'warn', 'bad', 'unknown']);
export type Health = z.infer<typeof healthSchema>;

/**
 * A table row's health: a status (control plane, alerts, pods), or, on rows that are services or
 * teams, the one verdict of lib/health (`{ level, reason }`, DESIGN.md "Health"), rendered as is.
 */
export const rowHealthSchema = z.union([healthSchema, verdictSchema]);
export type RowHealth = z.infer<typeof rowHealthSchema>;

export { levelStatus } from './level-status';

export const cellSchema = z.union([
  z.string(),
  z.number(),
  z.null(),
  z.object({ sparkline: z.array(z.number().nullable()) }),
  z.object({ text: z.string(), href: z.string() }),
]);
export type Cell = z.infer<typeof cellSchema>;

export const columnSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: unitSchema.optional(),
  kind: z.enum(['text', 'number', 'sparkline', 'link']),
});
export type Column = z.infer<typeof columnSchema>;

export const statDataSchema = z.object({
  kind: z.literal('stat'),
  value: z.number().nullable(),
  unit: unitSchema,
  health: healthSchema,
  /** Why value is null, or what it means ("nearest: istio-ca root, 2026-10-11"). */
  detail: z.string().optional(),
  trend: seriesSchema.optional(),
});

export const timeseriesDataSchema = z.object({
  kind: z.literal('timeseries'),
  unit: unitSchema,
  series: z.array(seriesSchema),
  markers: z.array(markerSchema).default([]),
  stacked: z.boolean().default(false),
  /** What the chart means when it is empty or partial ("no failing services in the range"). */
  detail: z.string().optional(),
});

export const tableDataSchema = z.object({
  kind: z.literal('table'),
  columns: z.array(columnSchema),
  rows: z.array(z.object({ id: z.string(), health: rowHealthSchema.optional(), cells: z.record(z.string(), cellSchema) })),
  /** What the table means, e.g. why it is empty ("no alerts firing at the end of the range"). */
  detail: z.string().optional(),
});

export const heatmapDataSchema = z.object({
  kind: z.literal('heatmap'),
  unit: unitSchema,
  /** Bucket upper bounds as read from the data (`le`), ascending, "+Inf" last. */
  buckets: z.array(z.string()),
  timesMs: z.array(z.number()),
  /** [time index, bucket index, observations per second in that bucket]. */
  cells: z.array(z.tuple([z.number(), z.number(), z.number()])),
});

export const panelDataSchema = z.discriminatedUnion('kind', [statDataSchema, timeseriesDataSchema, tableDataSchema, heatmapDataSchema]);
export type PanelData = z.infer<typeof panelDataSchema>;

export const panelResponseSchema = z.object({
  dashboard: z.string(),
  panel: z.string(),
  evaluatedAt: z.string(),
  range: z.object({ start: z.number(), end: z.number(), step: z.number() }),
  /** Every PromQL (or API call) that produced the data, for the panel's "Inspect" view. */
  queries: z.array(
    z.object({
      purpose: z.string(),
      promql: z.string(),
      /** How it ran: an instant query at `range.end`, a range query, or an exemplars lookup. */
      kind: z.enum(['instant', 'range', 'exemplars']).optional(),
      /** Set when this query's range differs from the panel's (e.g. 30 days for a trend). */
      range: z.object({ start: z.number(), end: z.number(), step: z.number() }).optional(),
    }),
  ),
  warnings: z.array(z.string()),
  /** A signal the mesh does not report as configured: say so and how to enable it, not an empty chart. */
  missing: z.object({ reason: z.string(), howToEnable: z.string().optional() }).optional(),
  data: panelDataSchema,
});
export type PanelResponse = z.infer<typeof panelResponseSchema>;

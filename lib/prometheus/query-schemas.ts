import { z } from 'zod';
import { parseSampleValue, secondsToMs } from './sample-value';

// Wire formats: https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats
// Each schema validates and normalises in one pass: seconds -> ms, value strings -> numbers.

export const labelsSchema = z.record(z.string(), z.string());
export type Labels = z.infer<typeof labelsSchema>;

export const timestampSchema = z.number().refine(Number.isFinite).transform(secondsToMs);

export const sampleValueSchema = z.string().transform((text, ctx) => {
  const value = parseSampleValue(text);
  if (value === undefined) {
    ctx.issues.push({ code: 'custom', message: `not a sample value: ${JSON.stringify(text)}`, input: text });
    return z.NEVER;
  }
  return value;
});

/** `[unix seconds, "value"]` becomes `[ms, number]`. Native histograms are not supported. */
export const pointSchema = z.tuple([timestampSchema, sampleValueSchema]);
export type Point = z.output<typeof pointSchema>;

export const sampleSchema = z
  .object({ metric: labelsSchema, value: pointSchema })
  .transform(({ metric, value: [timeMs, value] }) => ({ labels: metric, timeMs, value }));
export type Sample = z.output<typeof sampleSchema>;

export const seriesSchema = z
  .object({ metric: labelsSchema, values: z.array(pointSchema) })
  .transform(({ metric, values }) => ({ labels: metric, points: values }));
export type Series = z.output<typeof seriesSchema>;

const matrixSchema = z
  .object({ resultType: z.literal('matrix'), result: z.array(seriesSchema) })
  .transform(({ result }) => ({ resultType: 'matrix' as const, series: result }));

/** `data` of /api/v1/query: vector or scalar, or matrix/string for range selectors and literals. */
export const instantDataSchema = z.discriminatedUnion('resultType', [
  z
    .object({ resultType: z.literal('vector'), result: z.array(sampleSchema) })
    .transform(({ result }) => ({ resultType: 'vector' as const, samples: result })),
  z
    .object({ resultType: z.literal('scalar'), result: pointSchema })
    .transform(({ result: [timeMs, value] }) => ({ resultType: 'scalar' as const, timeMs, value })),
  matrixSchema,
  z
    .object({ resultType: z.literal('string'), result: z.tuple([timestampSchema, z.string()]) })
    .transform(({ result: [timeMs, value] }) => ({ resultType: 'string' as const, timeMs, value })),
]);

/** `data` of /api/v1/query_range: always a matrix. */
export const rangeDataSchema = matrixSchema;

type WithWarnings<T> = T extends unknown ? T & { warnings: string[] } : never;
export type InstantResult = WithWarnings<z.output<typeof instantDataSchema>>;
export type RangeResult = WithWarnings<z.output<typeof rangeDataSchema>>;

// https://prometheus.io/docs/prometheus/latest/querying/api/#querying-exemplars
export const exemplarsDataSchema = z.array(
  z
    .object({
      seriesLabels: labelsSchema,
      exemplars: z.array(z.object({ labels: labelsSchema, value: sampleValueSchema, timestamp: timestampSchema })),
    })
    .transform(({ seriesLabels, exemplars }) => ({
      seriesLabels,
      exemplars: exemplars.map(({ labels, value, timestamp }) => ({ labels, value, timeMs: timestamp })),
    })),
);
export type ExemplarSeries = z.output<typeof exemplarsDataSchema>[number];

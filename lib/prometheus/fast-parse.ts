import type { z } from 'zod';
import type { instantDataSchema, Labels, Point, rangeDataSchema } from './query-schemas';
import { parseSampleValue, secondsToMs } from './sample-value';

// The hot path of query-schemas.ts: vectors, scalars and matrices checked and normalised in one plain
// loop, with the same output type. Zod walks every point through a tuple, a refinement and two
// transforms, which made it the app's largest cost after HTTP itself. Anything unexpected returns
// undefined, and the zod schema parses the data instead, so its error messages stay the one error path.

type InstantData = z.output<typeof instantDataSchema>;
type RangeData = z.output<typeof rangeDataSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function labelsOf(value: unknown): Labels | undefined {
  if (!isRecord(value)) return undefined;
  for (const key in value) if (typeof value[key] !== 'string') return undefined;
  return value as Labels;
}

function pointOf(value: unknown): Point | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [seconds, text] = value as [unknown, unknown];
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || typeof text !== 'string') return undefined;
  const sample = parseSampleValue(text);
  return sample === undefined ? undefined : [secondsToMs(seconds), sample];
}

function seriesOf(result: unknown): RangeData['series'] | undefined {
  if (!Array.isArray(result)) return undefined;
  const series: RangeData['series'] = [];
  for (const item of result) {
    if (!isRecord(item) || !Array.isArray(item.values)) return undefined;
    const labels = labelsOf(item.metric);
    if (!labels) return undefined;
    const points: Point[] = new Array(item.values.length);
    for (let i = 0; i < item.values.length; i += 1) {
      const point = pointOf(item.values[i]);
      if (!point) return undefined;
      points[i] = point;
    }
    series.push({ labels, points });
  }
  return series;
}

/** `data` of /api/v1/query_range, or undefined to let the schema decide. */
export function fastRangeData(data: unknown): RangeData | undefined {
  if (!isRecord(data) || data.resultType !== 'matrix') return undefined;
  const series = seriesOf(data.result);
  return series && { resultType: 'matrix', series };
}

/** `data` of /api/v1/query (vector, scalar or matrix), or undefined to let the schema decide. */
export function fastInstantData(data: unknown): InstantData | undefined {
  if (!isRecord(data)) return undefined;
  if (data.resultType === 'matrix') return fastRangeData(data);
  if (data.resultType === 'scalar') {
    const point = pointOf(data.result);
    return point && { resultType: 'scalar', timeMs: point[0], value: point[1] };
  }
  if (data.resultType !== 'vector' || !Array.isArray(data.result)) return undefined;
  const samples: Extract<InstantData, { resultType: 'vector' }>['samples'] = [];
  for (const item of data.result) {
    if (!isRecord(item)) return undefined;
    const labels = labelsOf(item.metric);
    const point = pointOf(item.value);
    if (!labels || !point) return undefined;
    samples.push({ labels, timeMs: point[0], value: point[1] });
  }
  return { resultType: 'vector', samples };
}

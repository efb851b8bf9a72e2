// Text equivalents of charts for screen readers (the canvas is an image): what is drawn and the
// values a reader would look for first. Pure.
import type { Marker, Series, Unit } from '@/lib/dashboards/schema';
import { formatUtc } from '@/lib/format';
import { formatUnit, UNIT_LABELS } from '../format-unit';
import type { HeatmapData } from './heatmap-options';

/** Series named in a summary; the rest are counted. */
export const SUMMARY_SERIES = 5;

export function lastValue(series: Series): number | null {
  for (let i = series.points.length - 1; i >= 0; i -= 1) {
    const value = series.points[i]?.[1];
    if (value !== null && value !== undefined && Number.isFinite(value)) return value;
  }
  return null;
}

export function timeseriesSummary(title: string, { series, unit, markers = [], stacked = false }: { series: readonly Series[]; unit: Unit; markers?: readonly Marker[]; stacked?: boolean }): string {
  const unitText = UNIT_LABELS[unit] ? ` in ${UNIT_LABELS[unit]}` : '';
  const kind = stacked ? 'Stacked area chart' : 'Line chart';
  const latest = series
    .map((s) => ({ name: s.name, value: lastValue(s) }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const named = latest.slice(0, SUMMARY_SERIES).map((s) => `${s.name} ${formatUnit(s.value, unit)}`);
  const more = latest.length > SUMMARY_SERIES ? `, and ${latest.length - SUMMARY_SERIES} more` : '';
  const parts = [`${title}: ${kind.toLowerCase()} of ${series.length} series${unitText}.`];
  if (named.length > 0) parts.push(`Latest: ${named.join(', ')}${more}.`);
  if (markers.length > 0) parts.push(`Markers: ${markers.map((m) => `${m.label} at ${formatUtc(m.timeMs)}`).join('; ')}.`);
  return parts.join(' ');
}

export function heatmapSummary(title: string, data: HeatmapData): string {
  const totals = new Map<number, number>();
  for (const [, bucket, value] of data.cells) totals.set(bucket, (totals.get(bucket) ?? 0) + value);
  const busiest = [...totals.entries()].sort((a, b) => b[1] - a[1])[0];
  const bucket = busiest ? data.buckets[busiest[0]] : undefined;
  const unit = UNIT_LABELS[data.unit] ? ` ${UNIT_LABELS[data.unit]}` : '';
  const where =
    bucket === undefined
      ? 'no requests in the range'
      : bucket === '+Inf'
        ? 'most requests are slower than the largest bucket'
        : `most requests fall in the bucket up to ${Number(bucket)}${unit}`;
  return `${title}: heatmap of requests per second by latency bucket over ${data.timesMs.length} time steps; ${where}.`;
}

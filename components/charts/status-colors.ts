// Series that are HTTP status codes keep the meaning of colour: server errors (5xx, and 0 for a
// reset) red, client errors (4xx) amber, everything else from the categorical palette. Pure.
import type { Series } from '@/lib/dashboards/schema';
import type { ChartTheme } from './chart-theme';

const CODE = /^(0|[1-5]\d\d)$/;

/**
 * The series' status code, from its name: status panels name each series by its code ("503", or
 * "0 (no response)"), whatever label the mesh keeps it in, so the chart never needs a mesh's label names.
 */
export function statusCode(series: Series): string | undefined {
  const code = series.name.split(' ')[0] ?? '';
  return CODE.test(code) ? code : undefined;
}

export interface SeriesStyle {
  color?: string;
  /** Second and later series of one status class are dashed, so they stay apart. */
  dashed: boolean;
}

export function statusStyles(series: readonly Series[], theme: ChartTheme): SeriesStyle[] {
  const seen = new Map<string, number>();
  return series.map((s) => {
    const code = statusCode(s);
    const color = code === undefined ? undefined : code === '0' || code.startsWith('5') ? theme.bad : code.startsWith('4') ? theme.warn : undefined;
    if (color === undefined) return { dashed: false };
    const count = seen.get(color) ?? 0;
    seen.set(color, count + 1);
    return { color, dashed: count > 0 };
  });
}

'use client';

import { useMemo } from 'react';
import type { PanelData } from '@/lib/dashboards/schema';
import { heatmapSummary, timeseriesSummary } from '../charts/chart-summary';
import { heatmapOption, type HeatmapData } from '../charts/heatmap-options';
import { LazyEChart } from '../charts/lazy-echart';
import { timeseriesOption } from '../charts/timeseries-options';
import { useChartTheme } from '../charts/use-chart-theme';

type TimeseriesData = Extract<PanelData, { kind: 'timeseries' }>;

/** Lines (or stacked areas) over the panel's range, with deployment and alert markers. */
export function TimeseriesView({ data, title, startMs, endMs }: { data: TimeseriesData; title: string; startMs: number; endMs: number }) {
  const theme = useChartTheme();
  const option = useMemo(
    () => timeseriesOption({ series: data.series, unit: data.unit, markers: data.markers, stacked: data.stacked, range: { startMs, endMs }, theme }),
    [data, startMs, endMs, theme],
  );
  return <LazyEChart option={option} label={timeseriesSummary(title, data)} height={data.series.length > 1 ? 280 : 240} />;
}

/** Requests per second per latency bucket over time. */
export function HeatmapView({ data, title }: { data: HeatmapData; title: string }) {
  const theme = useChartTheme();
  const option = useMemo(() => heatmapOption(data, theme), [data, theme]);
  return <LazyEChart option={option} label={heatmapSummary(title, data)} height={300} />;
}

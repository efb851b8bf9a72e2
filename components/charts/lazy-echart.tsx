'use client';

import dynamic from 'next/dynamic';
import { ChartSkeleton } from './chart-skeleton';
import type { EChartProps } from './echart';

/**
 * ECharts loads on demand, in parallel with the panels' data, so it stays out of every page's
 * first-load JavaScript; a stat without a trend never loads it at all.
 */
export const LazyEChart = dynamic<EChartProps>(() => import('./echart'), {
  ssr: false,
  loading: () => <ChartSkeleton />,
});

'use client';

import { useMemo } from 'react';
import { LazyEChart } from '@/components/charts/lazy-echart';
import { useChartTheme } from '@/components/charts/use-chart-theme';
import { budgetChartOption, type BudgetPoint } from './budget-chart-options';

/** Error budget remaining over the SLO window, as the server computed it. */
export function BudgetChart({ points, label }: { points: readonly BudgetPoint[]; label: string }) {
  const theme = useChartTheme();
  const option = useMemo(() => budgetChartOption(points, theme), [points, theme]);
  return <LazyEChart option={option} label={label} height={220} />;
}

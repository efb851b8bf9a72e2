'use client';

import { useId, useMemo, useState } from 'react';
import { LazyEChart } from '@/components/charts/lazy-echart';
import { useChartTheme } from '@/components/charts/use-chart-theme';
import type { BacktestResult } from '@/lib/slo/backtest/schema';
import { backtestChartOption, type BacktestChartSettings } from './backtest-chart-options';
import local from './backtest.module.css';

/** Burn rate per policy window with thresholds and shaded episodes; log scale by default. */
export function BacktestChart({ result, label }: { result: BacktestResult; label: string }) {
  const theme = useChartTheme();
  const id = useId();
  const [settings, setSettings] = useState<BacktestChartSettings>({ logScale: true, showShort: false });
  const option = useMemo(() => backtestChartOption(result, theme, settings), [result, theme, settings]);
  return (
    <div>
      <div className={local.controls}>
        <label htmlFor={`${id}-log`}>
          <input id={`${id}-log`} type="checkbox" checked={settings.logScale} onChange={(e) => setSettings((s) => ({ ...s, logScale: e.target.checked }))} /> Log scale
        </label>
        <label htmlFor={`${id}-short`}>
          <input id={`${id}-short`} type="checkbox" checked={settings.showShort} onChange={(e) => setSettings((s) => ({ ...s, showShort: e.target.checked }))} /> Show short windows
        </label>
      </div>
      <LazyEChart option={option} label={label} height={300} />
    </div>
  );
}

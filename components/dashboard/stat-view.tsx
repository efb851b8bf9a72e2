'use client';

import { useMemo } from 'react';
import type { PanelData } from '@/lib/dashboards/schema';
import { LazyEChart } from '../charts/lazy-echart';
import { sparklineOption } from '../charts/sparkline-options';
import { useChartTheme } from '../charts/use-chart-theme';
import { formatUnit, formatUnitParts, HEALTH_LABELS } from '../format-unit';
import styles from './views.module.css';

type StatData = Extract<PanelData, { kind: 'stat' }>;

function Trend({ data, title }: { data: StatData & { trend: NonNullable<StatData['trend']> }; title: string }) {
  const theme = useChartTheme();
  const { trend, unit, health } = data;
  const option = useMemo(() => sparklineOption({ series: trend, unit, health, theme }), [trend, unit, health, theme]);
  const values = trend.points.map(([, v]) => v).filter((v): v is number => v !== null);
  const label = values.length
    ? `${title} trend: from ${formatUnit(values[0] ?? null, unit)} to ${formatUnit(values[values.length - 1] ?? null, unit)}, lowest ${formatUnit(Math.min(...values), unit)}.`
    : `${title} trend: no data.`;
  return <LazyEChart option={option} label={label} height={56} />;
}

/** One big number with its unit, its health as colour and as text, a detail line and a trend. */
export function StatView({ data, title }: { data: StatData; title: string }) {
  const parts = formatUnitParts(data.value, data.unit);
  return (
    <div className={styles.stat} data-health={data.health}>
      <p className={styles.statValue}>
        {data.value === null ? (
          <span className={`${styles.number} ${styles.dash}`} data-testid="stat-value">
            <span aria-hidden="true">—</span>
            <span className="sr-only">No data</span>
          </span>
        ) : (
          <>
            <span className={styles.number} data-testid="stat-value">
              {parts.text}
            </span>
            {parts.unit && <span className={styles.statUnit}>{parts.unit}</span>}
          </>
        )}
      </p>
      {(data.health !== 'unknown' || data.detail) && (
        <p className={styles.detail}>
          {data.health !== 'unknown' && <span className={styles.badge}>{HEALTH_LABELS[data.health]}</span>} {data.detail}
        </p>
      )}
      {data.trend && data.trend.points.length > 1 && <Trend data={{ ...data, trend: data.trend }} title={title} />}
    </div>
  );
}

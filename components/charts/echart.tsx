'use client';

// The only module that imports ECharts (STYLE.md): tree-shaken `echarts/core` with just the charts,
// components and renderer the option builders use (perses `EChart.tsx`).
import { useEffect, useRef } from 'react';
import { GraphChart, HeatmapChart, LineChart, type GraphSeriesOption, type HeatmapSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
// `use` is ECharts' registry, not React's hook; renamed so nobody (and no linter) confuses them.
import { init, use as registerParts, type ComposeOption, type ECElementEvent, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useLatest } from '@/components/ui/use-latest';

registerParts([LineChart, HeatmapChart, GraphChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** Every option the builders may produce; anything else would need a `use([...])` entry above. */
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | HeatmapSeriesOption
  | GraphSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;
export type { LineSeriesOption, HeatmapSeriesOption, GraphSeriesOption };

/** ECharts' own description of the item under the pointer: series, `dataType` ('node' | 'edge' in a graph), index. */
export type ChartItemEvent = Pick<ECElementEvent, 'componentType' | 'seriesIndex' | 'dataType' | 'dataIndex' | 'data'>;
/** Mouse events on chart items, by ECharts' event name; ECharts does the hit testing, so callers need no geometry. */
export type ChartEvents = Partial<Record<'click' | 'dblclick' | 'mouseover' | 'mouseout', (event: ChartItemEvent) => void>>;

/** Resizes wait for the layout to settle (dragging a window fires dozens of observations). */
export const RESIZE_DEBOUNCE_MS = 100;

export interface EChartProps {
  /** Memoise it: a new object means a new `setOption`. */
  option: ChartOption;
  /** What the chart shows, in words, for screen readers (the canvas itself says nothing). */
  label: string;
  height?: number;
  className?: string;
  /** Item events, e.g. `{ click }`; the latest handlers are called, so they need no memoising. */
  onEvents?: ChartEvents;
}

/** A canvas chart: init on mount, dispose on unmount, `setOption` only when the option changes. */
export default function EChart({ option, label, height = 240, className, onEvents }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const handlers = useLatest(onEvents);
  // Which events to listen to is fixed by the names given; the handlers themselves are read on each event.
  const eventNames = Object.keys(onEvents ?? {}).sort().join(' ');

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = init(el, null, { renderer: 'canvas' });
    chart.current = instance;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => instance.resize(), RESIZE_DEBOUNCE_MS);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !eventNames) return;
    const names = eventNames.split(' ') as (keyof ChartEvents)[];
    const listeners = names.map((name) => [name, (event: ECElementEvent) => handlers.current?.[name]?.(event)] as const);
    for (const [name, listener] of listeners) instance.on(name, listener);
    return () => {
      // On unmount the instance may already be disposed (the effect above cleans up first).
      if (instance.isDisposed()) return;
      for (const [name, listener] of listeners) instance.off(name, listener);
    };
  }, [eventNames, handlers]);

  useEffect(() => {
    // notMerge: a series that disappeared from the data must disappear from the chart too.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} className={className} style={{ height, width: '100%' }} />;
}

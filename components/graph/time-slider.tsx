'use client';

import { useId, useState } from 'react';
import { formatUtc } from '@/lib/format';
import { GRAPH_RANGES, type GraphRange } from '@/lib/graph/url-state';
import styles from './graph.module.css';

/** Slider steps: about 150 stops over any range, rounded to whole minutes. */
const STOPS = 150;

export interface TimeSliderProps {
  time: number;
  end: number;
  range: GraphRange;
  onTime: (time: number) => void;
  onRange: (range: GraphRange) => void;
}

/** Replays the graph at any moment of the range ending at `end`; the URL changes on release. Key it on `time`. */
export function TimeSlider({ time, end, range, onTime, onRange }: TimeSliderProps) {
  const id = useId();
  const span = GRAPH_RANGES[range];
  const step = Math.max(60, Math.round(span / STOPS / 60) * 60);
  const [value, setValue] = useState(time);
  const commit = () => value !== time && onTime(value);
  return (
    <div className={styles.slider} role="group" aria-label="Time travel">
      <label htmlFor={id}>
        At <output aria-live="polite">{formatUtc(value)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={end - span}
        max={end}
        step={step}
        value={Math.min(end, Math.max(end - span, value))}
        onChange={(e) => setValue(Number(e.target.value))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
        aria-valuetext={formatUtc(value)}
      />
      <label>
        Over the last{' '}
        <select value={range} onChange={(e) => onRange(e.target.value as GraphRange)}>
          {Object.keys(GRAPH_RANGES).map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => onTime(end)} disabled={time === end}>
        Latest
      </button>
    </div>
  );
}

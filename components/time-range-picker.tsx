'use client';

import { useId, useState } from 'react';
import { RANGE_LABELS, RANGE_PRESETS, REFRESH_OPTIONS, isRangePreset, isRefreshOption, type ResolvedRange } from '@/lib/queries/time-range';
import type { TimeState } from '@/lib/queries/time-state';
import { CustomRangeForm } from './time/custom-range-form';
import { useTimeNavigation } from './time/use-time-navigation';
import { describeRange } from './time/utc-input';
import styles from './time/time-range-picker.module.css';

const REFRESH_LABELS: Record<keyof typeof REFRESH_OPTIONS, string> = { off: 'Off', '30s': 'Every 30 s', '1m': 'Every minute', '5m': 'Every 5 minutes' };

export interface TimeRangePickerProps {
  state: TimeState;
  /** The range on screen (live ranges end at the browser's clock). */
  range: ResolvedRange;
}

/** Range presets, absolute from/to, pin/live and auto-refresh; every choice is a new URL. */
export function TimeRangePicker({ state, range }: TimeRangePickerProps) {
  const navigate = useTimeNavigation(state);
  const [customOpen, setCustomOpen] = useState(false);
  const formId = useId();
  const hintId = useId();
  const pinned = state.time !== undefined;
  const absolute = state.from !== undefined && pinned;

  return (
    <div role="group" aria-label="Time range" className={styles.picker}>
      {/* Live ranges end at the browser clock, which may differ by a step from the server render. */}
      <p className={styles.summary} aria-live="polite" suppressHydrationWarning>
        {describeRange(state, range.end)}
      </p>
      <div className={styles.controls}>
        <label>
          <span className={styles.label}>Range</span>
          <select
            value={absolute ? 'custom' : state.range}
            onChange={(e) => {
              const value = e.target.value;
              if (value === 'custom') setCustomOpen(true);
              else if (isRangePreset(value)) navigate({ range: value, from: undefined });
            }}
          >
            {absolute && <option value="custom">Custom</option>}
            {Object.keys(RANGE_PRESETS).map((preset) => (
              <option key={preset} value={preset}>
                {isRangePreset(preset) ? RANGE_LABELS[preset] : preset}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className={styles.label}>Auto-refresh</span>
          <select
            value={pinned ? 'off' : state.refresh}
            disabled={pinned}
            aria-describedby={pinned ? hintId : undefined}
            onChange={(e) => isRefreshOption(e.target.value) && navigate({ refresh: e.target.value })}
          >
            {Object.entries(REFRESH_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {pinned ? (
          <button type="button" className={styles.primary} onClick={() => navigate({ time: undefined, from: undefined })}>
            Go live
          </button>
        ) : (
          <button type="button" onClick={() => navigate({ time: range.end })} title="Pin the end of the range, so the link always shows this moment">
            Pin time
          </button>
        )}
        <button type="button" aria-expanded={customOpen} aria-controls={customOpen ? formId : undefined} onClick={() => setCustomOpen(!customOpen)}>
          Custom range…
        </button>
      </div>
      {pinned && (
        <p id={hintId} className={styles.hint}>
          Pinned: this link always shows the same moment, and it does not refresh.
        </p>
      )}
      {customOpen && (
        <CustomRangeForm
          id={formId}
          start={range.start}
          end={range.end}
          onCancel={() => setCustomOpen(false)}
          onApply={(next) => {
            setCustomOpen(false);
            navigate(next);
          }}
        />
      )}
    </div>
  );
}

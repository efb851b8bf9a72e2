'use client';

import { useState, type FormEvent } from 'react';
import { MAX_ABSOLUTE_SECONDS, MIN_ABSOLUTE_SECONDS } from '@/lib/queries/time-state';
import { fromUtcInput, toUtcInput } from './utc-input';
import styles from './time-range-picker.module.css';

export interface CustomRangeFormProps {
  id: string;
  start: number;
  end: number;
  /** `from` undefined: keep the relative range, only pin its end. */
  onApply: (range: { from?: number; time: number }) => void;
  onCancel: () => void;
}

function validate(from: number | undefined, to: number | undefined, fromText: string): string | null {
  if (to === undefined) return 'Enter the end as a UTC date and time.';
  if (fromText && from === undefined) return 'Enter the start as a UTC date and time, or leave it empty.';
  if (from === undefined) return null;
  if (to - from < MIN_ABSOLUTE_SECONDS) return 'The start must be at least a minute before the end.';
  if (to - from > MAX_ABSOLUTE_SECONDS) return 'A range can cover at most 90 days.';
  return null;
}

/** Absolute from/to in UTC; an empty start pins only the end (e.g. "the 6 hours before the incident"). */
export function CustomRangeForm({ id, start, end, onApply, onCancel }: CustomRangeFormProps) {
  const [fromText, setFromText] = useState(() => toUtcInput(start));
  const [toText, setToText] = useState(() => toUtcInput(end));
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = fromText ? fromUtcInput(fromText) : undefined;
    const to = fromUtcInput(toText);
    const problem = validate(from, to, fromText);
    setError(problem);
    if (problem === null && to !== undefined) onApply({ from, time: to });
  };

  return (
    <form
      id={id}
      className={styles.custom}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      aria-label="Custom time range"
      noValidate
    >
      <label>
        From (UTC)
        <input type="datetime-local" value={fromText} onChange={(e) => setFromText(e.target.value)} />
      </label>
      <label>
        To (UTC)
        <input type="datetime-local" value={toText} onChange={(e) => setToText(e.target.value)} required />
      </label>
      <div className={styles.actions}>
        <button type="submit" className={styles.primary}>
          Apply
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p role="alert" className={styles.formError}>
          {error}
        </p>
      )}
    </form>
  );
}

'use client';

import { useEffect, useState } from 'react';

/** Edits settle before a backtest starts: each one replays days of history. */
export const COMPARE_DEBOUNCE_MS = 800;

/** `value` once it has stopped changing for `ms`; compare strings, not fresh objects. */
export function useDebounced<T>(value: T, ms = COMPARE_DEBOUNCE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

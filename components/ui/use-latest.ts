import { useEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the latest value: for callbacks handed to imperative libraries (ECharts,
 * CodeMirror) once at set-up, which must still call the caller's current handler.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}

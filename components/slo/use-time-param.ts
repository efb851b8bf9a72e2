'use client';

import { useSearchParams } from 'next/navigation';
import { parseTimeParam } from '@/lib/queries/slo-time';

/** The URL's `?time=` (unix seconds) or null for now. */
export function useTimeParam(): number | null {
  return parseTimeParam(useSearchParams().get('time'));
}

'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { timeStateHref, type TimeState } from '@/lib/queries/time-state';

export type TimePatch = Partial<Omit<TimeState, 'problems'>>;

/** Moves the dashboard to a new time state by pushing its URL, so back and forward step through choices. */
export function useTimeNavigation(state: TimeState): (patch: TimePatch) => void {
  const router = useRouter();
  const pathname = usePathname();
  return useCallback(
    (patch: TimePatch) => {
      router.push(timeStateHref(pathname, { ...state, ...patch }), { scroll: false });
    },
    [router, pathname, state],
  );
}

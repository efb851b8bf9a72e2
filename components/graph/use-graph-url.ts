'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { graphSearch, parseGraphState, type GraphUrlState } from '@/lib/graph/url-state';

/** The page state from the URL, and a setter that writes a new URL (replace: no history spam). */
export function useGraphUrl(): [GraphUrlState, (patch: Partial<GraphUrlState>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parseGraphState(new URLSearchParams(params.toString())), [params]);
  const update = useCallback(
    (patch: Partial<GraphUrlState>) => router.replace(`${pathname}${graphSearch({ ...state, ...patch })}`, { scroll: false }),
    [router, pathname, state],
  );
  return [state, update];
}

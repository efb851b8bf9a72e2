'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { nowUnixSeconds } from '@/lib/queries/time';
import { useSloBacktest } from '@/lib/queries/backtest-hooks';
import { windowSeconds } from '@/lib/slo/windows';
import { backtestRange, parseRangeChoice, type RangeChoice } from './backtest-format';
import { BacktestPanel, RangeSelect } from './backtest-panel';

/** The URL parameter holding the range choice, so a shared link shows the same backtest. */
export const RANGE_PARAM = 'backtest';

/**
 * `/slos/<name>`: the SLO's own policy replayed up to the page's `?time=` (or now), which is what makes
 * the simulated history (anchored in the past) usable.
 */
export function SloBacktest({ name, sloWindow, time }: { name: string; sloWindow: string; time: number | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const choice = parseRangeChoice(params.get(RANGE_PARAM));
  // "Now" is fixed when the page opens: a moving `to` would be a new query on every render.
  const [now] = useState(() => nowUnixSeconds());
  const range = backtestRange(choice, windowSeconds(sloWindow), time ?? now);
  const query = useSloBacktest(name, range);
  const setChoice = (next: RangeChoice) => {
    const search = new URLSearchParams(params.toString());
    if (next === 'window') search.delete(RANGE_PARAM);
    else search.set(RANGE_PARAM, next);
    const qs = search.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  return (
    <BacktestPanel
      title="Backtest"
      description="What this SLO's alert policy would have done over its history: when it would have paged or opened a ticket, and how well that matched the budget actually spent."
      query={query}
      controls={<RangeSelect value={choice} onChange={setChoice} sloWindow={sloWindow} />}
    />
  );
}

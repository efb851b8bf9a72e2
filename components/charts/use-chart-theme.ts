'use client';

import { useSyncExternalStore } from 'react';
import { chartThemeFrom, LIGHT_CHART_THEME, type ChartTheme } from './chart-theme';

// `light-dark()` variables are not resolved by getPropertyValue, so each is read through a probe's
// computed `color`, which is. Recomputed only when the theme changes, not on every render.

let cached: ChartTheme | null = null;
let cachedKey = '';
/** Set when the theme may have changed; the next snapshot re-reads the variables. */
let stale = true;

function readTheme(): ChartTheme {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  document.body.appendChild(probe);
  try {
    return chartThemeFrom((variable) => {
      probe.style.color = '';
      probe.style.color = `var(${variable})`;
      return getComputedStyle(probe).color || undefined;
    });
  } finally {
    probe.remove();
  }
}

function subscribe(onChange: () => void): () => void {
  // The theme may have flipped while nothing was subscribed.
  stale = true;
  const changed = () => {
    stale = true;
    onChange();
  };
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', changed);
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'style', 'class'] });
  return () => {
    media.removeEventListener('change', changed);
    observer.disconnect();
  };
}

function snapshot(): ChartTheme {
  if (stale || !cached) {
    stale = false;
    const next = readTheme();
    const key = JSON.stringify(next);
    // Same colours keep the same object, so memoised chart options are not rebuilt for nothing.
    if (key !== cachedKey) {
      cached = next;
      cachedKey = key;
    }
  }
  return cached ?? LIGHT_CHART_THEME;
}
const serverSnapshot = () => LIGHT_CHART_THEME;

/** The chart colours of the theme on screen; charts rebuild their options when it flips. */
export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, snapshot, serverSnapshot);
}

import { describe, expect, it } from 'vitest';
import type { Series } from '@/lib/dashboards/schema';
import { LIGHT_CHART_THEME as theme } from './chart-theme';
import { statusStyles } from './status-colors';

const s = (name: string, labels: Record<string, string> = {}): Series => ({ name, labels, points: [] });

describe('statusStyles', () => {
  it('paints server errors red, client errors amber and leaves the rest to the palette', () => {
    expect(statusStyles([s('200'), s('404'), s('503'), s('0'), s('cart')], theme)).toEqual([
      { dashed: false },
      { color: theme.warn, dashed: false },
      { color: theme.bad, dashed: false },
      { color: theme.bad, dashed: true },
      { dashed: false },
    ]);
  });

  it('reads the code from a name that explains it, and not from a name that only starts with digits', () => {
    expect(statusStyles([s('0 (no response)'), s('503 upstream'), s('5000 rps')], theme)).toEqual([{ color: theme.bad, dashed: false }, { color: theme.bad, dashed: true }, { dashed: false }]);
  });
});

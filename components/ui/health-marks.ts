// How a verdict looks: a mark next to the colour (so health never depends on colour vision) and the
// chart colour of each level. Rendering only: the verdict itself comes from the API (lib/health).
import type { ChartTheme } from '@/components/charts/chart-theme';
import type { HealthLevel } from '@/lib/health/schema';

export const HEALTH_MARKS: Record<HealthLevel, string> = { ok: '', warning: '▲ ', failing: '✖ ', idle: '' };

export function healthLevelColour(theme: ChartTheme, level: HealthLevel): string {
  return level === 'failing' ? theme.bad : level === 'warning' ? theme.warn : level === 'ok' ? theme.good : theme.muted;
}

/** The chip's accessible name: the level in words, then why. */
export function healthName(h: { level: HealthLevel; reason: string }, label: string): string {
  return `${label}: ${h.reason}`;
}

// Colours for charts, taken from the page's CSS variables so charts follow the light/dark theme.
import type { Health } from '@/lib/dashboards/schema';

export interface ChartTheme {
  text: string;
  muted: string;
  border: string;
  surface: string;
  accent: string;
  good: string;
  warn: string;
  bad: string;
  /** Categorical series colours, clear of the status colours. */
  palette: readonly string[];
}

/** The CSS custom property behind each colour (app/globals.css). */
export const THEME_VARIABLES = {
  text: '--text',
  muted: '--muted',
  border: '--border',
  surface: '--surface',
  accent: '--accent',
  good: '--good',
  warn: '--warn',
  bad: '--bad',
} as const;
export const PALETTE_VARIABLES = ['--series-1', '--series-2', '--series-3', '--series-4', '--series-5', '--series-6', '--series-7', '--series-8'] as const;

/** The light theme's values: used while server rendering and in tests. */
export const LIGHT_CHART_THEME: ChartTheme = {
  text: '#141821',
  muted: '#566070',
  border: '#d8dde5',
  surface: '#ffffff',
  accent: '#2451c7',
  good: '#1a7f37',
  warn: '#8a5d00',
  bad: '#c0262d',
  palette: ['#2451c7', '#8250df', '#0f7b8a', '#b35900', '#bf3989', '#5a6b80', '#6e5400', '#1b5e9e'],
};

/** The colour that means `health`; unknown is muted rather than a guess. */
export function healthColor(theme: ChartTheme, health: Health): string {
  return health === 'unknown' ? theme.muted : theme[health];
}

/** Builds a theme from a resolver of CSS variables (`var(--x)` -> colour), falling back per colour. */
export function chartThemeFrom(resolve: (variable: string) => string | undefined): ChartTheme {
  const pick = (key: keyof typeof THEME_VARIABLES) => resolve(THEME_VARIABLES[key]) || LIGHT_CHART_THEME[key];
  return {
    text: pick('text'),
    muted: pick('muted'),
    border: pick('border'),
    surface: pick('surface'),
    accent: pick('accent'),
    good: pick('good'),
    warn: pick('warn'),
    bad: pick('bad'),
    palette: PALETTE_VARIABLES.map((v, i) => resolve(v) || LIGHT_CHART_THEME.palette[i] || LIGHT_CHART_THEME.accent),
  };
}

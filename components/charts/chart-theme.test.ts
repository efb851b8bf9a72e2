import { describe, expect, it } from 'vitest';
import { chartThemeFrom, healthColor, LIGHT_CHART_THEME } from './chart-theme';

describe('chartThemeFrom', () => {
  it('takes resolved CSS variables, falling back per colour', () => {
    const theme = chartThemeFrom((v) => (v === '--bad' ? 'rgb(255, 123, 114)' : v === '--series-1' ? 'rgb(1, 2, 3)' : undefined));
    expect(theme.bad).toBe('rgb(255, 123, 114)');
    expect(theme.good).toBe(LIGHT_CHART_THEME.good);
    expect(theme.palette[0]).toBe('rgb(1, 2, 3)');
    expect(theme.palette).toHaveLength(8);
  });

  it.each([
    ['good', LIGHT_CHART_THEME.good],
    ['warn', LIGHT_CHART_THEME.warn],
    ['bad', LIGHT_CHART_THEME.bad],
    ['unknown', LIGHT_CHART_THEME.muted],
  ] as const)('%s health is %s', (health, color) => {
    expect(healthColor(LIGHT_CHART_THEME, health)).toBe(color);
  });
});

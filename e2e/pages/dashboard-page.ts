// Page object shared by the three dashboards: header, time range picker and catalog panels, all
// found by role and accessible name.
import { expect, type Locator, type Page } from '@playwright/test';
import { pageReady } from './page-ready';

export interface DashboardQuery {
  time?: number;
  range?: string;
  from?: number;
  namespace?: string;
  service?: string;
}

/** A stat's number as shown: digits with optional grouping and decimals ("99.93", "1,234", "< 0.01"). */
export const STAT_NUMBER = /^(< )?-?\d{1,3}(,\d{3})*(\.\d+)?$/;

export class DashboardPage {
  readonly heading: Locator;
  readonly nav: Locator;
  readonly themeToggle: Locator;
  readonly timeRange: Locator;
  readonly rangeSelect: Locator;
  readonly refreshSelect: Locator;
  readonly goLive: Locator;
  readonly pinTime: Locator;
  readonly customRange: Locator;
  /** Every panel on the page (sections named by their heading). */
  readonly panels: Locator;

  constructor(
    readonly page: Page,
    readonly path: string,
    headingName: string | RegExp,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: headingName });
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.themeToggle = page.getByRole('button', { name: 'Dark theme' });
    this.timeRange = page.getByRole('group', { name: 'Time range' });
    this.rangeSelect = this.timeRange.getByLabel('Range');
    this.refreshSelect = this.timeRange.getByLabel('Auto-refresh');
    this.goLive = this.timeRange.getByRole('button', { name: 'Go live' });
    this.pinTime = this.timeRange.getByRole('button', { name: 'Pin time' });
    this.customRange = this.timeRange.getByRole('button', { name: 'Custom range…' });
    this.panels = page.getByRole('main').getByRole('region');
  }

  async goto(query: DashboardQuery = {}): Promise<void> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
    const qs = search.toString();
    await this.page.goto(qs ? `${this.path}?${qs}` : this.path);
    await expect(this.heading).toBeVisible();
    await pageReady(this.page);
  }

  panel(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  statValue(title: string): Locator {
    return this.panel(title).getByTestId('stat-value');
  }

  /** Waits until no panel is loading (first load, or an old range standing in for a new one). */
  async settled(count?: number): Promise<void> {
    if (count !== undefined) await expect(this.panels).toHaveCount(count);
    await expect(this.page.locator('main section[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  }

  /** Panels that show an error (role=alert inside the panel). */
  panelErrors(): Locator {
    return this.panels.getByRole('alert');
  }

  /** How many chart canvases have at least one painted pixel. */
  async drawnCharts(): Promise<number> {
    return this.page.locator('main [role="img"] canvas').evaluateAll((canvases) =>
      canvases.filter((c) => {
        const canvas = c as HTMLCanvasElement;
        const ctx = canvas.getContext('2d');
        if (!ctx || canvas.width === 0 || canvas.height === 0) return false;
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) return true;
        return false;
      }).length,
    );
  }

  /** The texts of every stat on the page, in order. */
  async statTexts(): Promise<string[]> {
    return this.page.getByTestId('stat-value').allInnerTexts();
  }

  async chooseRange(label: string): Promise<void> {
    await this.rangeSelect.selectOption({ label });
  }
}

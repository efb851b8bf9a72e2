// Page object for a backtest panel (`/slos/<name>` "Backtest", or a column of "Compare policies").
import type { Locator, Page } from '@playwright/test';

export class BacktestPanel {
  readonly region: Locator;
  readonly range: Locator;
  readonly chart: Locator;
  readonly episodes: Locator;
  readonly summary: Locator;
  readonly recommendations: Locator;
  readonly empty: Locator;

  constructor(scope: Page | Locator, title = 'Backtest') {
    this.region = scope.getByRole('region', { name: title, exact: true });
    this.range = this.region.getByLabel('Backtest range');
    this.chart = this.region.getByRole('img', { name: /burn rate per window/ });
    this.episodes = this.region.getByRole('table', { name: /^Alert episodes/ });
    this.summary = this.region.getByRole('list', { name: 'Backtest summary' });
    this.recommendations = this.region.getByRole('heading', { name: 'Recommendations' });
    this.empty = this.region.getByText('No alerts would have fired in this period.');
  }

  /** Episode rows with `severity`, e.g. "page". */
  rows(severity: 'page' | 'ticket'): Locator {
    return this.episodes.locator('tbody tr').filter({ has: this.region.page().getByText(severity, { exact: true }) });
  }
}

/** `2026-09-28 11:50 UTC` (the table's format) -> unix seconds. */
export function parseUtcCell(text: string): number {
  const m = /(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}) UTC/.exec(text);
  if (!m) throw new Error(`not a UTC time: ${text}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi) / 1000;
}

// Page object for the Executive dashboard (`/`): locates everything by role and accessible name.
import { expect, type Locator, type Page } from '@playwright/test';

export type ServiceColumn = 'Requests' | 'Success' | 'p95 latency';
const CELL_INDEX: Record<ServiceColumn, number> = { Requests: 0, Success: 1, 'p95 latency': 2 };

export class HomePage {
  readonly heading: Locator;
  readonly nav: Locator;
  readonly themeToggle: Locator;
  readonly servicesPanel: Locator;
  readonly servicesTable: Locator;
  readonly servicesError: Locator;
  readonly retryButton: Locator;
  readonly emptyState: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Executive overview' });
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.themeToggle = page.getByRole('button', { name: 'Dark theme' });
    this.servicesPanel = page.getByRole('region', { name: 'Services' });
    this.servicesTable = this.servicesPanel.getByRole('table', { name: /per service/ });
    this.servicesError = this.servicesPanel.getByRole('alert');
    this.retryButton = this.servicesPanel.getByRole('button', { name: /Retry/ });
    this.emptyState = this.servicesPanel.getByText('No mesh traffic found in Prometheus for this window');
  }

  async goto(params: { time?: number; window?: string; namespace?: string } = {}): Promise<void> {
    const search = new URLSearchParams();
    if (params.time !== undefined) search.set('time', String(params.time));
    if (params.window) search.set('window', params.window);
    if (params.namespace) search.set('namespace', params.namespace);
    const qs = search.toString();
    await this.page.goto(qs ? `/?${qs}` : '/');
    await expect(this.heading).toBeVisible();
  }

  /** The table row whose row header starts with the service name (the namespace follows it). */
  serviceRow(service: string): Locator {
    const name = new RegExp(`^${service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `);
    return this.servicesTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  cell(service: string, column: ServiceColumn): Locator {
    return this.serviceRow(service).getByRole('cell').nth(CELL_INDEX[column]);
  }

  /** Clicks a column's sort button (keyboard users press Enter on the same button). */
  async sortBy(column: 'Service' | ServiceColumn): Promise<void> {
    await this.servicesTable.getByRole('columnheader', { name: new RegExp(`^${column}`) }).getByRole('button').click();
  }

  /** One column's numbers in table order (NaN for a missing value). */
  async columnNumbers(column: ServiceColumn): Promise<number[]> {
    const rows = this.servicesTable.locator('tbody').getByRole('row');
    const texts = await rows.locator(`td:nth-of-type(${CELL_INDEX[column] + 1})`).allTextContents();
    return texts.map((t) => Number.parseFloat(t.replace(/[<,\s]/g, '')));
  }

  /** Service names in table order. */
  async serviceNames(): Promise<string[]> {
    const headers = await this.servicesTable.getByRole('rowheader').allInnerTexts();
    return headers.map((text) => text.split(/\s+/)[0] ?? '');
  }
}

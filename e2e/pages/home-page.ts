// Page object for the Executive dashboard (`/`): locates everything by role and accessible name.
import type { Locator, Page } from '@playwright/test';
import { DashboardPage } from './dashboard-page';

export type ServiceColumn = 'Health' | 'Requests' | 'Success' | 'p95 latency';
const CELL_INDEX: Record<ServiceColumn, number> = { Health: 0, Requests: 1, Success: 2, 'p95 latency': 3 };

export class HomePage extends DashboardPage {
  readonly servicesPanel: Locator;
  readonly servicesTable: Locator;
  readonly servicesError: Locator;
  readonly retryButton: Locator;
  readonly emptyState: Locator;

  constructor(page: Page) {
    super(page, '/', 'Executive overview');
    this.servicesPanel = page.getByRole('region', { name: 'Services' });
    this.servicesTable = this.servicesPanel.getByRole('table', { name: /per service/ });
    this.servicesError = this.servicesPanel.getByRole('alert');
    this.retryButton = this.servicesPanel.getByRole('button', { name: /Retry/ });
    this.emptyState = this.servicesPanel.getByText('No mesh traffic found in Prometheus for this window');
  }

  /** The table row whose row header starts with the service name (the namespace follows it). */
  serviceRow(service: string): Locator {
    const name = new RegExp(`^${service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `);
    return this.servicesTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  cell(service: string, column: ServiceColumn): Locator {
    return this.serviceRow(service).getByRole('cell').nth(CELL_INDEX[column]);
  }

  /** The service's health chip (components/ui/health-chip): its name is "<Level>: <reason>". */
  health(service: string): Locator {
    return this.cell(service, 'Health').getByRole('img');
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

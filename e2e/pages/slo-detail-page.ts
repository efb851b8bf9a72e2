// Page object for `/slos/<name>`.
import type { Locator, Page } from '@playwright/test';
import { pageReady } from './page-ready';

export class SloDetailPage {
  readonly status: Locator;
  readonly recommendation: Locator;
  readonly alerts: Locator;
  readonly burnRates: Locator;
  readonly budget: Locator;
  readonly rules: Locator;
  readonly history: Locator;
  readonly editLink: Locator;
  readonly deleteButton: Locator;
  readonly readOnlyNotice: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByRole('region', { name: 'Status' });
    this.recommendation = this.status.getByLabel('Recommendation');
    this.alerts = page.getByRole('table', { name: 'Alerts' });
    this.burnRates = page.getByRole('table', { name: 'Burn rate per window' });
    this.budget = page.getByRole('region', { name: 'Budget burn-down' });
    this.rules = page.getByRole('region', { name: 'Generated rules' });
    this.history = page.getByRole('table', { name: 'Changes' });
    this.editLink = page.getByRole('link', { name: 'Edit', exact: true });
    this.deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    this.readOnlyNotice = page.getByRole('status').filter({ hasText: 'Read-only' });
  }

  async goto(name: string, time: number): Promise<void> {
    await this.page.goto(`/slos/${name}?time=${time}`);
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
    await pageReady(this.page);
  }

  /** History rows, newest first (the header row excluded). */
  historyRows(): Locator {
    return this.history.locator('tbody tr');
  }

  async confirmDelete(): Promise<void> {
    await this.deleteButton.click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Delete SLO' }).click();
  }
}

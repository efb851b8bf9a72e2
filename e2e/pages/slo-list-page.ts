// Page object for `/slos`: located by role and accessible name.
import type { Locator, Page } from '@playwright/test';
import { pageReady } from './page-ready';

export class SloListPage {
  readonly heading: Locator;
  readonly createLink: Locator;
  readonly search: Locator;
  readonly emptyState: Locator;
  readonly demoBanner: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'SLOs' });
    this.createLink = page.getByRole('link', { name: 'Create SLO' });
    this.search = page.getByRole('searchbox');
    this.emptyState = page.getByRole('region', { name: 'No SLOs yet' });
    this.demoBanner = page.getByRole('status').filter({ hasText: 'Demo: you are a local editor' });
  }

  async goto(time?: number): Promise<void> {
    await this.page.goto(time === undefined ? '/slos' : `/slos?time=${time}`);
    await this.heading.waitFor();
    await pageReady(this.page);
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }
}

// Page object for the Debug dashboard (`/debug?service=&namespace=`).
import type { Locator, Page } from '@playwright/test';
import { DashboardPage } from './dashboard-page';

export class DebugPage extends DashboardPage {
  readonly servicePicker: Locator;
  readonly chooseServiceHint: Locator;

  constructor(page: Page) {
    super(page, '/debug', /^Debug/);
    this.servicePicker = page.getByLabel('Service', { exact: true });
    this.chooseServiceHint = page.getByText('Choose a service to debug.');
  }

  /** Picks `service (namespace)` from the service picker. */
  async chooseService(service: string, namespace: string): Promise<void> {
    await this.servicePicker.selectOption({ label: `${service} (${namespace})` });
  }
}

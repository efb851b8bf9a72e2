// Page object for the On-call dashboard (`/oncall`).
import type { Page } from '@playwright/test';
import { DashboardPage } from './dashboard-page';

export class OncallPage extends DashboardPage {
  constructor(page: Page) {
    super(page, '/oncall', 'On-call');
  }
}

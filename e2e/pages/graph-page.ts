// Page object for the service graph (`/graph?time=&namespace=&...`).
import type { Locator, Page } from '@playwright/test';
import { pageReady } from './page-ready';

export class GraphPage {
  readonly chart: Locator;
  readonly canvas: Locator;
  readonly nodesTable: Locator;
  readonly edgesTable: Locator;
  readonly namespace: Locator;
  readonly slider: Locator;
  readonly sliderTime: Locator;

  constructor(readonly page: Page) {
    this.chart = page.getByTestId('graph-chart');
    this.canvas = this.chart.locator('canvas').first();
    this.nodesTable = page.locator('table', { has: page.locator('caption', { hasText: /services at/ }) });
    this.edgesTable = page.locator('table', { has: page.locator('caption', { hasText: /calls at/ }) });
    this.namespace = page.getByLabel('Namespace');
    this.slider = page.getByRole('slider');
    this.sliderTime = page.getByRole('group', { name: 'Time travel' }).locator('output');
  }

  async goto(params: Record<string, string | number>): Promise<void> {
    const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    await this.page.goto(`/graph?${search.toString()}`);
    await pageReady(this.page);
  }

  nodeRows(): Locator {
    return this.nodesTable.locator('tbody tr');
  }

  /** The side panel of one service. */
  panel(id: string): Locator {
    return this.page.getByRole('complementary', { name: `Service ${id}` });
  }

  async selectInTable(id: string): Promise<void> {
    await this.nodesTable.getByRole('button', { name: id, exact: true }).click();
  }
}

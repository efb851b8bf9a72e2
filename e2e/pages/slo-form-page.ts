// Page object for `/slos/new` and `/slos/<name>/edit`.
import type { Locator, Page } from '@playwright/test';
import { pageReady } from './page-ready';

export class SloFormPage {
  readonly name: Locator;
  readonly service: Locator;
  readonly team: Locator;
  readonly indicator: Locator;
  readonly objective: Locator;
  readonly window: Locator;
  readonly previewButton: Locator;
  readonly preview: Locator;
  readonly createButton: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Name', { exact: true });
    this.service = page.getByLabel('Service', { exact: true });
    this.team = page.getByLabel('Team', { exact: true });
    this.indicator = page.getByLabel('Indicator', { exact: true });
    this.objective = page.getByLabel('Objective (%)');
    this.window = page.getByLabel('Window', { exact: true });
    this.previewButton = page.getByRole('button', { name: 'Preview' });
    this.preview = page.getByRole('region', { name: 'Preview' });
    this.createButton = page.getByRole('button', { name: 'Create SLO' });
    this.saveButton = page.getByRole('button', { name: 'Save changes' });
  }

  async gotoNew(time: number): Promise<void> {
    await this.page.goto(`/slos/new?time=${time}`);
    await this.page.getByRole('heading', { level: 1, name: 'New SLO' }).waitFor();
    await pageReady(this.page);
  }

  /** Fills the create form; the service option is labelled `service (namespace)`. */
  async fill(spec: { name: string; service: string; team: string; objective: string; window: string }): Promise<void> {
    await this.name.fill(spec.name);
    await this.service.selectOption({ label: spec.service });
    await this.team.fill(spec.team);
    await this.indicator.selectOption('availability');
    await this.objective.fill(spec.objective);
    await this.window.selectOption(spec.window);
  }
}

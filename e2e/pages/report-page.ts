// Page object of /report (components/report/report-view.tsx).
import type { Locator, Page } from '@playwright/test';
import { pageReady } from './page-ready';

export class ReportPage {
  constructor(readonly page: Page) {}

  async goto(query: string) {
    await this.page.goto(`/report?${query}`);
    await pageReady(this.page);
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  team(team: string): Locator {
    return this.page.locator(`section[data-team="${team}"]`);
  }

  get teamSections(): Locator {
    return this.page.locator('section[data-team]');
  }

  incidents(team: string): Locator {
    return this.page.getByRole('table', { name: `Incidents of ${team}` });
  }

  /** The incident rows of one SLO and severity. */
  incidentRows(team: string, slo: string, severity: 'page' | 'ticket'): Locator {
    return this.incidents(team).locator('tbody tr').filter({ hasText: slo }).filter({ has: this.page.locator('td', { hasText: new RegExp(`^${severity}$`) }) });
  }

  get csvLink(): Locator {
    return this.page.getByRole('link', { name: 'Download CSV' });
  }

  get controls(): Locator {
    return this.page.getByRole('form', { name: 'Report month' });
  }

  get nav(): Locator {
    return this.page.getByRole('banner');
  }
}

/** `1h 11m` (lib/slo/format.ts humanDuration) -> seconds. */
export function parseDurationCell(text: string): number {
  let seconds = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)([dhm])/g)) seconds += Number(n) * { d: 86_400, h: 3600, m: 60 }[unit as 'd' | 'h' | 'm'];
  return seconds;
}

/** `103.9%` -> 1.039. */
export function parsePercentCell(text: string): number {
  const m = /(-?[\d.]+)%/.exec(text);
  if (!m) throw new Error(`not a percentage: ${text}`);
  return Number(m[1]) / 100;
}

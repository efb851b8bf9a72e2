// What each live tab renders once an SLO's page alert fires, found by role and text as the e2e page
// objects find them (e2e/pages): for `npm run bench -- live`.
import type { Locator, Page } from '@playwright/test';

/** One thing a tab shows; `from` says whether it follows Prometheus' alert or Meshwatch's own burn rates. */
export interface Probe {
  tab: string;
  what: string;
  /** `prometheus`: the alert rule's state after its `for:`; `status`: burn above threshold now, computed by Meshwatch. */
  from: 'prometheus' | 'status';
  locate(page: Page): Locator;
  /** Where to look when it never shows: the text there is printed. */
  scope(page: Page): Locator;
}

export interface Tab {
  name: string;
  path: string;
  /** Present once the page has rendered its data. */
  ready(page: Page): Locator;
}

/** The SLO's row on /slos (e2e/pages/slo-list-page.ts). */
export const sloListRow = (page: Page, slo: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: slo, exact: true }) });

const panel = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
/** A dashboard panel that is no longer loading (e2e/pages/dashboard-page.ts `settled`). */
const drawn = (page: Page, title: string) => panel(page, title).and(page.locator('section:not([aria-busy="true"])'));
const cell = (page: Page, name: string) => page.getByRole('cell', { name, exact: true });

export function liveTabs(slo: string): Tab[] {
  return [
    { name: '/oncall', path: '/oncall', ready: (p) => drawn(p, 'SLO burn-rate alerts') },
    { name: '/', path: '/', ready: (p) => drawn(p, 'Incidents') },
    { name: '/slos', path: '/slos', ready: (p) => sloListRow(p, slo) },
    { name: `/slos/${slo}`, path: `/slos/${slo}`, ready: (p) => p.getByRole('table', { name: 'Alerts' }) },
  ];
}

/** For the page alert (severity page) of `slo` on its long window `longWindow` (e.g. `1h`). */
export function liveProbes(slo: string, longWindow: string): Probe[] {
  return [
    {
      tab: '/oncall',
      what: 'SLO burn-rate alerts: page firing',
      from: 'prometheus',
      scope: (p) => panel(p, 'SLO burn-rate alerts'),
      locate: (p) => panel(p, 'SLO burn-rate alerts').getByRole('row').filter({ hasText: slo }).filter({ has: cell(p, 'firing') }).filter({ has: cell(p, 'page') }),
    },
    {
      tab: '/',
      what: 'Incidents: the SLO (page)',
      from: 'prometheus',
      scope: (p) => panel(p, 'Incidents'),
      locate: (p) => panel(p, 'Incidents').getByRole('row').filter({ hasText: `${slo} (page)` }),
    },
    {
      tab: '/',
      what: 'Needs attention: SLO pages',
      from: 'status',
      scope: (p) => panel(p, 'Needs attention'),
      locate: (p) => panel(p, 'Needs attention').getByRole('row').filter({ hasText: slo }).filter({ hasText: 'SLO pages' }),
    },
    {
      tab: '/slos',
      what: 'Alerting in Prometheus: firing page',
      from: 'prometheus',
      scope: (p) => sloListRow(p, slo),
      locate: (p) => sloListRow(p, slo).filter({ hasText: /firing page/ }),
    },
    {
      tab: '/slos',
      what: 'Status: page',
      from: 'status',
      scope: (p) => sloListRow(p, slo),
      locate: (p) => sloListRow(p, slo).filter({ has: cell(p, 'page') }),
    },
    {
      tab: `/slos/${slo}`,
      what: `Alerts: ${longWindow} page, In Prometheus firing`,
      from: 'prometheus',
      scope: (p) => p.getByRole('table', { name: 'Alerts' }),
      locate: (p) => p.getByRole('table', { name: 'Alerts' }).getByRole('row').filter({ has: cell(p, 'page') }).filter({ hasText: `${longWindow} /` }).filter({ has: cell(p, 'firing') }),
    },
    {
      tab: `/slos/${slo}`,
      what: `Alerts: ${longWindow} page, burn above threshold now`,
      from: 'status',
      scope: (p) => p.getByRole('table', { name: 'Alerts' }),
      locate: (p) => p.getByRole('table', { name: 'Alerts' }).getByRole('row').filter({ has: cell(p, 'page') }).filter({ hasText: `${longWindow} /` }).filter({ has: cell(p, 'yes') }),
    },
  ];
}

/** The figures of the SLO's /slos row (SLI, objective, budget remaining, burn 1h), without its chips. */
export async function sloListFigures(page: Page, slo: string): Promise<string> {
  const cells = await sloListRow(page, slo).getByRole('cell').allInnerTexts();
  // Indicator, status, SLI, objective, budget, burn 1h, alerting: the numbers are the third to sixth.
  return cells.slice(2, 6).join(' | ');
}

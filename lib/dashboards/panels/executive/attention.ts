// What needs attention, worst first: the SLOs that page, have spent their budget or ticket (at the end
// of the range), and the services whose verdict over the range is failing or warning (lib/health,
// with their SLOs, as the services table gives it). The first thing on `/`, so it never reads calm
// while something pages.
import { DEFAULT_HEALTH_THRESHOLDS, healthVerdict, HEALTH_RANK, sloHealth, sloState, sloStatusesByService, thresholdText, type SloState } from '@/lib/health';
import { dimKey, readDim } from '@/lib/mesh';
import { debugHref, sloHref } from '@/lib/links';
import type { PanelParams } from '../../params';
import { compareText, finite } from '../values';
import { definePanel, instant, type TableData } from '../types';
import { spanWindow } from '../windows';
import { loadPanelSlos } from './team-slos-load';
import { budgetPercent } from './team-slos';

type Row = TableData['rows'][number];
/** Rows shown; the rest are counted in a warning. */
export const ATTENTION_LIMIT = 8;
const KEY = ['namespace', 'service'] as const;
/** SLO states worth a row, and how each reads; order: what to look at first. */
const SLO_STATES: Partial<Record<SloState, { text: string; order: number }>> = {
  page: { text: 'SLO pages', order: 0 },
  exhausted: { text: 'SLO budget exhausted', order: 2 },
  ticket: { text: 'SLO tickets', order: 3 },
};
/** A failing service comes right after paging SLOs; a warning one after ticketing SLOs. */
const SERVICE_ORDER = { failing: 1, warning: 4 } as const;

const overRange = (p: PanelParams) => ({ window: spanWindow(p), by: 'service' as const, namespace: p.namespace });

export const attention = definePanel({
  queries: (p, { mesh }) => ({
    ratio: instant('Error ratio per service over the range', mesh.errorRatio(overRange(p)).promql),
    rate: instant('Requests per second per service over the range', mesh.requestRate(overRange(p)).promql),
  }),
  load: (p, _ctx, io) => loadPanelSlos(p, io),
  transform: ({ ratio, rate }, p, { mesh, config }, loaded = []) => {
    const q = mesh.requestRate(overRange(p));
    const ranked: Array<{ order: number; figure: number; row: Row }> = [];
    for (const { spec, status } of loaded) {
      const state = status ? SLO_STATES[sloState(status)] : undefined;
      if (!status || !state) continue;
      const remaining = status.errorBudget.remaining;
      ranked.push({
        order: state.order,
        figure: remaining ?? 1,
        row: {
          id: `slo:${spec.name}`,
          health: sloHealth(status),
          cells: {
            name: { text: spec.name, href: sloHref(spec.name) },
            what: state.text,
            service: { text: `${spec.namespace}/${spec.service}`, href: debugHref(spec.service, spec.namespace) },
            figure: remaining === null ? 'no budget figure' : `${budgetPercent(remaining)} of budget left`,
          },
        },
      });
    }
    const slos = sloStatusesByService(loaded);
    const rates = new Map(rate.map((s) => [dimKey(s.labels, q, [...KEY]), finite(s.value)]));
    for (const s of ratio) {
      const errorRatio = finite(s.value);
      const namespace = readDim(s.labels, q, 'namespace');
      const service = readDim(s.labels, q, 'service');
      const rps = rates.get(dimKey(s.labels, q, [...KEY])) ?? null;
      const health = healthVerdict({ errorRatio, rps, windowSeconds: p.end - p.start, slos: slos.get(`${namespace}/${service}`) ?? [] }, config.health);
      if (health.level !== 'failing' && health.level !== 'warning') continue;
      ranked.push({
        order: SERVICE_ORDER[health.level],
        figure: -(errorRatio ?? 0),
        row: {
          id: `service:${namespace}/${service}`,
          health,
          cells: {
            name: { text: service, href: debugHref(service, namespace) },
            what: health.level === 'failing' ? 'service failing' : 'service warning',
            service: `${namespace}/${service}`,
            figure: errorRatio === null ? 'no requests' : `${(errorRatio * 100).toFixed(errorRatio < 0.01 ? 2 : 1)} % of requests failed over the range`,
          },
        },
      });
    }
    ranked.sort((a, b) => a.order - b.order || HEALTH_RANK[levelOf(b.row)] - HEALTH_RANK[levelOf(a.row)] || a.figure - b.figure || compareText(a.row.id, b.row.id));
    const rows = ranked.slice(0, ATTENTION_LIMIT).map((r) => r.row);
    const warning = (config.health ?? DEFAULT_HEALTH_THRESHOLDS).warning;
    return {
      data: {
        kind: 'table',
        columns: [
          { key: 'name', label: 'SLO or service', kind: 'link' },
          { key: 'what', label: 'State', kind: 'text' },
          { key: 'figure', label: 'Figure', kind: 'text' },
          { key: 'service', label: 'Service', kind: 'link' },
        ],
        rows,
        ...(rows.length === 0
          ? { detail: `Nothing needs attention: no SLO pages, tickets or has spent its budget, and no service failed ${thresholdText(warning)} or more of its requests over the range.` }
          : {}),
      },
      warnings: ranked.length > ATTENTION_LIMIT ? [`${ranked.length - ATTENTION_LIMIT} more SLOs or services need attention; showing the worst ${ATTENTION_LIMIT}.`] : [],
    };
  },
});

const levelOf = (row: Row) => (typeof row.health === 'object' ? row.health.level : 'idle');

// When a panel's data has nothing to draw, and what to say instead. Pure.
import type { PanelData } from '@/lib/dashboards/schema';

export function isEmptyData(data: PanelData): boolean {
  switch (data.kind) {
    case 'stat':
      return false; // a null stat explains itself ("—" and its detail)
    case 'timeseries':
      return data.series.every((s) => s.points.every(([, v]) => v === null));
    case 'table':
      return data.rows.length === 0;
    case 'heatmap':
      return data.cells.every(([, , v]) => v <= 0);
  }
}

/** Panels whose emptiness is news (good news, mostly) say what it means. */
const EMPTY_TEXT: Record<string, string> = {
  attention: 'Nothing needs attention: no SLO pages, tickets or has spent its budget, and no service is failing or warning in this range.',
  incidents: 'No alert fired in this range.',
  'top-failing': 'No service returned server errors in this range.',
  deployments: 'No revision changes in this range.',
  'response-flags': 'No responses carried an Envoy response flag in this range.',
  'service-flags': 'No responses of this service carried an Envoy response flag in this range.',
  inbound: 'No callers reached this service in this range.',
  outbound: 'This service called no other service in this range.',
  traces: 'No trace links or exemplars for this service in this range.',
};

export function emptyText(panel: string, data: PanelData): string {
  return EMPTY_TEXT[panel] ?? (data.kind === 'heatmap' ? 'No requests in this range.' : 'No data in this range.');
}

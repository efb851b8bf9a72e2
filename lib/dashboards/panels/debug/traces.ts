// A way into traces for failed requests: trace-UI links for the service and range, and exemplars.
import type { PanelParams } from '../../params';
import { definePanel, exemplars, type PanelOutput, type TableData } from '../types';
import { fillTemplate, rangeValues, TRACE_TEMPLATE_HOW_TO, traceIdOf, usesPlaceholder } from './trace-links';
import { col } from '../table';

/** Exemplars beyond this many add nothing to a table a person reads. */
export const MAX_EXEMPLARS = 20;

const COLUMNS: TableData['columns'] = [col.text('what', 'Traces'), col.link('link', 'Open'), col.num('time', 'Time', 'timestamp'), col.num('value', 'Latency', 'ms')];

function linkRows(template: string, p: PanelParams): TableData['rows'] {
  const service = p.service ?? '';
  const namespace = p.namespace ?? '';
  const rows: TableData['rows'] = [
    { id: 'failed', cells: { what: `Failed requests of ${namespace}/${service}`, link: { text: 'Open in trace UI', href: fillTemplate(template, rangeValues(service, namespace, p.start, p.end, true)) }, time: null, value: null } },
  ];
  if (usesPlaceholder(template, 'error')) {
    const href = fillTemplate(template, rangeValues(service, namespace, p.start, p.end, false));
    rows.push({ id: 'all', cells: { what: `All requests of ${namespace}/${service}`, link: { text: 'Open in trace UI', href }, time: null, value: null } });
  }
  return rows;
}

export const traces = definePanel({
  requires: ['namespace', 'service'],
  queries: (p, { mesh }) => ({
    exemplars: exemplars("Exemplars (trace ids) on the service's latency histogram in the range", mesh.exemplarSelector({ namespace: p.namespace ?? '', service: p.service ?? '', cluster: p.cluster })),
  }),
  transform: (r, p, { config }): PanelOutput => {
    const template = config.traceUrlTemplate;
    const found = r.exemplars
      .flatMap((s) => s.exemplars)
      .sort((a, b) => b.timeMs - a.timeMs)
      .slice(0, MAX_EXEMPLARS);
    const exemplarRows: TableData['rows'] = found.map((e, i) => {
      const traceId = traceIdOf(e.labels);
      const canLink = template !== undefined && traceId !== undefined && usesPlaceholder(template, 'traceId');
      const what = traceId === undefined ? 'Exemplar without a trace id' : `Trace ${traceId}`;
      return {
        id: `exemplar:${i}`,
        cells: { what, link: canLink ? { text: 'Open trace', href: fillTemplate(template, { traceId }) } : null, time: e.timeMs, value: Number.isFinite(e.value) ? e.value : null },
      };
    });
    const rows = [...(template ? linkRows(template, p) : []), ...exemplarRows];
    const data: TableData = {
      kind: 'table',
      columns: COLUMNS,
      rows,
      ...(exemplarRows.length === 0 ? { detail: 'Prometheus has no exemplars for this service in the range (they need exemplar storage and instrumented clients).' } : {}),
    };
    if (!template) {
      return { data, missing: { reason: 'No trace UI is configured, so there are no links into traces.', howToEnable: TRACE_TEMPLATE_HOW_TO }, warnings: [] };
    }
    return { data, warnings: [] };
  },
});

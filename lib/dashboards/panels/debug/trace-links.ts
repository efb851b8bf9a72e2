// Links into a trace UI (Jaeger, Tempo, ...) from TRACE_URL_TEMPLATE. Pure.

/** Placeholders a template may use; each value is URL-encoded when filled in. */
export const TRACE_PLACEHOLDERS = ['service', 'namespace', 'start', 'end', 'startMs', 'endMs', 'startUs', 'endUs', 'error', 'traceId'] as const;
export type TracePlaceholder = (typeof TRACE_PLACEHOLDERS)[number];

export const TRACE_TEMPLATE_HOW_TO =
  'Set TRACE_URL_TEMPLATE to your trace UI with placeholders {service}, {namespace}, {start}/{end} (unix s), ' +
  '{startMs}/{endMs}, {startUs}/{endUs}, {error} ("true" for failed requests) and {traceId}. Jaeger: ' +
  'http://jaeger:16686/search?service={service}.{namespace}&start={startUs}&end={endUs}&tags=%7B%22error%22%3A%22{error}%22%7D ; ' +
  'Jaeger trace: http://jaeger:16686/trace/{traceId}';

/** Replaces every `{name}` of a known placeholder; unknown braces are left alone. */
export function fillTemplate(template: string, values: Partial<Record<TracePlaceholder, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name as TracePlaceholder];
    return value === undefined ? whole : encodeURIComponent(value);
  });
}

export function usesPlaceholder(template: string, name: TracePlaceholder): boolean {
  return template.includes(`{${name}}`);
}

/** Values for a service and a time range (unix seconds). */
export function rangeValues(service: string, namespace: string, start: number, end: number, error: boolean): Record<Exclude<TracePlaceholder, 'traceId'>, string> {
  const s = Math.floor(start);
  const e = Math.ceil(end);
  return {
    service,
    namespace,
    start: String(s),
    end: String(e),
    startMs: String(s * 1000),
    endMs: String(e * 1000),
    startUs: String(s * 1_000_000),
    endUs: String(e * 1_000_000),
    error: String(error),
  };
}

/** Exemplar labels that carry a trace id, as OpenTelemetry, Jaeger and Tempo clients name it. */
const TRACE_ID_LABELS = ['trace_id', 'traceID', 'traceId', 'TraceID'];

export function traceIdOf(labels: Readonly<Record<string, string>>): string | undefined {
  return TRACE_ID_LABELS.map((l) => labels[l]).find((v) => v !== undefined && v !== '');
}

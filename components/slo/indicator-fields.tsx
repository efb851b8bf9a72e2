'use client';

import { useSloBuckets } from '@/lib/queries/slo-hooks';
import { useMeshInfo } from '@/lib/queries/use-mesh';
import { customTemplate, splitTarget, type IndicatorType, type SloForm } from './form-model';
import { FormField } from './form-field';
import { LazyPromqlEditor } from './lazy-promql-editor';
import { NO_HINTS } from './promql-static-client';
import styles from './slo.module.css';

/** What every section of the SLO form gets: the form, a setter, the server's field errors, the discovered services, the page time. */
export interface FormSectionProps {
  form: SloForm;
  set: (patch: Partial<SloForm>) => void;
  errors: Record<string, string[]>;
  /** `namespace/service` ids discovered in Prometheus. */
  services: readonly string[];
  time: number | null;
}

/** Indicator type, then the latency threshold (bucket boundaries from the data) or the custom queries. */
export function IndicatorFields({ form, set, errors, services, time }: FormSectionProps) {
  const { service, namespace } = splitTarget(form.target);
  const buckets = useSloBuckets(service, namespace, time, form.indicatorType === 'latency');
  const hints = useMeshInfo().data?.editor ?? NO_HINTS;
  return (
    <>
      <FormField id="slo-indicator" label="Indicator" errors={errors.indicatorType}>
        {(p) => (
          <select {...p} value={form.indicatorType} onChange={(e) => {
              const indicatorType = e.target.value as IndicatorType;
              // Untouched queries start from the picked service's request counters, in the server's mesh.
              const fresh = indicatorType === 'custom' && !form.errorQuery.trim() && !form.totalQuery.trim();
              set({ indicatorType, ...(fresh ? customTemplate(form.target, hints.customTemplate) : {}) });
            }}>
            <option value="availability">Availability (non-5xx responses)</option>
            <option value="latency">Latency (responses under a threshold)</option>
            <option value="custom">Custom ratio (PromQL)</option>
          </select>
        )}
      </FormField>
      {form.indicatorType === 'latency' && (
        <FormField
          id="slo-threshold"
          label="Latency threshold (ms)"
          errors={errors.thresholdMs}
          hint={buckets.isError ? `Bucket boundaries unavailable: ${buckets.error.message}` : 'Only histogram bucket boundaries found in the data can be exact thresholds.'}
        >
          {(p) => (
            <select {...p} value={form.thresholdMs} onChange={(e) => set({ thresholdMs: e.target.value })}>
              <option value="">{buckets.isFetching ? 'Loading boundaries…' : 'Pick a boundary'}</option>
              {(buckets.data?.boundariesMs ?? []).map((b) => (
                <option key={b} value={String(b)}>
                  {b} ms
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {form.indicatorType === 'custom' && (
        <>
          <p className={styles.hint}>Both queries must contain {'{{window}}'} where the range goes, e.g. [{'{{window}}'}].</p>
          {(['errorQuery', 'totalQuery'] as const).map((key) => (
            <FormField key={key} id={`slo-${key}`} label={key === 'errorQuery' ? 'Error query' : 'Total query'} errors={errors[key]}>
              {(p) => (
                <LazyPromqlEditor
                  id={p.id}
                  label={key === 'errorQuery' ? 'Error query' : 'Total query'}
                  aria-invalid={p['aria-invalid']}
                  aria-describedby={p['aria-describedby']}
                  value={form[key]}
                  onChange={(v) => set({ [key]: v })}
                  services={services}
                  hints={hints}
                />
              )}
            </FormField>
          ))}
        </>
      )}
    </>
  );
}

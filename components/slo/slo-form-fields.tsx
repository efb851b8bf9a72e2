'use client';

import { teamAfterTarget, WINDOW_CHOICES } from './form-model';
import { FormField } from './form-field';
import { IndicatorFields, type FormSectionProps } from './indicator-fields';
import { PolicyFields } from './policy-fields';
import styles from './slo.module.css';

interface Props extends FormSectionProps {
  servicesError: Error | null;
  editing: boolean;
  /** Namespace -> team (MESHWATCH_TEAMS), for the team a picked service starts with. */
  teams: Readonly<Record<string, string>>;
  /** MESHWATCH_REGIONS is set: offer the per-region evaluation. */
  regions?: boolean;
}

export function SloFormFields({ form, set, errors, services, servicesError, editing, time, teams, regions = false }: Props) {
  return (
    <>
      <p className={styles.hint}>Fields marked * are required.</p>
      <FormField id="slo-name" label="Name" required errors={errors.name} hint={editing ? 'SLOs cannot be renamed.' : 'Lowercase letters, digits and dashes; the id in URLs.'}>
        {(p) => <input {...p} value={form.name} readOnly={editing} onChange={(e) => set({ name: e.target.value })} autoComplete="off" />}
      </FormField>
      <FormField
        id="slo-service"
        label="Service"
        required
        errors={errors.target}
        hint={servicesError ? `Services could not be discovered: ${servicesError.message}` : 'Services seen in Prometheus over the last hour.'}
      >
        {(p) => (
          <select {...p} value={form.target} onChange={(e) => set({ target: e.target.value, thresholdMs: '', team: teamAfterTarget(form, e.target.value, teams) })}>
            <option value="">Pick a service</option>
            {services.map((id) => {
              const [ns, svc] = id.split('/');
              return (
                <option key={id} value={id}>
                  {svc} ({ns})
                </option>
              );
            })}
          </select>
        )}
      </FormField>
      <FormField id="slo-team" label="Team" required errors={errors.team} hint="Who owns the SLO; starts as the team of the service's namespace (MESHWATCH_TEAMS, else the namespace).">
        {(p) => <input {...p} value={form.team} onChange={(e) => set({ team: e.target.value })} />}
      </FormField>
      <IndicatorFields form={form} set={set} errors={errors} services={services} time={time} />
      <FormField id="slo-objective" label="Objective (%)" required errors={errors.objective} hint="Percent of good events, e.g. 99.9.">
        {(p) => <input {...p} inputMode="decimal" value={form.objective} onChange={(e) => set({ objective: e.target.value })} />}
      </FormField>
      <FormField id="slo-window" label="Window" required errors={form.window === 'custom' ? undefined : errors.window}>
        {(p) => (
          <select {...p} value={form.window} onChange={(e) => set({ window: e.target.value })}>
            {WINDOW_CHOICES.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
            <option value="custom">custom</option>
          </select>
        )}
      </FormField>
      {form.window === 'custom' && (
        <FormField id="slo-custom-window" label="Custom window" required errors={errors.window} hint="Between 1d and 90d, e.g. 14d.">
          {(p) => <input {...p} value={form.customWindow} onChange={(e) => set({ customWindow: e.target.value })} />}
        </FormField>
      )}
      <div className={styles.field}>
        <label>
          <input type="checkbox" checked={form.excludeMaintenance} onChange={(e) => set({ excludeMaintenance: e.target.checked })} aria-describedby="slo-exclude-maintenance-hint" /> Exclude
          maintenance windows from the budget
        </label>
        <p id="slo-exclude-maintenance-hint" className={styles.hint}>
          Requests inside this service&apos;s maintenance windows (/maintenance) do not count against the budget; every budget shown says so. Burn-rate
          alerts still count them.
        </p>
        {errors.excludeMaintenance && <p className={styles.fieldError}>{errors.excludeMaintenance.join('; ')}</p>}
      </div>
      {regions && form.indicatorType !== 'custom' && (
        <FormField id="slo-per-region" label="Evaluate per region" errors={errors.perRegion} hint="Also a status, a budget and alerts per region of the clusters that served the requests (MESHWATCH_REGIONS); the worst region is named.">
          {(p) => <input {...p} type="checkbox" checked={form.perRegion} onChange={(e) => set({ perRegion: e.target.checked })} />}
        </FormField>
      )}
      <FormField id="slo-description" label="Description" errors={errors.description}>
        {(p) => <textarea {...p} rows={2} value={form.description} onChange={(e) => set({ description: e.target.value })} />}
      </FormField>
      <PolicyFields rows={form.policy} sloWindow={form.window === 'custom' ? form.customWindow : form.window} onChange={(policy) => set({ policy })} errors={errors} />
    </>
  );
}

'use client';

import { useId, useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '@/lib/api/api-error';
import { useCreateMaintenance } from '@/lib/queries/maintenance-hooks';
import { FormField } from '../slo/form-field';
import styles from '../slo/slo.module.css';
import { defaultForm, silenceText, toInput, type MaintenanceFormState } from './maintenance-model';

/** Create form: scope, start and end (UTC), reason; the server's field errors sit beside each field. */
export function MaintenanceForm() {
  const id = useId();
  const [form, setForm] = useState<MaintenanceFormState>(() => defaultForm(Date.now() / 1000));
  const create = useCreateMaintenance();
  const errors = fieldErrorsOf(create.error);
  const set = (key: keyof MaintenanceFormState) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(toInput(form), { onSuccess: () => setForm(defaultForm(Date.now() / 1000)) });
  };
  const created = create.data;
  return (
    <form className={`${styles.card} ${styles.form}`} onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Plan a maintenance window</h2>
      <FormField id={`${id}-ns`} label="Namespace" required errors={errors['scope.namespace']}>
        {(p) => <input {...p} value={form.namespace} onChange={set('namespace')} autoComplete="off" />}
      </FormField>
      <FormField id={`${id}-svc`} label="Service" hint="Empty: every service of the namespace" errors={errors['scope.service']}>
        {(p) => <input {...p} value={form.service} onChange={set('service')} autoComplete="off" />}
      </FormField>
      <FormField id={`${id}-start`} label="Start (UTC)" required errors={errors.start}>
        {(p) => <input {...p} type="datetime-local" value={form.start} onChange={set('start')} />}
      </FormField>
      <FormField id={`${id}-end`} label="End (UTC)" required errors={errors.end}>
        {(p) => <input {...p} type="datetime-local" value={form.end} onChange={set('end')} />}
      </FormField>
      <FormField id={`${id}-reason`} label="Reason" required hint="Shown as the silence's comment in Alertmanager" errors={errors.reason}>
        {(p) => <input {...p} value={form.reason} onChange={set('reason')} />}
      </FormField>
      <div className={styles.actions}>
        <button type="submit" disabled={create.isPending}>
          Create window
        </button>
      </div>
      {create.isError && Object.keys(errors).length === 0 && (
        <p role="alert" className={styles.fieldError}>
          {create.error.message}
        </p>
      )}
      {created && (
        <p role="status" className={created.silence.state === 'active' ? styles.good : styles.warn}>
          Window {created.id} saved. {silenceText(created.silence).text}
        </p>
      )}
    </form>
  );
}

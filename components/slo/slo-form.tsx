'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import type { SloSpec } from '@/lib/slo/spec';
import { isApiError, nowUnixSeconds, useServices } from '@/lib/queries';
import { fieldErrorsOf } from '@/lib/api/api-error';
import { usePreviewSlo, useSaveSlo } from '@/lib/queries/slo-mutations';
import { pageHref } from '@/lib/queries/slo-time';
import { EMPTY_FORM, errorsByField, formFromSpec, previewSpecFromForm, specFromForm, type SloForm as FormState } from './form-model';
import { PolicyCompare } from './policy-compare';
import { SloFormFields } from './slo-form-fields';
import { SloPreview } from './slo-preview';
import styles from './slo.module.css';

interface Props {
  /** The stored spec and its ETag when editing. */
  initial?: { spec: SloSpec; etag: string | null };
  time: number | null;
  onReload?: () => void;
}

/** Create or edit an SLO: server-side validation shown per field, a live preview, 409 on a stale edit. */
export function SloForm({ initial, time, onReload }: Props) {
  const router = useRouter();
  const mode = initial ? 'edit' : 'create';
  const [form, setForm] = useState<FormState>(() => (initial ? formFromSpec(initial.spec) : EMPTY_FORM));
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const [servicesTime] = useState(() => time ?? nowUnixSeconds());
  const servicesQuery = useServices({ time: servicesTime, window: '1h' }, { refetchInterval: false });
  const services = useMemo(() => {
    const ids = (servicesQuery.data?.services ?? []).map((s) => `${s.namespace}/${s.service}`);
    if (initial) ids.push(`${initial.spec.namespace}/${initial.spec.service}`);
    return [...new Set(ids)].sort();
  }, [servicesQuery.data, initial]);
  const save = useSaveSlo();
  const preview = usePreviewSlo(time);
  const errors = errorsByField({ ...fieldErrorsOf(preview.error), ...fieldErrorsOf(save.error) });
  const conflict = isApiError(save.error) && save.error.status === 409 && mode === 'edit';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    preview.reset();
    save.mutate(
      { spec: specFromForm(form), etag: initial?.etag, mode },
      { onSuccess: (spec) => router.push(pageHref(`/slos/${spec?.name ?? form.name}`, time)) },
    );
  };
  const onPreview = () => {
    save.reset();
    preview.mutate(previewSpecFromForm(form));
  };
  const previewInvalid = Object.keys(fieldErrorsOf(preview.error)).length > 0;
  const generalError = save.error && Object.keys(fieldErrorsOf(save.error)).length === 0 && !conflict ? save.error.message : null;

  return (
    <>
      <div className={styles.columns}>
        <form className={`${styles.card} ${styles.form}`} onSubmit={onSubmit} aria-label={mode === 'edit' ? 'Edit SLO' : 'New SLO'} noValidate>
          <SloFormFields form={form} set={set} errors={errors} services={services} servicesError={servicesQuery.error} editing={mode === 'edit'} time={time} />
          {conflict && (
            <div role="alert" className={`${styles.banner} ${styles.error}`}>
              This SLO was changed by someone else since you opened it.{' '}
              <button type="button" onClick={() => { save.reset(); onReload?.(); }}>
                Reload the latest version
              </button>
            </div>
          )}
          {generalError && (
            <p role="alert" className={styles.fieldError}>
              Could not save: {generalError}
            </p>
          )}
          <div className={styles.actions}>
            <button type="button" onClick={onPreview} disabled={preview.isPending}>
              Preview
            </button>
            <button type="submit" disabled={save.isPending}>
              {mode === 'edit' ? 'Save changes' : 'Create SLO'}
            </button>
          </div>
        </form>
        <SloPreview
          preview={preview.data}
          error={previewInvalid ? null : preview.error}
          invalid={previewInvalid}
          pending={preview.isPending}
          objective={Number(form.objective)}
        />
      </div>
      <PolicyCompare form={form} time={time} />
    </>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { SloSpec } from '@/lib/slo/spec';
import { useServices } from '@/lib/queries/use-services';
import { fieldErrorsOf, isApiError } from '@/lib/api/api-error';
import { usePreviewSlo, useSaveSlo } from '@/lib/queries/slo-mutations';
import { formServicesTime, pageHref } from '@/lib/queries/slo-time';
import { EMPTY_FORM, errorsByField, formFromSpec, previewSpecFromForm, specFromForm, type SloForm as FormState } from './form-model';
import { PolicyCompare } from './policy-compare';
import { SloFormFields } from './slo-form-fields';
import { SloPreview } from './slo-preview';
import { useDebounced } from './use-debounced';
import styles from './slo.module.css';

/** Typing settles before the preview re-runs: each run reads the whole SLO window from Prometheus. */
const PREVIEW_DEBOUNCE_MS = 600;

interface Props {
  /** The stored spec and its ETag when editing. */
  initial?: { spec: SloSpec; etag: string | null };
  time: number | null;
  /** The server render's clock (unix seconds), so its prefetched services list is the one hydrated. */
  now?: number;
  onReload?: () => void;
  /** Namespace -> team (MESHWATCH_TEAMS), read on the server. */
  teams: Readonly<Record<string, string>>;
  /** MESHWATCH_REGIONS is set (read on the server): the form offers per-region evaluation. */
  regions?: boolean;
}

/** Create or edit an SLO: server-side validation shown per field, a live preview, 409 on a stale edit. */
export function SloForm({ initial, time, now, onReload, teams, regions = false }: Props) {
  const router = useRouter();
  const mode = initial ? 'edit' : 'create';
  const [form, setForm] = useState<FormState>(() => (initial ? formFromSpec(initial.spec) : EMPTY_FORM));
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const [servicesTime] = useState(() => formServicesTime(time, now));
  const servicesQuery = useServices({ time: servicesTime, window: '1h' }, { refetchInterval: false });
  const services = useMemo(() => {
    const ids = (servicesQuery.data?.services ?? []).map((s) => `${s.namespace}/${s.service}`);
    if (initial) ids.push(`${initial.spec.namespace}/${initial.spec.service}`);
    return [...new Set(ids)].sort();
  }, [servicesQuery.data, initial]);
  const save = useSaveSlo();
  const preview = usePreviewSlo(time);
  // Once asked for, the preview follows the spec being edited: it re-runs when edits settle, and
  // figures computed from an older spec are never shown beside the new one's fields.
  const [previewWanted, setPreviewWanted] = useState(false);
  const draft = JSON.stringify(previewSpecFromForm(form));
  const settled = useDebounced(draft, PREVIEW_DEBOUNCE_MS);
  const previewed = preview.variables === undefined ? null : JSON.stringify(preview.variables);
  const { mutate: runPreview } = preview;
  useEffect(() => {
    // Only a settled draft that is still the form's: never a spec the user has typed past.
    if (previewWanted && settled === draft && settled !== previewed) runPreview(JSON.parse(settled) as Parameters<typeof runPreview>[0]);
  }, [previewWanted, settled, draft, previewed, runPreview]);
  const errors = errorsByField({ ...fieldErrorsOf(preview.error), ...fieldErrorsOf(save.error) });
  const conflict = isApiError(save.error) && save.error.status === 409 && mode === 'edit';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setPreviewWanted(false);
    preview.reset();
    // Not mutate's onSuccess: saving refetches the SLO, whose new ETag remounts this form, and
    // react-query drops the callbacks of an unmounted caller (the save then never navigated).
    save
      .mutateAsync({ spec: specFromForm(form, initial?.spec), etag: initial?.etag, mode })
      .then((spec) => router.push(pageHref(`/slos/${spec?.name ?? form.name}`, time)))
      .catch(() => undefined); // shown from save.error
  };
  const onPreview = () => {
    save.reset();
    setPreviewWanted(true);
    preview.mutate(JSON.parse(draft) as Parameters<typeof runPreview>[0]);
  };
  const previewInvalid = Object.keys(fieldErrorsOf(preview.error)).length > 0;
  const generalError = save.error && Object.keys(fieldErrorsOf(save.error)).length === 0 && !conflict ? save.error.message : null;

  return (
    <>
      <div className={styles.columns}>
        <form className={`${styles.card} ${styles.form}`} onSubmit={onSubmit} aria-label={mode === 'edit' ? 'Edit SLO' : 'New SLO'} noValidate>
          <SloFormFields form={form} set={set} errors={errors} services={services} servicesError={servicesQuery.error} editing={mode === 'edit'} time={time} teams={teams} regions={regions} />
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
          stale={previewed !== null && previewed !== draft}
          objective={preview.variables?.objective}
          window={preview.variables?.window}
        />
      </div>
      <PolicyCompare form={form} time={time} />
    </>
  );
}

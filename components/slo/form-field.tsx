import type { ReactNode } from 'react';
import styles from './slo.module.css';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

interface Props {
  id: string;
  label: string;
  errors?: readonly string[];
  hint?: string;
  /** Marked in the label and announced, so a missing value is not first learnt from the server. */
  required?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled input whose server errors sit next to it, tied by aria-describedby. */
export function FormField({ id, label, errors = [], hint, required, children }: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = errors.length > 0;
  const describedBy = [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <span>
        <label htmlFor={id}>{label}</label>
        {/* Outside the label, so the field's name stays "Team"; aria-required says it to assistive tech. */}
        {required && (
          <span className={styles.required} aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </span>
      {children({ id, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy, 'aria-required': required || undefined })}
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      {invalid && (
        <p id={errorId} className={styles.fieldError}>
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}

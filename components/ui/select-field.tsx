import type { ReactNode } from 'react';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> {
  /** The select's accessible name: the label wraps it. */
  label: ReactNode;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  disabled?: boolean;
  className?: string;
}

/** A labelled choice among a few options; the value handed back is always one of `options`. */
export function SelectField<V extends string>({ label, value, options, onChange, disabled, className }: SelectFieldProps<V>) {
  return (
    <label className={className}>
      {label}{' '}
      {/* The DOM gives back one of the option values rendered below, so the cast is sound. */}
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

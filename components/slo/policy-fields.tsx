'use client';

import { resolvePolicy } from '@/lib/slo/policy';
import { factor } from '@/lib/slo/format';
import { defaultPolicyRows, patchRow, type PolicyRow } from './policy-model';
import styles from './slo.module.css';

interface Props {
  /** null: the default policy applies. */
  rows: PolicyRow[] | null;
  /** The SLO window being edited: the default policy is fitted to it. */
  sloWindow: string;
  onChange: (rows: PolicyRow[] | null) => void;
  /** Server errors keyed by dotted path, e.g. `policy.alerts.0.longWindow`. */
  errors: Record<string, string[]>;
}

const COLUMNS = [
  ['longWindow', 'Long window'],
  ['shortWindow', 'Short window'],
  ['budgetPercent', 'Budget %'],
  ['threshold', 'Factor'],
  ['for', 'For'],
] as const;

/** The default pairs in words, e.g. "page at 14.4x over 1h and 5m"; null while the window is not valid. */
function defaultSummary(sloWindow: string): string | null {
  try {
    return resolvePolicy({ window: sloWindow })
      .map((p) => `${p.severity} at ${factor(p.threshold)} over ${p.longWindow} and ${p.shortWindow}`)
      .join('; ');
  } catch {
    return null;
  }
}

/** Optional per-SLO alert pairs; each alerts when that share of the budget burns within its long window. */
export function PolicyFields({ rows, sloWindow, onChange, errors }: Props) {
  const update = (i: number, patch: Partial<PolicyRow>) => rows && onChange(rows.map((r, j) => (j === i ? patchRow(r, patch) : r)));
  const summary = defaultSummary(sloWindow);
  const general = [...(errors['policy'] ?? []), ...(errors['policy.alerts'] ?? [])];
  return (
    <fieldset className={styles.field}>
      <legend>Alert policy</legend>
      <label>
        <input type="checkbox" checked={rows !== null} onChange={(e) => onChange(e.target.checked ? defaultPolicyRows(sloWindow) : null)} /> Custom alert policy
      </label>
      {rows === null && (
        <p className={styles.hint}>
          The SRE Workbook default, fitted to the SLO window so that no factor is below 1{summary ? ` (${sloWindow}: ${summary})` : ''}.
        </p>
      )}
      {rows && <p className={styles.hint}>Give a budget % (scaled to the SLO window) or a factor; an empty for waits half the short window.</p>}
      {general.length > 0 && <p className={styles.fieldError}>{general.join('; ')}</p>}
      {rows && (
        <div className={styles.wide}>
        <table className={`${styles.table} ${styles.policyTable}`} aria-label="Alert pairs">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              {COLUMNS.map(([, label]) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td>
                  <select aria-label={`Alert ${i + 1} severity`} value={row.severity} onChange={(e) => update(i, { severity: e.target.value as PolicyRow['severity'] })}>
                    <option value="page">page</option>
                    <option value="ticket">ticket</option>
                  </select>
                </td>
                {COLUMNS.map(([key, label]) => {
                  const errs = [...(errors[`policy.alerts.${i}.${key}`] ?? []), ...(key === 'budgetPercent' ? (errors[`policy.alerts.${i}`] ?? []) : [])];
                  const errorId = `policy-${i}-${key}-error`;
                  return (
                    <td key={key}>
                      <input
                        aria-label={`Alert ${i + 1} ${label.toLowerCase()}`}
                        aria-invalid={errs.length > 0 || undefined}
                        aria-describedby={errs.length ? errorId : undefined}
                        value={row[key]}
                        onChange={(e) => update(i, { [key]: e.target.value })}
                      />
                      {errs.length > 0 && (
                        <div id={errorId} className={styles.fieldError}>
                          {errs.join('; ')}
                        </div>
                      )}
                    </td>
                  );
                })}
                <td>
                  <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove alert ${i + 1}`}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {rows && rows.length < 8 && (
        <button type="button" onClick={() => onChange([...rows, { severity: 'ticket', longWindow: '3d', shortWindow: '6h', budgetPercent: '10', threshold: '', for: '' }])}>
          Add alert pair
        </button>
      )}
    </fieldset>
  );
}

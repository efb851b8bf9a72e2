'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { ServiceSummary } from '@/lib/queries/schemas';
import { HealthChip } from '../ui/health-chip';
import { formatMs, formatPercent, formatRps } from '../format';
import { DEFAULT_SORT, nextSort, sortServices, type SortKey, type SortState } from './sort-services';
import styles from './services-table.module.css';

const COLUMNS: { key: SortKey; label: string; unit?: string }[] = [
  { key: 'service', label: 'Service' },
  { key: 'health', label: 'Health' },
  { key: 'rps', label: 'Requests', unit: 'req/s' },
  { key: 'successRatio', label: 'Success', unit: '%' },
  { key: 'p95Ms', label: 'p95 latency', unit: 'ms' },
];

/** A dash for a missing value, with the reason for screen readers and on hover. */
function Missing({ reason }: { reason?: string }) {
  const text = reason ?? 'no data';
  return (
    <span className={styles.missing} title={text}>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{text}</span>
    </span>
  );
}

/** The number only: its verdict is the Health column's, decided by the server (lib/health). */
function SuccessCell({ row }: { row: ServiceSummary }) {
  if (row.successRatio === null) return <Missing reason={row.reasons.successRatio} />;
  return <>{formatPercent(row.successRatio)}</>;
}

export function ServicesTable({ services, caption, hrefFor }: { services: readonly ServiceSummary[]; caption: string; hrefFor?: (row: ServiceSummary) => string }) {
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const rows = sortServices(services, sort);
  return (
    <div className={styles.scroll}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map(({ key, label, unit }) => (
              <th key={key} scope="col" aria-sort={sort.key === key ? sort.direction : undefined} className={key === 'service' || key === 'health' ? undefined : styles.num}>
                <button type="button" onClick={() => setSort(nextSort(sort, key))}>
                  {label}
                  {unit && <span className={styles.unit}> ({unit})</span>}
                  <span aria-hidden="true" className={styles.arrow}>
                    {sort.key !== key ? '↕' : sort.direction === 'ascending' ? '▲' : '▼'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.namespace}/${row.service}`}>
              <th scope="row">
                {hrefFor ? (
                  <Link className={styles.service} href={hrefFor(row)}>
                    {row.service}
                  </Link>
                ) : (
                  <span className={styles.service}>{row.service}</span>
                )}{' '}
                <span className={styles.namespace}>{row.namespace}</span>
              </th>
              <td>
                <HealthChip health={row.health} />
              </td>
              <td className={styles.num}>{row.rps === null ? <Missing reason={row.reasons.rps} /> : formatRps(row.rps)}</td>
              <td className={styles.num}>
                <SuccessCell row={row} />
              </td>
              <td className={styles.num}>{row.p95Ms === null ? <Missing reason={row.reasons.p95Ms} /> : formatMs(row.p95Ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

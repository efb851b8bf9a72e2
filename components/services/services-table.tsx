'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { DataTable, type Column } from '@/components/ui/data-table';
import { Missing } from '@/components/ui/missing';
import type { ServiceSummary } from '@/lib/queries/schemas';
import { formatMs, formatPercent, formatRps, LEVEL_LABELS, successLevel } from '../format';
import styles from './services-table.module.css';

function SuccessCell({ row }: { row: ServiceSummary }) {
  if (row.successRatio === null) return <Missing reason={row.reasons.successRatio} />;
  const level = successLevel(row.successRatio);
  return (
    <span className={styles.success} data-level={level}>
      <span className={styles.value}>{formatPercent(row.successRatio)}</span>{' '}
      <span className={styles.badge}>{LEVEL_LABELS[level]}</span>
    </span>
  );
}

/** Ties (and the service column itself) by name, then namespace: one service in two namespaces stays together. */
export const byName = (a: ServiceSummary, b: ServiceSummary) => a.service.localeCompare(b.service, 'en') || a.namespace.localeCompare(b.namespace, 'en');

function columnsFor(hrefFor?: (row: ServiceSummary) => string): Column<ServiceSummary>[] {
  return [
    {
      key: 'service',
      label: 'Service',
      sortValue: (r) => r.service,
      render: (r) => (
        <>
          {hrefFor ? (
            <Link className={styles.service} href={hrefFor(r)}>
              {r.service}
            </Link>
          ) : (
            <span className={styles.service}>{r.service}</span>
          )}{' '}
          <span className={styles.namespace}>{r.namespace}</span>
        </>
      ),
    },
    { key: 'rps', label: 'Requests', unit: 'req/s', numeric: true, sortValue: (r) => r.rps, render: (r) => (r.rps === null ? <Missing reason={r.reasons.rps} /> : formatRps(r.rps)) },
    // Worst first: the question on the home page is what is failing.
    { key: 'successRatio', label: 'Success', unit: '%', numeric: true, firstDirection: 'ascending', sortValue: (r) => r.successRatio, render: (r) => <SuccessCell row={r} /> },
    { key: 'p95Ms', label: 'p95 latency', unit: 'ms', numeric: true, sortValue: (r) => r.p95Ms, render: (r) => (r.p95Ms === null ? <Missing reason={r.reasons.p95Ms} /> : formatMs(r.p95Ms)) },
  ];
}

const rowKey = (r: ServiceSummary) => `${r.namespace}/${r.service}`;

/** Every service's rate, success and p95, through the one table; sorted by name until a header is clicked. */
export function ServicesTable({ services, caption, hrefFor }: { services: readonly ServiceSummary[]; caption: string; hrefFor?: (row: ServiceSummary) => string }) {
  const columns = useMemo(() => columnsFor(hrefFor), [hrefFor]);
  return <DataTable caption={caption} rows={services} columns={columns} rowKey={rowKey} initialSort={{ key: 'service', direction: 'ascending' }} tie={byName} />;
}

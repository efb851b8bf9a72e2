'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { DataTable, type Column } from '@/components/ui/data-table';
import { HealthChip } from '@/components/ui/health-chip';
import { Missing } from '@/components/ui/missing';
import { HEALTH_RANK } from '@/lib/health/levels';
import type { ServiceSummary } from '@/lib/queries/schemas';
import { formatMs, formatPercent, formatRps } from '../format';
import styles from './services-table.module.css';

/** Ties (and the service column itself) by name, then namespace: one service in two namespaces stays together. */
export const byName = (a: ServiceSummary, b: ServiceSummary) => a.service.localeCompare(b.service, 'en') || a.namespace.localeCompare(b.namespace, 'en');

/** The health column's order: the verdict's rank, then the failed share within that rank. */
export function healthSortValue(r: ServiceSummary): number {
  return 2 * HEALTH_RANK[r.health.level] + (1 - (r.successRatio ?? 1));
}

/** The columns, exported so their sort order is unit-tested through the one sort model. */
export function serviceColumns(hrefFor?: (row: ServiceSummary) => string): Column<ServiceSummary>[] {
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
    // The verdict is the server's (lib/health); worst first.
    // Within one level the lower success is the worse (1 - success < 1 < the step between two ranks); no ratio is the least bad.
    { key: 'health', label: 'Health', firstDirection: 'descending', sortValue: healthSortValue, render: (r) => <HealthChip health={r.health} /> },
    { key: 'rps', label: 'Requests', unit: 'req/s', numeric: true, sortValue: (r) => r.rps, render: (r) => (r.rps === null ? <Missing reason={r.reasons.rps} /> : formatRps(r.rps)) },
    // The number only (its verdict is the Health column's); worst first.
    {
      key: 'successRatio',
      label: 'Success',
      unit: '%',
      numeric: true,
      firstDirection: 'ascending',
      sortValue: (r) => r.successRatio,
      render: (r) => (r.successRatio === null ? <Missing reason={r.reasons.successRatio} /> : formatPercent(r.successRatio)),
    },
    { key: 'p95Ms', label: 'p95 latency', unit: 'ms', numeric: true, sortValue: (r) => r.p95Ms, render: (r) => (r.p95Ms === null ? <Missing reason={r.reasons.p95Ms} /> : formatMs(r.p95Ms)) },
  ];
}

const rowKey = (r: ServiceSummary) => `${r.namespace}/${r.service}`;

/** Worst first by default: the service that needs someone is the first row, not the one whose name comes first. */
export const SERVICES_DEFAULT_SORT = { key: 'health', direction: 'descending' } as const;

/** Every service's verdict, rate, success and p95, through the one table; worst first until a header is clicked. */
export function ServicesTable({ services, caption, hrefFor }: { services: readonly ServiceSummary[]; caption: string; hrefFor?: (row: ServiceSummary) => string }) {
  const columns = useMemo(() => serviceColumns(hrefFor), [hrefFor]);
  return <DataTable caption={caption} rows={services} columns={columns} rowKey={rowKey} initialSort={SERVICES_DEFAULT_SORT} tie={byName} />;
}

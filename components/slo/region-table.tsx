import { DataTable, type Column } from '@/components/ui/data-table';
import type { RegionStatus, SloStatus } from '@/lib/slo/status-schema';
import { formatBudget, formatBurn, formatSli } from './slo-format';
import styles from './slo.module.css';

/** "page 1h/5m, ticket 1d/2h" for the pairs that fire; "none" when none does. */
export function firingText(alerts: RegionStatus['alerts']): string {
  const firing = alerts.filter((a) => a.firing).map((a) => `${a.severity} ${a.longWindow}/${a.shortWindow}`);
  return firing.length > 0 ? firing.join(', ') : 'none';
}

// SLI and budget start with the worst (lowest) when sorted, the burn rate with the fastest.
const COLUMNS: readonly Column<RegionStatus>[] = [
  { key: 'region', label: 'Region', sortValue: (r) => r.region },
  { key: 'sli', label: 'SLI', numeric: true, firstDirection: 'ascending', sortValue: (r) => r.sli, render: (r) => formatSli(r.sli) },
  { key: 'remaining', label: 'Budget remaining', numeric: true, firstDirection: 'ascending', sortValue: (r) => r.errorBudget.remaining, render: (r) => formatBudget(r.errorBudget.remaining) },
  { key: 'burn1h', label: 'Burn rate, 1h', numeric: true, sortValue: (r) => r.burnRates['1h'] ?? null, render: (r) => formatBurn(r.burnRates['1h']) },
  { key: 'firing', label: 'Firing alerts', sortValue: (r) => firingText(r.alerts) },
];

/** A perRegion SLO's figures per region (worst first, as the status orders them, until a header is clicked), the worst one named. */
export function RegionTable({ status }: { status: SloStatus }) {
  const regions = status.regions ?? [];
  if (regions.length === 0) return <p className={styles.muted}>No region served this service&apos;s requests in the SLO window.</p>;
  return (
    <>
      {status.worstRegion && (
        <p>
          Worst region: <strong>{status.worstRegion}</strong>
        </p>
      )}
      {/* The section's "By region" heading names it on screen; the caption names it for screen readers. */}
      <DataTable caption="Status per region" captionHidden rows={regions} columns={COLUMNS} rowKey={(r) => r.region} />
    </>
  );
}

'use client';

import { useMemo } from 'react';
import { DataTable, type Column as TableColumn } from '@/components/ui/data-table';
import { levelStatus } from '@/lib/dashboards/level-status';
import type { Column, PanelData, RowHealth } from '@/lib/dashboards/schema';
import { HEALTH_LABELS, UNIT_LABELS } from '../format-unit';
import { HealthChip } from '../ui/health-chip';
import { cellSortValue } from './cell-sort-value';
import { CellContent } from './table-cell';
import styles from './table-view.module.css';

type TableData = Extract<PanelData, { kind: 'table' }>;
type Row = TableData['rows'][number];

/** Bytes scale per value, so their unit stays in the cell; the others are in the header. */
function headerUnit(column: Column): string | undefined {
  if (!column.unit || column.unit === 'bytes') return undefined;
  return UNIT_LABELS[column.unit] || undefined;
}

/** A row's status colour: its own, or its verdict's. */
const statusOf = (h: RowHealth | undefined) => (typeof h === 'object' ? levelStatus(h.level) : h);

/** The cue after a row's first cell: the verdict chip on every row that has one, else flagged statuses in words. */
function RowCue({ health }: { health: RowHealth | undefined }) {
  if (typeof health === 'object') {
    return (
      <span className={styles.verdict}>
        <HealthChip health={health} />
      </span>
    );
  }
  if (health !== 'bad' && health !== 'warn') return null;
  return (
    <span className={styles.cue} data-health={health}>
      {HEALTH_LABELS[health]}
    </span>
  );
}

/** A panel's table, through the one table: caption, units in headers, sortable columns, a health cue on each row. */
export function TableView({ data, caption, linkHref }: { data: TableData; caption: string; linkHref: (href: string) => string }) {
  const columns = useMemo(
    (): TableColumn<Row>[] =>
      data.columns.map((column, i) => ({
        key: column.key,
        label: column.label,
        unit: headerUnit(column),
        numeric: column.kind === 'number' || column.kind === 'sparkline',
        sortValue: (row) => cellSortValue(row.cells[column.key]),
        render: (row) => (
          <>
            <CellContent cell={row.cells[column.key]} column={column} health={statusOf(row.health)} linkHref={linkHref} />
            {i === 0 && <RowCue health={row.health} />}
          </>
        ),
      })),
    [data.columns, linkHref],
  );
  return <DataTable caption={caption} captionHidden rows={data.rows} columns={columns} rowKey={(row) => row.id} rowData={(row) => ({ 'data-health': statusOf(row.health) })} />;
}

'use client';

import { useState } from 'react';
import { levelStatus, type Column, type PanelData, type RowHealth } from '@/lib/dashboards/schema';
import { HEALTH_LABELS, UNIT_LABELS } from '../format-unit';
import { HealthChip } from '../ui/health-chip';
import { nextTableSort, sortRows, type TableSort } from './sort-rows';
import { CellContent } from './table-cell';
import styles from './table-view.module.css';

type TableData = Extract<PanelData, { kind: 'table' }>;

function headerUnit(column: Column): string {
  if (!column.unit || column.unit === 'bytes') return '';
  return UNIT_LABELS[column.unit];
}

function Arrow({ sort, column }: { sort: TableSort; column: Column }) {
  const symbol = sort?.key !== column.key ? '↕' : sort.direction === 'ascending' ? '▲' : '▼';
  return (
    <span aria-hidden="true" className={styles.arrow}>
      {symbol}
    </span>
  );
}

/** A row's status colour: its own, or its verdict's. */
const statusOf = (h: RowHealth | undefined) => (typeof h === 'object' ? levelStatus(h.level) : h);

/** The cue after a row's first cell: the verdict chip on every row that has one, else flagged statuses. */
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

/** A panel's table: caption, units in headers, sortable columns, a health cue on each row. */
export function TableView({ data, caption, linkHref }: { data: TableData; caption: string; linkHref: (href: string) => string }) {
  const [sort, setSort] = useState<TableSort>(null);
  const rows = sortRows(data.rows, sort);
  return (
    <div className={styles.scroll}>
      <table className={styles.table}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {data.columns.map((column) => {
              const unit = headerUnit(column);
              const numeric = column.kind === 'number' || column.kind === 'sparkline';
              return (
                <th key={column.key} scope="col" className={numeric ? styles.num : undefined} aria-sort={sort?.key === column.key ? sort.direction : undefined}>
                  <button type="button" onClick={() => setSort(nextTableSort(sort, column))}>
                    {column.label}
                    {unit && <span className={styles.unit}> ({unit})</span>}
                    <Arrow sort={sort} column={column} />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-health={statusOf(row.health)}>
              {data.columns.map((column, i) => {
                const content = <CellContent cell={row.cells[column.key]} column={column} health={statusOf(row.health)} linkHref={linkHref} />;
                if (i === 0) {
                  return (
                    <th key={column.key} scope="row">
                      {content}
                      <RowCue health={row.health} />
                    </th>
                  );
                }
                const numeric = column.kind === 'number' || column.kind === 'sparkline';
                return (
                  <td key={column.key} className={numeric ? styles.num : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

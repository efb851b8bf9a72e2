import Link from 'next/link';
import type { Cell, Column, Health } from '@/lib/dashboards/schema';
import { Missing } from '@/components/ui/missing';
import { formatUnit, formatUnitParts } from '../format-unit';
import { sparklinePath } from './sparkline-path';
import styles from './table-view.module.css';

const SPARK_WIDTH = 96;
const SPARK_HEIGHT = 24;

function Sparkline({ values, column, health }: { values: readonly (number | null)[]; column: Column; health?: Health }) {
  const path = sparklinePath(values, SPARK_WIDTH, SPARK_HEIGHT, 2);
  const finite = values.filter((v): v is number => v !== null);
  if (!path) return <Missing />;
  const unit = column.unit ?? 'none';
  const label = `${column.label}: from ${formatUnit(finite[0] ?? null, unit)} to ${formatUnit(finite[finite.length - 1] ?? null, unit)}, peak ${formatUnit(Math.max(...finite), unit)}`;
  return (
    <svg className={styles.spark} data-health={health} width={SPARK_WIDTH} height={SPARK_HEIGHT} viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`} role="img" aria-label={label}>
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}

/** One table cell's content by its shape: number (unit in the header), text, link or sparkline. */
export function CellContent({ cell, column, health, linkHref }: { cell: Cell | undefined; column: Column; health?: Health; linkHref: (href: string) => string }) {
  if (cell === undefined || cell === null) return <Missing />;
  if (typeof cell === 'number') {
    const parts = formatUnitParts(cell, column.unit ?? 'none');
    // Bytes scale per value, so their unit stays in the cell; the others are in the header.
    return <>{column.unit === 'bytes' ? formatUnit(cell, 'bytes') : parts.text}</>;
  }
  if (typeof cell === 'string') return <>{cell}</>;
  if ('sparkline' in cell) return <Sparkline values={cell.sparkline} column={column} health={health} />;
  if (cell.href.startsWith('/') && !cell.href.startsWith('//')) return <Link href={linkHref(cell.href)}>{cell.text}</Link>;
  return (
    <a href={cell.href} target="_blank" rel="noopener noreferrer">
      {cell.text}
      <span aria-hidden="true"> ↗</span>
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

// What a panel table's cell sorts by, for the one sort model (components/ui/sort-model.ts). Pure.
import type { Cell } from '@/lib/dashboards/schema';
import type { SortValue } from '@/components/ui/sort-model';

/** Numbers, text, a link's text, a sparkline's latest value; empty cells are null (they sort last). */
export function cellSortValue(cell: Cell | undefined): SortValue {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'string') return cell;
  if ('text' in cell) return cell.text;
  for (let i = cell.sparkline.length - 1; i >= 0; i -= 1) {
    const v = cell.sparkline[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

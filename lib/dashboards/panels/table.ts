// Table panels: columns declared one per call, and the panel output with its empty-table sentence,
// written once for every table panel.
import type { Column, Unit } from '../schema';
import type { PanelOutput, TableData } from './types';

/** Column declarations: `col.num('rps', 'Requests', 'reqps')` reads as the header it makes. */
export const col = {
  text: (key: string, label: string): Column => ({ key, label, kind: 'text' }),
  link: (key: string, label: string): Column => ({ key, label, kind: 'link' }),
  num: (key: string, label: string, unit?: Unit): Column => ({ key, label, kind: 'number', ...(unit ? { unit } : {}) }),
  spark: (key: string, label: string, unit: Unit): Column => ({ key, label, kind: 'sparkline', unit }),
};

/** A table panel's output; `empty` says why the table has no rows (only shown when it has none). */
export function tableOutput(columns: Column[], rows: TableData['rows'], { empty, warnings = [] }: { empty?: string; warnings?: string[] } = {}): PanelOutput {
  return { data: { kind: 'table', columns, rows, ...(rows.length === 0 && empty !== undefined ? { detail: empty } : {}) }, warnings };
}

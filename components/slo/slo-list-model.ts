import { compareValues, sortRows as sortTable, type SortableColumn, type TableSort } from '@/components/ui/sort-model';
import type { SloSpec } from '@/lib/slo/spec';
import type { SloStatus } from '@/lib/slo/status-schema';
import type { SlosStatusResponse } from '@/lib/slo/api-schemas';

// Rows of the /slos list: a spec joined with its status or evaluation error, then searched, sorted
// by the server's budget remaining, and grouped by team and service. Pure.

export interface SloRow {
  spec: SloSpec;
  status?: SloStatus;
  error?: string;
}
export type SortKey = 'budget-asc' | 'budget-desc' | 'name';
export interface ServiceGroup {
  service: string;
  namespace: string;
  rows: SloRow[];
}
export interface TeamGroup {
  team: string;
  services: ServiceGroup[];
}

export function joinRows(specs: readonly SloSpec[], statuses: SlosStatusResponse | undefined, statusError?: string): SloRow[] {
  const byName = new Map(statuses?.statuses.map((s) => [s.name, s]));
  const errors = new Map(statuses?.errors.map((e) => [e.name, e.message]));
  return specs.map((spec) => ({ spec, status: byName.get(spec.name), error: errors.get(spec.name) ?? statusError }));
}

export function filterRows(rows: readonly SloRow[], query: string): SloRow[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...rows];
  return rows.filter(({ spec }) =>
    [spec.name, spec.service, spec.namespace, spec.team, spec.description ?? ''].some((field) => field.toLowerCase().includes(q)),
  );
}

/** The URL's `?team=` (exact team name, as the executive dashboard links it); null or '' keeps every team. */
export function filterTeam(rows: readonly SloRow[], team: string | null): SloRow[] {
  return team ? rows.filter(({ spec }) => spec.team === team) : [...rows];
}

/** Teams to choose from: those of the specs, plus the URL's team even when no SLO has it (yet). */
export function teamOptions(specs: readonly SloSpec[], current: string | null): string[] {
  return [...new Set([...specs.map((s) => s.team), ...(current ? [current] : [])])].sort((a, b) => a.localeCompare(b));
}

// The list's sort choices in the one sort model: budget remaining (unknown last either way, so errors
// never hide a burning SLO) or name; ties by name.
const BY: SortableColumn<SloRow>[] = [
  { key: 'budget', numeric: true, sortValue: (r) => r.status?.errorBudget.remaining ?? null },
  { key: 'name', sortValue: (r) => r.spec.name },
];
const SORTS: Record<SortKey, TableSort> = {
  'budget-asc': { key: 'budget', direction: 'ascending' },
  'budget-desc': { key: 'budget', direction: 'descending' },
  name: { key: 'name', direction: 'ascending' },
};
const byName = (a: SloRow, b: SloRow) => compareValues(a.spec.name, b.spec.name);

export function sortRows(rows: readonly SloRow[], key: SortKey): SloRow[] {
  return sortTable(rows, SORTS[key], BY, byName);
}

/** Groups keep the order of the first row they contain, so sorting carries across groups. */
export function groupRows(rows: readonly SloRow[]): TeamGroup[] {
  const teams = new Map<string, Map<string, ServiceGroup>>();
  for (const row of rows) {
    const services = teams.get(row.spec.team) ?? new Map<string, ServiceGroup>();
    teams.set(row.spec.team, services);
    const key = `${row.spec.namespace}/${row.spec.service}`;
    const group = services.get(key) ?? { service: row.spec.service, namespace: row.spec.namespace, rows: [] };
    services.set(key, group);
    group.rows.push(row);
  }
  return [...teams].map(([team, services]) => ({ team, services: [...services.values()] }));
}

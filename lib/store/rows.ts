import 'server-only';
import { sloSpecSchema, type SloSpec } from '@/lib/slo';
import type { HistoryAction, HistoryEntry, StoredSlo } from './types';

// Table rows of the SQLite store and their conversion to the store's types.

export interface SloRow {
  name: string;
  spec: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}
export interface HistoryRow {
  id: number;
  slo_name: string;
  version: number;
  action: HistoryAction;
  actor: string;
  at: string;
  before: string | null;
  after: string | null;
}

/**
 * Specs are validated again on the way out, so a row the current schema cannot read fails loudly
 * here; a schema change that tightens the spec must come with a migration rewriting old rows.
 */
const parseSpec = (json: string): SloSpec => sloSpecSchema.parse(JSON.parse(json));

export function toStored(row: SloRow): StoredSlo {
  return {
    spec: parseSpec(row.spec),
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function toHistoryEntry(r: HistoryRow): HistoryEntry {
  return {
    id: r.id,
    name: r.slo_name,
    version: r.version,
    action: r.action,
    actor: r.actor,
    at: r.at,
    before: r.before === null ? null : parseSpec(r.before),
    after: r.after === null ? null : parseSpec(r.after),
  };
}

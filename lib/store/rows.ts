import 'server-only';
import { ApiError } from '@/lib/api/api-error';
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
 * here; a schema change that tightens the spec must come with a migration rewriting old rows. Loudly
 * as the server's fault (500), naming the SLO so it can be deleted (deleting reads no spec), never as
 * the caller's invalid request.
 */
function parseSpec(name: string, json: string): SloSpec {
  try {
    return sloSpecSchema.parse(JSON.parse(json));
  } catch (err) {
    console.error(`[store] the stored spec of SLO "${name}" does not validate:`, err);
    throw new ApiError(500, 'stored_slo_unreadable', `The stored SLO "${name}" cannot be read by this version of Meshwatch (its spec no longer validates; see the server log). Delete it, or restore it from its history.`, { name });
  }
}

export function toStored(row: SloRow): StoredSlo {
  return {
    spec: parseSpec(row.name, row.spec),
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
    before: r.before === null ? null : parseSpec(r.slo_name, r.before),
    after: r.after === null ? null : parseSpec(r.slo_name, r.after),
  };
}

import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { MeshAlertSetting } from '@/lib/mesh-alerts';
import type { SloSpec } from '@/lib/slo';

// The SLO store contract. Specs never depend on Prometheus: the store is the only thing list, read,
// create, update and delete touch.

export interface StoredSlo {
  spec: SloSpec;
  /** Starts at 1, +1 on every update; the ETag of the SLO. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface StoredMeshAlertSetting extends MeshAlertSetting {
  updatedAt: string;
  updatedBy: string;
}

export type HistoryAction = 'create' | 'update' | 'delete' | 'import';

export interface HistoryEntry {
  id: number;
  name: string;
  /** The version the change produced (for a delete, the version that was deleted). */
  version: number;
  action: HistoryAction;
  actor: string;
  /** RFC 3339. */
  at: string;
  before: SloSpec | null;
  after: SloSpec | null;
}

export interface SloStore {
  list(): StoredSlo[];
  get(name: string): StoredSlo | undefined;
  /** Throws SloExistsError when the name is taken. */
  create(spec: SloSpec, actor: string): StoredSlo;
  /** All or nothing, in one transaction; throws SloExistsError naming the first taken name. */
  importMany(specs: readonly SloSpec[], actor: string): StoredSlo[];
  /** `expectedVersion` undefined updates unconditionally; a different current version throws VersionConflictError. */
  update(name: string, spec: SloSpec, actor: string, expectedVersion?: number): StoredSlo;
  delete(name: string, actor: string, expectedVersion?: number): void;
  /** Newest first; kept after a delete. */
  history(name: string): HistoryEntry[];
  /** The mesh-health alert settings changed from their defaults (alerts never changed have no entry). */
  meshAlertSettings(): StoredMeshAlertSetting[];
  /** Saves these alerts' settings in one transaction; the others keep theirs. */
  putMeshAlertSettings(settings: readonly MeshAlertSetting[], actor: string): StoredMeshAlertSetting[];
  /**
   * Changes with every write to this store (by any process) and differs between stores: answers
   * computed from its SLOs can be kept until it changes (lib/api's shared answers).
   */
  revision(): string;
  close(): void;
}

export class SloNotFoundError extends ApiError {
  constructor(name: string) {
    super(404, 'not_found', `No SLO named "${name}"`, { name });
  }
}

export class SloExistsError extends ApiError {
  constructor(name: string) {
    super(409, 'already_exists', `An SLO named "${name}" already exists`, { name });
  }
}

/** A stale edit: the client's version is not the current one. Carries the current state to merge with. */
export class VersionConflictError extends ApiError {
  constructor(readonly current: StoredSlo, expected: number) {
    super(409, 'version_conflict', `SLO "${current.spec.name}" is at version ${current.version}, not ${expected}: reload it and edit again`, {
      currentVersion: current.version,
      current: current.spec,
    });
  }
}
